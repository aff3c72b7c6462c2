package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One record of the compacted {@link Topics#IDENTITY_LINKS} topic (ADR 0062), keyed by {@code anonymousId}: the visitor
 * known by that id is the user {@code userId}. The collector writes one for every Segment-spec {@code identify} that
 * carries both ids and for every {@code alias} ({@code previousId} → {@code userId}); consumers stitch the anonymous
 * history to the user. JSON {@code {"anonymousId":"…","userId":"…","via":"identify","linkedAt":"…","source":"…",
 * "traits":{…}}}.
 *
 * @param anonymousId the anonymous id (an {@code alias}'s {@code previousId})
 * @param userId the user it is
 * @param via {@code identify} or {@code alias}
 * @param linkedAt when the collector received the call
 * @param source the write key's source ({@code web}, {@code server}, ...)
 * @param traits the identify call's traits that the collector's allow-list keeps (none by default: no email, name or
 *     phone), or null
 */
public record IdentityLink(
        String anonymousId, String userId, String via, Instant linkedAt, String source, ObjectNode traits) {

    /** Why a record is not an identity link; the reason goes with it to the dead-letter topic. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String reason) {
            super("invalid identity-links record: " + reason);
        }
    }

    /** The Kafka key. */
    public String key() {
        return anonymousId;
    }

    /** The Kafka value, its fields in the documented order. */
    public String toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("anonymousId", anonymousId);
        json.put("userId", userId);
        json.put("via", via);
        json.put("linkedAt", linkedAt.toString());
        if (source != null) {
            json.put("source", source);
        }
        if (traits != null && !traits.isEmpty()) {
            json.set("traits", traits);
        }
        return json.toString();
    }

    /** Parses and checks a record's value; throws {@link Invalid} naming the field and the rule it broke. */
    public static IdentityLink fromJson(String value) {
        JsonNode node = RecordJson.object(value, Invalid::new);
        Instant linkedAt;
        try {
            linkedAt = Instant.parse(text(node, "linkedAt"));
        } catch (DateTimeParseException e) {
            throw new Invalid("linkedAt is not an ISO-8601 instant");
        }
        String via = text(node, "via");
        if (!via.equals("identify") && !via.equals("alias")) {
            throw new Invalid("via must be identify or alias");
        }
        JsonNode source = node.get("source");
        JsonNode traits = node.get("traits");
        return new IdentityLink(
                text(node, "anonymousId"),
                text(node, "userId"),
                via,
                linkedAt,
                source != null && source.isTextual() ? source.textValue() : null,
                traits instanceof ObjectNode object ? object : null);
    }

    private static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new Invalid(field + " is required, a non-blank string");
        }
        if (node.textValue().length() > Limits.MAX_ID_LENGTH) {
            throw new Invalid(field + " is longer than " + Limits.MAX_ID_LENGTH + " characters");
        }
        return node.textValue();
    }
}
