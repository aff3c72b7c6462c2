package com.newsmell.infra;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers: events as the collector puts them on the interaction topic, and publishing them. */
public final class WireEvents {

    private WireEvents() {}

    /** A valid, enriched event of the type, at the time, with a fresh eventId. */
    public static UserInteractionEvent.Builder event(InteractionEventType type, String sessionId, Instant at) {
        return UserInteractionEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .sessionId(sessionId)
                .eventType(type)
                .eventCategory(type.category())
                .timestamp(at)
                .clientTimestamp(at)
                .receivedAt(at)
                .path("/")
                .deviceType("desktop")
                .browser("Firefox")
                .os("Linux");
    }

    /** Publishes the events to the run's interaction topic, keyed as the collector keys them (ADR 0061), acknowledged. */
    public static void publish(List<UserInteractionEvent> events) {
        TopicReader.write(
                interactionsTopic(),
                events.stream()
                        .map(e -> Map.entry(e.partitionKey(), EventCodec.toJson(e)))
                        .toList());
    }

    /** Publishes raw values (poison) keyed by the given key. */
    public static void publishRaw(String key, String... values) {
        TopicReader.write(
                interactionsTopic(),
                java.util.Arrays.stream(values).map(v -> Map.entry(key, v)).toList());
    }

    public static String interactionsTopic() {
        return Infra.shared().topic(ServiceConfig.INTERACTIONS);
    }

    public static String deadLetterTopic() {
        return Infra.shared().topic(ServiceConfig.DEAD_LETTER);
    }
}
