package com.newsmell.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.infra.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0045 against Kafka and PostgreSQL: the service's replay topic goes through its live processing path (applied
 * once, the unreadable record dead-lettered) and the replay is acknowledged on replay-acks ({@link
 * Replays#checkLivePath}).
 */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class ReplayConsumerTest {

    @Test
    void theReplayTopicGoesThroughTheLivePathAndIsAcknowledged() {
        assertThat(Replays.checkLivePath(
                                "recommendation-feedback-service",
                                FeedbackTestResource.DATABASE,
                                RecommendationEvents.shown(
                                                "replay-" + UUID.randomUUID(),
                                                "rec-" + UUID.randomUUID(),
                                                "perfume-replay",
                                                Instant.now().minusSeconds(60),
                                                1)
                                        .build())
                        .applied())
                .isEqualTo(2);
    }
}
