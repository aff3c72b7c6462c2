package com.newsmell.toolkit.consumer;

import com.newsmell.contract.UserInteractionEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Idempotence for consumers (ADR 0004): each service's database has the toolkit's
 * {@code processed_event(event_id uuid primary key)} table; claiming the eventIds in the same transaction as the
 * aggregate updates means a redelivered message, or a client retry with the same eventId, changes nothing twice.
 * Call it from the service's {@code @WithTransaction} method: it joins that session and transaction.
 */
@ApplicationScoped
public class EventClaims {

    /** Claims the events' ids in the current transaction; returns those never processed before, in order. */
    @WithSession
    public Uni<List<UserInteractionEvent>> claim(List<UserInteractionEvent> events) {
        Map<UUID, UserInteractionEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(UUID.fromString(e.eventId()), e));
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = List.copyOf(unique.keySet());
        String values = IntStream.rangeClosed(1, ids.size())
                .mapToObj(i -> "(cast(?" + i + " as uuid))")
                .collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(
                    "insert into processed_event (event_id) values " + values
                            + " on conflict do nothing returning cast(event_id as text)",
                    String.class);
            for (int i = 0; i < ids.size(); i++) {
                query.setParameter(i + 1, ids.get(i).toString());
            }
            return query.getResultList().map(claimed -> {
                Set<UUID> fresh = claimed.stream().map(UUID::fromString).collect(Collectors.toSet());
                return unique.entrySet().stream()
                        .filter(e -> fresh.contains(e.getKey()))
                        .map(Map.Entry::getValue)
                        .toList();
            });
        });
    }
}
