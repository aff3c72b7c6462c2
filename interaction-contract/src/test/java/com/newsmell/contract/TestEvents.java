package com.newsmell.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds test event JSON from a valid base. */
final class TestEvents {

    private TestEvents() {}

    static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /**
     * A valid base event of {@code type} (with perfumeId and recommendationId so per-type requirements pass) with
     * {@code eventData}, then edits applied: {@code "-field"} removes a top-level field, {@code "field=<json>"}
     * sets it.
     */
    static ObjectNode event(String type, String eventData, String... edits) {
        ObjectNode o = (ObjectNode) json("{\"sessionId\":\"sess-1\",\"path\":\"/perfumes/p-1\",\"eventType\":\"" + type
                + "\",\"timestamp\":\"2024-05-01T12:00:00Z\",\"perfumeId\":\"p-1\",\"recommendationId\":\"rec-1\"}");
        o.set("eventData", json(eventData));
        for (String edit : edits) {
            if (edit.startsWith("-")) {
                o.remove(edit.substring(1));
            } else {
                int eq = edit.indexOf('=');
                o.set(edit.substring(0, eq), json(edit.substring(eq + 1)));
            }
        }
        return o;
    }

    /** The smallest eventData that meets the type's required fields ({@code "{}"} for most types). */
    static String minimalData(InteractionEventType type) {
        return switch (type) {
            case SEARCH_RESULT_CLICKED -> "{\"position\":0}";
            case RECOMMENDATION_SHOWN -> "{\"algorithm\":\"a\",\"source\":\"email\",\"position\":0}";
            default -> "{}";
        };
    }

    /** The violations of parsing {@code node}, each as {@code "pointer rule"}; empty when the event is valid. */
    static List<String> violations(JsonNode node) {
        return EventParser.parse(node).violations().stream()
                .map(v -> v.pointer() + " " + v.rule())
                .toList();
    }
}
