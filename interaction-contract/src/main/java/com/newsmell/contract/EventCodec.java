package com.newsmell.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Wire format of {@link UserInteractionEvent}: a JSON object whose fields are the record components, in
 * declaration order; {@code null} fields are omitted, instants are ISO-8601 UTC strings
 * ({@link Instant#toString()}), {@code eventType}/{@code eventCategory} are enum names, {@code schemaVersion} and
 * {@code isBot} are always written. Written by hand with the tree model (no reflection), so it is native-safe.
 * Reading goes through {@link EventParser#decode}, so the wire format and the client format share one set of rules
 * (less the seed's required fields, which the collector checked on submission: ADR 0014).
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventCodec() {}

    /**
     * The shared mapper: {@link JavaTimeModule}, unknown properties ignored, dates as ISO strings, trailing tokens
     * rejected. Thread-safe; do not reconfigure it.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A stored {@code eventData} (the raw store's jsonb text, the archive's column) as the event's object: missing or
     * not a JSON object reads as {} (the collector and event-archiver read stored events back alike).
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode storedEventData(String json) {
        try {
            return json != null && MAPPER.readTree(json) instanceof com.fasterxml.jackson.databind.node.ObjectNode data
                    ? data
                    : MAPPER.createObjectNode();
        } catch (Exception e) {
            return MAPPER.createObjectNode();
        }
    }

    /** The node's size in bytes as this mapper writes it (compact UTF-8); {@code Long.MAX_VALUE} if it cannot be. */
    public static long serializedSize(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            return Long.MAX_VALUE;
        }
    }

    public static String toJson(UserInteractionEvent event) {
        try {
            return MAPPER.writeValueAsString(toNode(event, false));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wire representation as a tree; {@code eventData} is a deep copy. */
    public static ObjectNode toJsonNode(UserInteractionEvent event) {
        return toNode(event, true);
    }

    /**
     * Parses and validates one event as stored ({@link EventParser#decode}: any known schemaVersion).
     *
     * @throws InvalidEventException when the input is not JSON (pointer {@code ""}, rule {@code format}) or not a
     *     valid event
     */
    public static UserInteractionEvent fromJson(String json) {
        if (json == null) {
            throw new InvalidEventException(
                    List.of(new Violation("", Violation.RULE_REQUIRED, "event JSON must not be null")));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(
                    List.of(new Violation("", Violation.RULE_FORMAT, "not valid JSON: " + e.getOriginalMessage())), e);
        }
        return fromJsonNode(node);
    }

    /**
     * Validates one event tree as stored ({@link EventParser#decode}: any known schemaVersion; a string that cannot
     * be stored, such as one holding a NUL, is invalid).
     *
     * @throws InvalidEventException when it is not a valid event
     */
    public static UserInteractionEvent fromJsonNode(JsonNode node) {
        ParseResult result = EventParser.decode(node);
        if (!result.valid()) {
            throw new InvalidEventException(result.violations());
        }
        return result.event();
    }

    private static ObjectNode toNode(UserInteractionEvent e, boolean copyData) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        put(o, "eventId", e.eventId());
        o.put("schemaVersion", e.schemaVersion());
        put(o, "schemaVersionSent", e.schemaVersionSent());
        put(o, "userId", e.userId());
        put(o, "sessionId", e.sessionId());
        put(o, "anonymousId", e.anonymousId());
        if (e.eventType() != null) {
            o.put("eventType", e.eventType().name());
        }
        if (e.eventCategory() != null) {
            o.put("eventCategory", e.eventCategory().name());
        }
        put(o, "timestamp", e.timestamp());
        put(o, "clientTimestamp", e.clientTimestamp());
        put(o, "sentAt", e.sentAt());
        put(o, "receivedAt", e.receivedAt());
        put(o, "perfumeId", e.perfumeId());
        put(o, "houseId", e.houseId());
        put(o, "noteId", e.noteId());
        put(o, "recommendationId", e.recommendationId());
        o.set("eventData", copyData ? e.eventData().deepCopy() : e.eventData());
        put(o, "deviceType", e.deviceType());
        put(o, "browser", e.browser());
        put(o, "os", e.os());
        o.put("isBot", e.isBot());
        put(o, "botReason", e.botReason());
        put(o, "userAgent", e.userAgent());
        put(o, "referrer", e.referrer());
        put(o, "path", e.path());
        put(o, "ipPrefix", e.ipPrefix());
        put(o, "location", e.location());
        if (e.duration() != null) {
            o.put("duration", e.duration());
        }
        if (e.value() != null) {
            o.put("value", e.value());
        }
        if (e.pageScrollPosition() != null) {
            o.put("pageScrollPosition", e.pageScrollPosition());
        }
        if (e.timeOnPage() != null) {
            o.put("timeOnPage", e.timeOnPage());
        }
        return o;
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void put(ObjectNode o, String field, Instant value) {
        if (value != null) {
            o.put(field, CanonicalInstant.format(value)); // exactly value.toString()
        }
    }
}
