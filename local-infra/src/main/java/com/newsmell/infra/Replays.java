package com.newsmell.infra;

import static org.awaitility.Awaitility.await;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.ReplayAck;
import com.newsmell.contract.Topics;
import com.newsmell.contract.UserInteractionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test helper (ADR 0045): writes records of a replay to a service's replay topic of this run, as the collector and
 * event-archiver do (keyed, the replay's id in the header), and sums a service's acknowledgements of a replay.
 */
public final class Replays {

    private Replays() {}

    /** The service's replay topic of this run. */
    public static String topic(String service) {
        return ServiceConfig.replayPrefix(Infra.shared()) + service;
    }

    /** Writes the records (key, value) of the replay to the service's replay topic; returns once acknowledged. */
    public static void publish(String service, String replayId, List<Map.Entry<String, String>> keyValues) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.shared().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (var kv : keyValues) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(topic(service), kv.getKey(), kv.getValue());
                record.headers().add(Topics.REPLAY_ID_HEADER, replayId.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /**
     * The service's acknowledgements of the replay summed (as the collector counts them, once per batch), once they
     * cover {@code received} records.
     */
    public static ReplayAck awaitAcknowledged(String replayId, String service, long received) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> TopicReader.readAll(Infra.shared().topic(ServiceConfig.REPLAY_ACKS)).stream()
                                .filter(r -> replayId.equals(r.key()))
                                .map(r -> ReplayAck.fromJson(r.value()))
                                .filter(a -> a.service().equals(service))
                                .collect(java.util.stream.Collectors.toMap(
                                        ReplayAck::batch, a -> a, (a, b) -> a, java.util.LinkedHashMap::new))
                                .values()
                                .stream()
                                .reduce(
                                        new ReplayAck(replayId, service, "*", 0, 0, 0, 0),
                                        (a, b) -> new ReplayAck(
                                                replayId,
                                                service,
                                                "*",
                                                a.received() + b.received(),
                                                a.applied() + b.applied(),
                                                a.dropped() + b.dropped(),
                                                a.deadLettered() + b.deadLettered())),
                        sum -> sum.received() >= received);
    }

    /**
     * The check every consuming service runs against its replay topic (ADR 0045): the event twice and an unreadable
     * record, under a new replay, are acknowledged as 3 received, 2 applied (the second changes nothing: the event's
     * claim is in the service's {@code processed_event} once) and 1 dead-lettered, which is on the dead-letter topic
     * with the service as its source. Returns the acknowledgement's sums.
     */
    public static ReplayAck checkLivePath(String service, String database, UserInteractionEvent event) {
        String replayId = UUID.randomUUID().toString();
        String poison = "{not an event " + replayId;
        String json = EventCodec.toJson(event);
        publish(
                service,
                replayId,
                List.of(
                        Map.entry(event.sessionId(), json),
                        Map.entry(event.sessionId(), json),
                        Map.entry(event.sessionId(), poison)));
        ReplayAck sum = awaitAcknowledged(replayId, service, 3);
        expect(sum.received() == 3 && sum.applied() == 2 && sum.dropped() == 0 && sum.deadLettered() == 1, sum);
        expect(
                Sql.count(
                                database,
                                "select count(*) from processed_event where event_id = cast(? as uuid)",
                                event.eventId())
                        == 1,
                "the claim of " + event.eventId());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(Infra.shared().topic(ServiceConfig.DEAD_LETTER)).stream()
                        .anyMatch(r -> r.value().equals(poison)
                                && service.equals(r.headers().get(DeadLetterHeaders.SOURCE))));
        return sum;
    }

    private static void expect(boolean condition, Object what) {
        if (!condition) {
            throw new AssertionError("unexpected: " + what);
        }
    }
}
