package com.newsmell.perfumestats.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.contract.Limits;
import com.newsmell.contract.StorableText;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.http.TimeGrid;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One record of the collector's {@code perfume-view-audit} topic: the raw store's exact counts of one perfume's
 * non-bot PERFUME_VIEW events over [asOf - 7 d, asOf) and [asOf - 30 d, asOf), keyed by perfumeId, JSON
 * {@code {"perfumeId":"…","asOf":"2026-12-06T03:00:00Z","views7d":n,"views30d":n,"auditedAt":"…"}}.
 *
 * @param perfumeId the perfume
 * @param asOf the end of both windows, a whole UTC hour
 * @param views7d the raw store's views in the 7-day window
 * @param views30d the raw store's views in the 30-day window
 * @param auditedAt when the collector counted them
 */
public record AuditRecord(String perfumeId, Instant asOf, int views7d, int views30d, Instant auditedAt) {

    /** Why a record can't be checked; the reason goes with it to the dead-letter topic. */
    public static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super("invalid perfume-view-audit record: " + reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and validates a record's value; throws {@link Invalid} naming the field and the rule it broke. */
    public static AuditRecord parse(String value) {
        JsonNode node;
        try {
            node = value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Invalid("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Invalid("not a JSON object");
        }
        String perfumeId = perfumeId(node.get("perfumeId"));
        Instant asOf = instant(node, "asOf");
        if (!TimeGrid.HOUR.onGrid(asOf)) {
            throw new Invalid("asOf must be a whole UTC hour, got " + asOf);
        }
        int views7d = count(node, "views7d");
        int views30d = count(node, "views30d");
        if (views7d > views30d) {
            throw new Invalid("views7d (" + views7d + ") exceeds views30d (" + views30d + ")");
        }
        return new AuditRecord(perfumeId, asOf, views7d, views30d, instant(node, "auditedAt"));
    }

    /**
     * Whether perfume-stats can answer for this asOf at {@code now}: not in the future (the windows would still be
     * filling), and not so old that the hourly buckets of the 30-day window's first day are gone.
     */
    public void requireAnswerable(Instant now, Instant windowStart30, Instant oldestHourlyBucketKept) {
        if (asOf.isAfter(now)) {
            throw new Invalid("asOf " + asOf + " is in the future");
        }
        if (windowStart30.isBefore(oldestHourlyBucketKept)) {
            throw new Invalid("asOf " + asOf + " is older than the hourly buckets its 30-day window needs (kept from "
                    + oldestHourlyBucketKept + ")");
        }
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
        if (instant.isBefore(QueryParams.EARLIEST) || !instant.isBefore(QueryParams.LATEST)) {
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
