package com.newsmell.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Infra;
import com.newsmell.infra.PostgresServer;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The raw store's consumer against the real broker: poison, redelivery, database outage. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class RawEventConsumerTest {

    private static final String GROUP = "event-collector-raw-store";

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String session = "poison-" + UUID.randomUUID();
        String notJson = "{not json " + session;
        String invalid = "{\"sessionId\":\"" + session + "\",\"eventType\":\"NOPE\",\"path\":\"/\"}";
        UserInteractionEvent good = TestEvents.published(session);
        TopicReader.write(
                CollectorTestResource.interactionsTopic(),
                List.of(
                        Map.entry(session, notJson),
                        Map.entry(session, invalid),
                        Map.entry(session, EventCodec.toJson(good))));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(session) == 1);
        List<TopicReader.Read> dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicReader.deadLetters(CollectorTestResource.deadLetterTopic(), session),
                        l -> l.size() == 2);
        assertThat(dead).extracting(TopicReader.Read::value).containsExactlyInAnyOrder(notJson, invalid);
        assertThat(dead).allSatisfy(r -> {
            assertThat(r.headers().get(DeadLetterHeaders.REASON)).isNotBlank();
            assertThat(r.headers().get(DeadLetterHeaders.SOURCE)).isEqualTo("event-collector");
        });
        assertThat(dead.stream()
                        .filter(r -> r.value().equals(invalid))
                        .findFirst()
                        .orElseThrow()
                        .headers()
                        .get(DeadLetterHeaders.REASON))
                .contains("/eventType");
    }

    @Test
    void aRedeliveredMessageIsStoredOnce() {
        String session = "redelivered-" + UUID.randomUUID();
        String json = EventCodec.toJson(TestEvents.published(session));
        TopicReader.write(
                CollectorTestResource.interactionsTopic(), List.of(Map.entry(session, json), Map.entry(session, json)));
        TopicReader.write(CollectorTestResource.interactionsTopic(), List.of(Map.entry(session, json)));
        String marker = "after-" + session;
        TopicReader.write(
                CollectorTestResource.interactionsTopic(),
                List.of(Map.entry(marker, EventCodec.toJson(TestEvents.published(marker)))));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(marker) == 1);
        assertThat(rows(session)).isEqualTo(1);
    }

    @Test
    void aDatabaseOutagePausesWithoutCommittingAndCatchesUpAfterwards() {
        PostgresServer postgres = Infra.shared().postgres();
        if (!postgres.isEmbedded()) {
            throw new IllegalStateException(
                    "this test stops the embedded PostgreSQL; it cannot run against an external one");
        }
        String topic = CollectorTestResource.interactionsTopic();
        // Let the consumer catch up first, so that its committed offset is at the end.
        String warmup = "warmup-" + UUID.randomUUID();
        TopicReader.write(topic, List.of(Map.entry(warmup, EventCodec.toJson(TestEvents.published(warmup)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(warmup) == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.committedOffsets(GROUP, topic) == TopicReader.endOffsets(topic));

        String session = "outage-" + UUID.randomUUID();
        postgres.stop();
        try {
            TopicReader.write(
                    topic,
                    List.of(
                            Map.entry(session, EventCodec.toJson(TestEvents.published(session))),
                            Map.entry(session, EventCodec.toJson(TestEvents.published(session))),
                            Map.entry(session, EventCodec.toJson(TestEvents.published(session)))));
            long end = TopicReader.endOffsets(topic);
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> TopicReader.committedOffsets(GROUP, topic) < end);
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(session) == 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.committedOffsets(GROUP, topic) == TopicReader.endOffsets(topic));
        assertThat(TopicReader.deadLetters(CollectorTestResource.deadLetterTopic(), session))
                .isEmpty();
    }

    private static long rows(String session) {
        return Sql.count(
                CollectorTestResource.DATABASE,
                "select count(*) from user_interaction_event where session_id = ?",
                session);
    }
}
