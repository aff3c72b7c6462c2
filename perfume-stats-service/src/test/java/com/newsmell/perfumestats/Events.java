package com.newsmell.perfumestats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test events of one session (valid for the contract), in the vocabulary of the scenarios; building them needs no
 * broker (the pure unit tests use them too), publishing them does.
 */
public final class Events {

    public final String sessionId = "s-" + UUID.randomUUID();
    public final String userId;

    public Events(String userId) {
        this.userId = userId;
    }

    public static String perfume() {
        return "p-" + UUID.randomUUID();
    }

    public UserInteractionEvent.Builder of(InteractionEventType type, String perfumeId, Instant at) {
        return WireEvents.event(type, sessionId, at).userId(userId).perfumeId(perfumeId);
    }

    public UserInteractionEvent view(String perfumeId, Instant at) {
        return of(InteractionEventType.PERFUME_VIEW, perfumeId, at).build();
    }

    public UserInteractionEvent view(String perfumeId, Instant at, double viewDurationMs) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("viewDuration", viewDurationMs);
        return of(InteractionEventType.PERFUME_VIEW, perfumeId, at)
                .eventData(data)
                .build();
    }

    /** A rating event with the values in order overall, longevity, sillage, priceValue, gender (null: not rated). */
    public UserInteractionEvent rating(InteractionEventType type, String perfumeId, Instant at, Number... values) {
        ObjectNode ratings = JsonNodeFactory.instance.objectNode();
        String[] names = {"overall", "longevity", "sillage", "priceValue", "gender"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Double d) {
                ratings.put(names[i], d);
            } else if (values[i] != null) {
                ratings.put(names[i], values[i].intValue());
            }
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("ratings", ratings);
        return of(type, perfumeId, at).eventData(data).build();
    }

    public UserInteractionEvent simple(InteractionEventType type, String perfumeId, Instant at) {
        return of(type, perfumeId, at).build();
    }

    public UserInteractionEvent search(Instant at, String... resultPerfumeIds) {
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("searchId", "q-" + UUID.randomUUID())
                .put("query", "rose");
        var ids = data.putArray("resultPerfumeIds");
        for (String id : resultPerfumeIds) {
            ids.add(id);
        }
        return WireEvents.event(InteractionEventType.SEARCH_PERFORMED, sessionId, at)
                .userId(userId)
                .eventData(data)
                .build();
    }

    public UserInteractionEvent searchClick(String perfumeId, Instant at) {
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("position", 0).put("perfumeId", perfumeId);
        return WireEvents.event(InteractionEventType.SEARCH_RESULT_CLICKED, sessionId, at)
                .userId(userId)
                .eventData(data)
                .build();
    }

    public UserInteractionEvent recommendation(InteractionEventType type, String perfumeId, Instant at) {
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("algorithm", "similar")
                .put("source", "homepage")
                .put("position", 1);
        return of(type, perfumeId, at)
                .recommendationId("r-" + UUID.randomUUID())
                .eventData(data)
                .build();
    }

    public static UserInteractionEvent bot(UserInteractionEvent event) {
        return event.toBuilder().isBot(true).botReason("test").build();
    }

    static void publish(UserInteractionEvent... events) {
        WireEvents.publish(List.of(events));
    }
}
