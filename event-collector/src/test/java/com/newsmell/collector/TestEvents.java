package com.newsmell.collector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import java.time.Instant;
import java.util.UUID;

/** Valid client events to start from; tests change one thing at a time. */
public final class TestEvents {

    private TestEvents() {}

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
        event.putObject("eventData")
                .put("title", "Perfumes")
                .put("scrollDepth", 40)
                .put("source", "direct");
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
        data.put("source", "detail_page");
        return event;
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
