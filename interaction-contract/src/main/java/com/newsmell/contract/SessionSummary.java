package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One record of {@link Topics#SESSION_SUMMARIES}, keyed by sessionId: what a closed session was. session-service
 * writes it when a session closes, and again, with a higher revision, when a late event changes a closed session;
 * profile-service keeps the highest revision of each session (issue #11, ADR 0017). JSON
 * {@code {"sessionId":"…","userId":"…"|null,"startTime":"…","endTime":"…","durationSeconds":n,"pageViews":n,
 * "perfumesViewed":n,"interactions":n,"bounced":b,"isBot":b,"deviceType":"…"|null,"revision":n}}.
 *
 * @param sessionId the session (the record's key)
 * @param userId the session's user; null for an anonymous session
 * @param startTime the time of its first event
 * @param endTime the time of its last event
 * @param durationSeconds endTime − startTime in whole seconds, rounded down
 * @param pageViews its events of the VIEW category
 * @param perfumesViewed its distinct perfumeIds of PERFUME_VIEW events
 * @param interactions its events of the RATING, REVIEW and COLLECTION categories
 * @param bounced exactly one page view and no engagement event
 * @param isBot whether the session is a bot's
 * @param deviceType the first non-null deviceType of its events; null if none had one
 * @param revision 1 for the first summary of a session, one more for each change after
 */
public record SessionSummary(
        String sessionId,
        String userId,
        Instant startTime,
        Instant endTime,
        long durationSeconds,
        int pageViews,
        int perfumesViewed,
        int interactions,
        boolean bounced,
        boolean isBot,
        String deviceType,
        long revision) {

    /** Why a record is not a session-summaries record; the reason goes with it to the dead-letter topic. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String reason) {
            super("invalid session-summaries record: " + reason);
        }
    }

    /** The Kafka key. */
    public String key() {
        return sessionId;
    }

    /** The same summary with another revision. */
    public SessionSummary withRevision(long newRevision) {
        return new SessionSummary(
                sessionId,
                userId,
                startTime,
                endTime,
                durationSeconds,
                pageViews,
                perfumesViewed,
                interactions,
                bounced,
                isBot,
                deviceType,
                newRevision);
    }

    /** The Kafka value, its fields in the documented order. */
    public String toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("sessionId", sessionId);
        json.put("userId", userId);
        json.put("startTime", startTime.toString());
        json.put("endTime", endTime.toString());
        json.put("durationSeconds", durationSeconds);
        json.put("pageViews", pageViews);
        json.put("perfumesViewed", perfumesViewed);
        json.put("interactions", interactions);
        json.put("bounced", bounced);
        json.put("isBot", isBot);
        json.put("deviceType", deviceType);
        json.put("revision", revision);
        return json.toString();
    }

    /** Parses and checks a record's value; throws {@link Invalid} naming the field and the rule it broke. */
    public static SessionSummary fromJson(String value) {
        JsonNode node = RecordJson.object(value, Invalid::new);
        String sessionId = text(node, "sessionId", true);
        Instant startTime = instant(node, "startTime");
        Instant endTime = instant(node, "endTime");
        if (endTime.isBefore(startTime)) {
            throw new Invalid("endTime is before startTime");
        }
        long revision = whole(node, "revision", Long.MAX_VALUE);
        if (revision < 1) {
            throw new Invalid("revision must be >= 1");
        }
        return new SessionSummary(
                sessionId,
                text(node, "userId", false),
                startTime,
                endTime,
                whole(node, "durationSeconds", Long.MAX_VALUE),
                (int) whole(node, "pageViews", Integer.MAX_VALUE),
                (int) whole(node, "perfumesViewed", Integer.MAX_VALUE),
                (int) whole(node, "interactions", Integer.MAX_VALUE),
                bool(node, "bounced"),
                bool(node, "isBot"),
                text(node, "deviceType", false),
                revision);
    }

    private static String text(JsonNode object, String field, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Invalid(field + " is required, a non-blank string");
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new Invalid(field + " must be a non-blank string" + (required ? "" : " or null"));
        }
        String text = node.textValue();
        if (text.length() > Limits.MAX_ID_LENGTH) {
            throw new Invalid(field + " is longer than " + Limits.MAX_ID_LENGTH + " characters");
        }
        int at = StorableText.unstorableAt(text);
        if (at >= 0) {
            throw new Invalid(
                    field + " can't be stored as text (rule " + StorableText.rule(text, at) + " at " + at + ")");
        }
        return text;
    }

    private static Instant instant(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isTextual()) {
            throw new Invalid(field + " is required, an ISO-8601 instant");
        }
        try {
            return Instant.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " is not an ISO-8601 instant: " + node.textValue());
        }
    }

    private static long whole(JsonNode object, String field, long max) {
        JsonNode node = object.get(field);
        if (node == null
                || !node.isIntegralNumber()
                || !node.canConvertToLong()
                || node.longValue() < 0
                || node.longValue() > max) {
            throw new Invalid(field + " is required, a whole number from 0 to " + max);
        }
        return node.longValue();
    }

    private static boolean bool(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isBoolean()) {
            throw new Invalid(field + " is required, true or false");
        }
        return node.booleanValue();
    }
}
