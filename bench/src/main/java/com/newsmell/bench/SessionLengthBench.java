package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * session-service's cost against session length (issue 17, ADR 0070): two topics pre-filled with the same number of
 * events, one of sessions of {@code --short} events and one of sessions of {@code --long} events (page views,
 * perfume views, searches with their clicks, wishlist adds; each session's events one second apart, all sessions
 * interleaved in time order as live traffic), each drained by its own session-service (fresh database, fresh group,
 * the close and rollup jobs off). The figure is the long sessions' events/s over the short ones' (goal ≥ 0.8); each
 * also beside {@code kafka-consumer-perf-test} on its topic.
 *
 * <p>Usage: {@code SessionLengthBench [--events N] [--short L] [--long L] [--repo DIR]}.
 */
public final class SessionLengthBench extends ConsumerBench {

    private int shortLength = 10;
    private int longLength = 500;

    public static void main(String[] args) {
        main(new SessionLengthBench(), args);
    }

    SessionLengthBench() {
        super("session-service", "session", Map.of());
        events = 50_000;
    }

    @Override
    boolean option(String name, String value) {
        switch (name) {
            case "--short" -> shortLength = Integer.parseInt(value);
            case "--long" -> longLength = Integer.parseInt(value);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    void measure(ServiceProcess collector, ServiceProcess service, String topic) {
        throw new UnsupportedOperationException("runs its own services");
    }

    @Override
    void run() throws Exception {
        startInfra();
        Sustained shorter = drainSessionsOf(shortLength);
        Sustained longer = drainSessionsOf(longLength);
        log(
                "RESULT session length: %d-event sessions %.0f events/s (kafka-consumer-perf-test %.0f),"
                        + " %d-event sessions %.0f events/s (kafka-consumer-perf-test %.0f)",
                shortLength,
                shorter.eventsPerSecond(),
                shorter.kafkaRecordsPerSecond(),
                longLength,
                longer.eventsPerSecond(),
                longer.kafkaRecordsPerSecond());
        Row.ratio(
                "session-service, sessions of " + longLength + " vs " + shortLength + " events",
                longer.eventsPerSecond(),
                shorter.eventsPerSecond(),
                "events/s",
                shortLength + "-event sessions",
                0.8);
    }

    /** Fills a topic with sessions of {@code length} events and measures a fresh session-service draining it. */
    private Sustained drainSessionsOf(int length) throws Exception {
        String topic = infra.topic("session-length-" + length);
        long sent = fill(topic, length);
        String group = "bench-session-length-" + length;
        try (ServiceProcess service = ServiceProcess.start(
                        repo,
                        "session-service",
                        "session_length_" + length,
                        ConsumerBench.withPromptCommits(Map.of(
                                "newsmell.topics.interactions", topic,
                                "mp.messaging.incoming.interactions.group.id", group,
                                "newsmell.session.close-idle-sessions-cron", "off",
                                "newsmell.session.rollup-cron", "off",
                                "newsmell.session.summary-relay-interval", "PT0S")),
                        "session-service-length-" + length)
                .awaitReady(Duration.ofMinutes(3))) {
            Sustained drained = drained(topic, group, sent);
            log(
                    "sessions of %d events: %d events in %.1f s = %.0f events/s (kafka-consumer-perf-test %.0f"
                            + " records/s)",
                    length,
                    drained.events(),
                    drained.seconds(),
                    drained.eventsPerSecond(),
                    drained.kafkaRecordsPerSecond());
            return drained;
        }
    }

    /** {@code --events} events as sessions of {@code length}, interleaved in time order; returns how many. */
    private long fill(String topic, int length) {
        int sessions = (int) Math.max(1, events / length);
        String[] ids = new String[sessions];
        for (int s = 0; s < sessions; s++) {
            ids[s] = "bench-len" + length + "-" + UUID.randomUUID();
        }
        Instant t0 = Instant.now().minusSeconds(length + 60L).truncatedTo(ChronoUnit.MILLIS);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long sent = 0;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < length; i++) {
                for (int s = 0; s < sessions; s++) {
                    UserInteractionEvent e = event(ids[s], i, t0.plusSeconds(i).plusMillis(s % 1000));
                    producer.send(new ProducerRecord<>(topic, ids[s], EventCodec.toJson(e)));
                    sent++;
                }
            }
            producer.flush();
        }
        log("filled %s: %d sessions of %d events (%d events)", topic, sessions, length, sent);
        return sent;
    }

    /** The {@code i}-th event of a session: a page view, a search and its click, perfume views, a wishlist add. */
    private static UserInteractionEvent event(String sessionId, int i, Instant at) {
        String perfume = "p-" + (i % 37);
        UserInteractionEvent.Builder b = UserInteractionEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .sessionId(sessionId)
                .timestamp(at)
                .clientTimestamp(at)
                .receivedAt(at)
                .deviceType("desktop")
                .browser("Firefox")
                .os("Linux");
        String searchId = sessionId + "-q" + (i / 10);
        return switch (i % 10) {
            case 3 ->
                b.eventType(InteractionEventType.SEARCH_PERFORMED)
                        .eventCategory(InteractionEventType.SEARCH_PERFORMED.category())
                        .path("/search")
                        .eventData(EventCodec.mapper()
                                .createObjectNode()
                                .put("searchId", searchId)
                                .put("query", "rose " + i)
                                .put("resultsCount", 12))
                        .build();
            case 4 ->
                b.eventType(InteractionEventType.SEARCH_RESULT_CLICKED)
                        .eventCategory(InteractionEventType.SEARCH_RESULT_CLICKED.category())
                        .path("/search")
                        .perfumeId(perfume)
                        .eventData(EventCodec.mapper()
                                .createObjectNode()
                                .put("searchId", searchId)
                                .put("position", i % 5)
                                .put("perfumeId", perfume))
                        .build();
            case 5, 6 ->
                b.eventType(InteractionEventType.PERFUME_VIEW)
                        .eventCategory(InteractionEventType.PERFUME_VIEW.category())
                        .path("/perfumes/" + perfume)
                        .perfumeId(perfume)
                        .build();
            case 8 ->
                b.eventType(InteractionEventType.WISHLIST_ADD)
                        .eventCategory(InteractionEventType.WISHLIST_ADD.category())
                        .path("/perfumes/" + perfume)
                        .perfumeId(perfume)
                        .build();
            default ->
                b.eventType(InteractionEventType.PAGE_VIEW)
                        .eventCategory(InteractionEventType.PAGE_VIEW.category())
                        .path("/page/" + (i % 7))
                        .build();
        };
    }
}
