package com.newsmell.contract.kafka;

import com.newsmell.contract.UserInteractionEvent;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Idempotence for consumers: each service's database has a {@code processed_event(event_id uuid primary key)}
 * table; claiming the eventIds in the same transaction as the aggregate updates means a redelivered
 * message, or a client retry with the same eventId, changes nothing twice.
 */
public final class EventClaims {

    private EventClaims() {}

    /** Claims the events' ids in the session's transaction; returns those never processed before, in order. */
    public static Uni<List<UserInteractionEvent>> claim(Mutiny.Session session, List<UserInteractionEvent> events) {
        Map<UUID, UserInteractionEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(UUID.fromString(e.eventId()), e));
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = List.copyOf(unique.keySet());
        String values = IntStream.rangeClosed(1, ids.size())
                .mapToObj(i -> "(cast(?" + i + " as uuid))")
                .collect(Collectors.joining(","));
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
    }
}
