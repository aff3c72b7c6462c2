package com.newsmell.toolkit.privacy;

import com.newsmell.contract.UserHash;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.consumer.EventFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The users this service has erased, remembered only by their keyed hash ({@code erased_user}, the toolkit's table):
 * every consumer drops their events on (re-)read, so no redelivery or replay can bring a user back (ADR 0032). The
 * set is kept in memory and re-read every {@code newsmell.privacy.erased-refresh}.
 */
@ApplicationScoped
public class ErasedUsers implements EventFilter {

    private final PrivacyConfig config;
    private final Counter dropped;
    private volatile Set<String> hashes = Set.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public ErasedUsers(PrivacyConfig config, MeterRegistry metrics) {
        this.config = config;
        this.dropped = Counter.builder("newsmell.privacy.erased.events.dropped")
                .description("events of erased users dropped on read")
                .register(metrics);
    }

    public String hash(String userId) {
        return UserHash.of(config.hashKey(), userId);
    }

    /** Whether the user is erased, by the set as last read. */
    public boolean isErased(String userId) {
        return userId != null && hashes.contains(hash(userId));
    }

    /** The events whose user is not erased; the others are counted and dropped. */
    @Override
    public Uni<List<UserInteractionEvent>> keep(List<UserInteractionEvent> events) {
        return refreshed().map(set -> {
            if (set.isEmpty()) {
                return events;
            }
            List<UserInteractionEvent> kept = events.stream()
                    .filter(e -> e.userId() == null || !set.contains(hash(e.userId())))
                    .toList();
            dropped.increment(events.size() - kept.size());
            return kept;
        });
    }

    /** Remembers a hash at once on this replica (the table row is written in the erasure's transaction). */
    public void rememberLocally(String userHash) {
        Set<String> next = new HashSet<>(hashes);
        next.add(userHash);
        hashes = Set.copyOf(next);
    }

    /** The current set, re-read from the table when older than the refresh interval. */
    public Uni<Set<String>> refreshed() {
        if (Instant.now().isBefore(loadedAt.plus(config.erasedRefresh()))) {
            return Uni.createFrom().item(hashes);
        }
        return Panache.withSession(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("select user_hash from erased_user", String.class)
                                .getResultList()))
                .map(rows -> {
                    hashes = Set.copyOf(rows);
                    loadedAt = Instant.now();
                    return hashes;
                });
    }
}
