package com.newsmell.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;
import java.util.UUID;

/** Valid client events (every field the seed's event interfaces require) to start from; tests change one thing at a time. */
public final class TestEvents {

    private TestEvents() {}

    /** A page view as the collector publishes it (the contract's event, stored fields set), for the topic directly. */
    public static UserInteractionEvent published(String sessionId) {
        Instant now = Instant.now();
        return UserInteractionEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .sessionId(sessionId)
                .eventType(InteractionEventType.PAGE_VIEW)
                .timestamp(now)
                .clientTimestamp(now)
                .receivedAt(now)
                .path("/")
                .build();
    }

    public static String sessionId(String marker) {
        return marker + "-" + UUID.randomUUID();
    }

    public static ObjectNode pageView(String sessionId) {
        ObjectNode event = EventCodec.mapper().createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("sessionId", sessionId);
        event.put("userId", "user-1");
        event.put("eventType", "PAGE_VIEW");
        event.put("timestamp", Instant.now().minusSeconds(5).toString());
        event.put("path", "/perfumes");
        ObjectNode data = event.putObject("eventData")
                .put("title", "Perfumes")
                .put("viewDuration", 1234)
                .put("scrollDepth", 40)
                .put("timeToInteraction", 800)
                .put("source", "direct")
                .put("deviceType", "desktop");
        data.putObject("viewport").put("width", 1280).put("height", 800);
        return event;
    }

    /** A SEARCH_PERFORMED with every field the seed's SearchEvent requires. */
    public static ObjectNode search(String sessionId, String query) {
        ObjectNode event = pageView(sessionId);
        event.put("eventType", "SEARCH_PERFORMED");
        event.put("path", "/search");
        ObjectNode data = event.putObject("eventData");
        data.put("query", query).put("queryLength", query.length());
        data.putArray("queryWords").add(query);
        data.putObject("filters");
        data.put("resultsCount", 3)
                .put("resultsShown", 3)
                .put("hasResults", true)
                .put("searchType", "initial");
        return event;
    }

    public static ObjectNode perfumeView(String sessionId, String perfumeId) {
        ObjectNode event = pageView(sessionId);
        event.put("eventType", "PERFUME_VIEW");
        event.put("perfumeId", perfumeId);
        event.put("path", "/perfumes/" + perfumeId);
        return event;
    }

    public static ObjectNode rating(String sessionId, String perfumeId, int overall) {
        ObjectNode event = pageView(sessionId);
        event.put("eventType", "RATING_COMPLETED");
        event.put("perfumeId", perfumeId);
        event.put("path", "/perfumes/" + perfumeId);
        ObjectNode data = event.putObject("eventData");
        data.putObject("ratings").put("overall", overall).put("longevity", 4);
        data.put("timeToComplete", 12)
                .put("categoriesRated", 2)
                .put("edited", false)
                .put("source", "detail_page")
                .put("hadPreviousRating", false);
        return event;
    }

    /**
     * The event as JSON with every non-ASCII character written as a JSON escape (backslash, u, four hex digits): the only way to send
     * a lone surrogate, which has no UTF-8 form.
     */
    public static byte[] escapedJson(ObjectNode event) {
        try {
            return EventCodec.mapper()
                    .writer()
                    .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String batch(ObjectNode... events) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        var array = body.putArray("events");
        for (ObjectNode e : events) {
            array.add(e);
        }
        return body.toString();
    }
}
