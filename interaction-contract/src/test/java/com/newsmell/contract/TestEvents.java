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
     * A valid submission of {@code type}: a base envelope (with perfumeId and recommendationId, a userId for the types
     * that require one ({@link EventParser#REQUIRES_USER_ID}), and the envelope fields the seed requires of the type) whose eventData is the type's {@link #minimalData} overlaid with
     * {@code eventData}, object by object (or {@code eventData} itself when it is no object); then edits applied:
     * {@code "-field"} removes a top-level field, {@code "field=<json>"} sets it, and {@code "-eventData/field"} /
     * {@code "eventData/field=<json>"} do the same inside eventData.
     */
    static ObjectNode event(String type, String eventData, String... edits) {
        ObjectNode o = (ObjectNode) json("{\"sessionId\":\"sess-1\",\"path\":\"/perfumes/p-1\",\"eventType\":\"" + type
                + "\",\"timestamp\":\"2024-05-01T12:00:00Z\",\"perfumeId\":\"p-1\",\"recommendationId\":\"rec-1\"}");
        InteractionEventType known = InteractionEventType.fromName(type).orElse(null);
        if (known != null && EventParser.REQUIRES_USER_ID.contains(known)) {
            o.put("userId", "u-1");
        }
        if (known != null && RequiredFields.ENVELOPE.containsKey(known)) {
            o.put("pageScrollPosition", 0).put("timeOnPage", 0);
        }
        JsonNode data = json(eventData);
        if (data.isObject() && known != null) {
            data = overlay((ObjectNode) json(minimalData(known)), (ObjectNode) data);
        }
        o.set("eventData", data);
        for (String edit : edits) {
            ObjectNode target = o;
            String field = edit.startsWith("-") ? edit.substring(1) : edit.substring(0, edit.indexOf('='));
            if (field.startsWith("eventData/")) {
                target = (ObjectNode) o.get("eventData");
                field = field.substring("eventData/".length());
            }
            if (edit.startsWith("-")) {
                target.remove(field);
            } else {
                target.set(field, json(edit.substring(edit.indexOf('=') + 1)));
            }
        }
        return o;
    }

    /**
     * The smallest eventData that meets the type's required fields: the seed's required fields
     * ({@link RequiredFields}) and the contract's ({@code position} of a result click, the context of a
     * recommendation impression); {@code "{}"} for the other types.
     */
    static String minimalData(InteractionEventType type) {
        return switch (type) {
            case PAGE_VIEW, PERFUME_VIEW, HOUSE_VIEW ->
                "{\"title\":\"t\",\"viewDuration\":1000,\"scrollDepth\":50,\"source\":\"direct\","
                        + "\"viewport\":{\"width\":1280,\"height\":720},\"deviceType\":\"desktop\"}";
            case SEARCH_PERFORMED ->
                "{\"query\":\"oud\",\"queryLength\":3,\"queryWords\":[\"oud\"],\"filters\":{},\"resultsCount\":1,"
                        + "\"resultsShown\":1,\"hasResults\":true,\"searchType\":\"initial\"}";
            case RATING_COMPLETED ->
                "{\"ratings\":{},\"timeToComplete\":10,\"categoriesRated\":0,\"edited\":false,"
                        + "\"source\":\"detail_page\",\"hadPreviousRating\":false}";
            case COLLECTION_ADD, COLLECTION_UPDATE, COLLECTION_REMOVE -> "{\"source\":\"detail_page\"}";
            case SEARCH_RESULT_CLICKED -> "{\"position\":0}";
            case RECOMMENDATION_SHOWN -> "{\"algorithm\":\"a\",\"source\":\"email\",\"position\":0}";
            default -> "{}";
        };
    }

    /** eventData with {@code value} at {@code field}, a {@code /}-separated path of nested objects. */
    static String data(String field, String value) {
        String[] parts = field.split("/");
        StringBuilder json = new StringBuilder();
        for (String part : parts) {
            json.append("{\"").append(part).append("\":");
        }
        return json.append(value).append("}".repeat(parts.length)).toString();
    }

    /** {@code base} with each field of {@code top} set, objects overlaid recursively. */
    private static ObjectNode overlay(ObjectNode base, ObjectNode top) {
        top.fields().forEachRemaining(field -> {
            JsonNode under = base.get(field.getKey());
            if (under != null && under.isObject() && field.getValue().isObject()) {
                overlay((ObjectNode) under, (ObjectNode) field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        });
        return base;
    }

    /** The violations of submitting {@code node}, each as {@code "pointer rule"}; empty when the event is valid. */
    static List<String> violations(JsonNode node) {
        return pointersAndRules(EventParser.parse(node));
    }

    /** The violations of decoding {@code node} as stored, each as {@code "pointer rule"}. */
    static List<String> decodeViolations(JsonNode node) {
        return pointersAndRules(EventParser.decode(node));
    }

    private static List<String> pointersAndRules(ParseResult result) {
        return result.violations().stream()
                .map(v -> v.pointer() + " " + v.rule())
                .toList();
    }
}
