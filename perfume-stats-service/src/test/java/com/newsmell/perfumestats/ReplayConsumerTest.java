package com.newsmell.perfumestats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.ReplayAck;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.Infra;
import com.newsmell.infra.Replays;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0045 against Kafka and PostgreSQL: the replay topic is consumed by the live processing path: events are applied
 * once (a repeated one changes nothing), an erased user's event is dropped, an unreadable record goes to the
 * dead-letter topic, and what the replay's records came to is acknowledged on replay-acks.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class ReplayConsumerTest {

    private static final String DB = PerfumeStatsTestResource.DATABASE;

    @Test
    void aReplayIsAppliedByTheLivePathOnceWithoutErasedUsersAndAcknowledged() {
        String perfume = Events.perfume();
        String erased = "erased-" + UUID.randomUUID();
        Erasures.awaitAck(Erasures.request(erased), "perfume-stats-service");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        UserInteractionEvent first =
                new Events("u1-" + UUID.randomUUID()).simple(InteractionEventType.PERFUME_VIEW, perfume, at);
        UserInteractionEvent second =
                new Events("u2-" + UUID.randomUUID()).simple(InteractionEventType.PERFUME_VIEW, perfume, at);
        UserInteractionEvent ofErased = new Events(erased).simple(InteractionEventType.PERFUME_VIEW, perfume, at);
        String replay = UUID.randomUUID().toString();
        String poison = "{not an event " + replay;

        Replays.publish(
                "perfume-stats-service",
                replay,
                List.of(
                        record(first),
                        record(second),
                        record(first),
                        record(ofErased),
                        Map.entry(first.sessionId(), poison)));

        ReplayAck acknowledged = Replays.awaitAcknowledged(replay, "perfume-stats-service", 5);
        assertThat(acknowledged.received()).isEqualTo(5);
        assertThat(acknowledged.applied()).isEqualTo(3);
        assertThat(acknowledged.dropped()).isEqualTo(1);
        assertThat(acknowledged.deadLettered()).isEqualTo(1);
        assertThat(Sql.count(DB, "select total_views from perfume_interaction_stats where perfume_id = ?", perfume))
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(Infra.shared().topic(ServiceConfig.DEAD_LETTER)).stream()
                        .anyMatch(r -> r.value().equals(poison)
                                && "perfume-stats-service".equals(r.headers().get("dead-letter-source"))));
    }

    private static Map.Entry<String, String> record(UserInteractionEvent event) {
        return Map.entry(event.sessionId(), EventCodec.toJson(event));
    }
}
