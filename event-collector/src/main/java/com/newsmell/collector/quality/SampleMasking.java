package com.newsmell.collector.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Set;

/**
 * What a rejected body's sample keeps (issue #20): its shape, JSON types, numbers, booleans and the contract's
 * closed values (event type, category, timestamps, enums, catalog ids); every other string (user and session ids,
 * IP prefixes, user agents, referrers, paths, queries, titles, free text, unknown fields) becomes {@code "***"}, its
 * length kept ({@code "***(12)"}) so a too-long value can still be seen as such. Pure.
 */
public final class SampleMasking {

    /** Strings kept as sent: they name no person and hold no free text. */
    static final Set<String> KEPT = Set.of(
            "eventId",
            "eventType",
            "eventCategory",
            "timestamp",
            "clientTimestamp",
            "sentAt",
            "receivedAt",
            "perfumeId",
            "houseId",
            "noteId",
            "recommendationId",
            "deviceType",
            "source",
            "searchType",
            "queryType",
            "noteType",
            "tradePreference",
            "signupMethod",
            "reportReason",
            "algorithm",
            "algorithmVersion",
            "targetPerfumeId");

    /** Longest kept string; longer ones are masked too. */
    static final int MAX_KEPT_LENGTH = 128;

    private SampleMasking() {}

    /** A masked copy of {@code body}. */
    public static JsonNode mask(JsonNode body) {
        JsonNode copy = body.deepCopy();
        return mask(copy, null);
    }

    private static JsonNode mask(JsonNode node, String name) {
        if (node.isTextual()) {
            String s = node.textValue();
            boolean kept = name != null && KEPT.contains(name) && s.length() <= MAX_KEPT_LENGTH;
            return kept ? node : TextNode.valueOf("***(" + s.length() + ")");
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                e.setValue(mask(e.getValue(), e.getKey()));
            }
            return o;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, mask(node.get(i), null));
            }
        }
        return node;
    }
}
