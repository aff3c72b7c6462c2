package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One record of {@link Topics#PERFUME_VIEW_AUDIT}, keyed by perfumeId: the raw store's exact counts of one perfume's
 * non-bot PERFUME_VIEW events over [asOf - 7 d, asOf) and [asOf - 30 d, asOf). The event-collector writes it,
 * perfume-stats-service reads it (issue #21, the daily window check); this is its one definition. JSON
 * {@code {"perfumeId":"…","asOf":"2026-12-06T03:00:00Z","views7d":n,"views30d":n,"auditedAt":"…"}}.
 *
 * @param perfumeId the perfume
 * @param asOf the end of both windows, a whole UTC hour
 * @param views7d the raw store's views in the 7-day window
 * @param views30d the raw store's views in the 30-day window
 * @param auditedAt when the collector counted them (an event received later, with an earlier timestamp, is not in
 *     the counts)
 */
public record PerfumeViewAudit(String perfumeId, Instant asOf, int views7d, int views30d, Instant auditedAt) {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Why a record is not a perfume-view-audit record; the reason goes with it to the dead-letter topic. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String reason) {
            super("invalid perfume-view-audit record: " + reason);
        }
    }

    /** The Kafka key. */
    public String key() {
        return perfumeId;
    }

    /** The Kafka value, its fields in the documented order. */
    public String toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("perfumeId", perfumeId);
        json.put("asOf", asOf.toString());
        json.put("views7d", views7d);
        json.put("views30d", views30d);
        json.put("auditedAt", auditedAt.toString());
        return json.toString();
    }

    /** Parses and checks a record's value; throws {@link Invalid} naming the field and the rule it broke. */
    public static PerfumeViewAudit fromJson(String value) {
        JsonNode node = RecordJson.object(value, Invalid::new);
        String perfumeId = perfumeId(node.get("perfumeId"));
        Instant asOf = instant(node, "asOf");
        if (!asOf.truncatedTo(ChronoUnit.HOURS).equals(asOf)) {
            throw new Invalid("asOf must be a whole UTC hour, got " + asOf);
        }
        int views7d = count(node, "views7d");
        int views30d = count(node, "views30d");
        if (views7d > views30d) {
            throw new Invalid("views7d (" + views7d + ") exceeds views30d (" + views30d + ")");
        }
        return new PerfumeViewAudit(perfumeId, asOf, views7d, views30d, instant(node, "auditedAt"));
    }

    private static String perfumeId(JsonNode node) {
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new Invalid("perfumeId is required, a non-blank string");
        }
        String id = node.textValue();
        if (id.length() > Limits.MAX_ID_LENGTH) {
            throw new Invalid("perfumeId is longer than " + Limits.MAX_ID_LENGTH + " characters");
        }
        int at = StorableText.unstorableAt(id);
        if (at >= 0) {
            throw new Invalid(
                    "perfumeId can't be stored as text (rule " + StorableText.rule(id, at) + " at " + at + ")");
        }
        return id;
    }

    private static Instant instant(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isTextual()) {
            throw new Invalid(field + " is required, an ISO-8601 instant");
        }
        Instant instant;
        try {
            instant = Instant.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " is not an ISO-8601 instant: " + node.textValue());
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new Invalid(field + " must be from 1970 to before 2100");
        }
        return instant;
    }

    private static int count(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new Invalid(field + " is required, a whole number >= 0");
        }
        return node.intValue();
    }
}
