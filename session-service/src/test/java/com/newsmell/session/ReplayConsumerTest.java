package com.newsmell.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.Replays;
import com.newsmell.infra.WireEvents;
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
@QuarkusTestResource(SessionTestResource.class)
class ReplayConsumerTest {

    @Test
    void theReplayTopicGoesThroughTheLivePathAndIsAcknowledged() {
        assertThat(Replays.checkLivePath(
                                "session-service",
                                SessionTestResource.DATABASE,
                                WireEvents.event(
                                                InteractionEventType.PAGE_VIEW,
                                                "replay-" + UUID.randomUUID(),
                                                Instant.now().minusSeconds(60))
                                        .userId("replay-user")
                                        .build())
                        .applied())
                .isEqualTo(2);
    }
}
