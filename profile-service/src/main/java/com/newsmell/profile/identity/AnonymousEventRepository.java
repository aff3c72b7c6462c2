package com.newsmell.profile.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The anonymous visitors' events that wait for an identity link (ADR 0064, table {@code anonymous_event}): parked by
 * the interaction consumer, taken (deleted) by the link that names their user. Joins the caller's transaction.
 */
@ApplicationScoped
public class AnonymousEventRepository {

    /** Parks the events (each once: a redelivery was already stopped by the claims). */
    public Uni<Void> park(List<UserInteractionEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (UserInteractionEvent e : events) {
            rows.addObject()
                    .put("event_id", e.eventId())
                    .put("anonymous_id", e.anonymousId())
                    .put("timestamp", e.timestamp().toString())
                    .put("payload", EventCodec.toJson(e));
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into anonymous_event (event_id, anonymous_id,"
                                + " timestamp, payload) select * from jsonb_to_recordset(cast(cast(:rows as text) as"
                                + " jsonb)) as r(event_id uuid, anonymous_id text, timestamp timestamptz, payload text)"
                                + " on conflict (event_id) do nothing")
                        .setParameter("rows", rows.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Deletes and returns the parked events of the anonymousId. */
    public Uni<List<UserInteractionEvent>> take(String anonymousId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "delete from anonymous_event where anonymous_id = :a returning payload", String.class)
                        .setParameter("a", anonymousId)
                        .getResultList())
                .map(payloads -> payloads.stream().map(EventCodec::fromJson).toList());
    }
}
