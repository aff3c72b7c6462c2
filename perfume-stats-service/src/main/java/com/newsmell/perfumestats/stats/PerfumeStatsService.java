package com.newsmell.perfumestats.stats;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.kafka.EventBatchProcessor.Rejection;
import com.newsmell.contract.kafka.EventClaims;
import com.newsmell.perfumestats.membership.WishlistChanges;
import com.newsmell.perfumestats.membership.WishlistMembership;
import com.newsmell.perfumestats.membership.WishlistMembershipRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Folds interaction events into perfume statistics, idempotently (eventIds claimed in the same transaction).
 * A batch is first aggregated in memory, then each perfume and each (user, perfume) pair it touches is loaded
 * once, changed once, and written once.
 */
@ApplicationScoped
public class PerfumeStatsService {

    private final PerfumeInteractionStatsRepository stats;
    private final WishlistMembershipRepository memberships;

    public PerfumeStatsService(PerfumeInteractionStatsRepository stats, WishlistMembershipRepository memberships) {
        this.stats = stats;
        this.memberships = memberships;
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return Panache.getSession()
                .chain(session -> EventClaims.claim(session, events))
                .chain(this::fold)
                .replaceWith(List.of());
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh) {
        BatchTally tally = BatchTally.of(fresh);
        if (tally.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return applyWishlistChanges(tally).chain(wishlistDelta -> updateStats(tally, wishlistDelta));
    }

    /** Updates the pairs' memberships; returns by perfumeId how many pairs entered (+) or left (-) the list. */
    private Uni<Map<String, Integer>> applyWishlistChanges(BatchTally tally) {
        Map<WishlistMembership.Key, UserInteractionEvent> latest = tally.latestWishlistChange();
        if (latest.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return memberships.findByKeys(latest.keySet()).chain(existing -> {
            Map<WishlistMembership.Key, WishlistMembership> known =
                    existing.stream().collect(Collectors.toMap(WishlistMembership::key, Function.identity()));
            List<WishlistMembership> created = new ArrayList<>();
            Map<String, Integer> delta = WishlistChanges.apply(latest, known, created);
            return created.isEmpty()
                    ? Uni.createFrom().item(delta)
                    : memberships.persist(created).replaceWith(delta);
        });
    }

    private Uni<Void> updateStats(BatchTally tally, Map<String, Integer> wishlistDelta) {
        return stats.findByPerfumeIds(tally.perfumeIds()).chain(existing -> {
            Map<String, PerfumeInteractionStats> known =
                    existing.stream().collect(Collectors.toMap(s -> s.perfumeId, Function.identity()));
            List<PerfumeInteractionStats> created = new ArrayList<>();
            Instant now = Instant.now();
            for (String perfumeId : tally.perfumeIds()) {
                PerfumeInteractionStats row = known.get(perfumeId);
                if (row == null) {
                    row = new PerfumeInteractionStats();
                    row.perfumeId = perfumeId;
                    created.add(row);
                }
                BatchTally.Views views = tally.views().get(perfumeId);
                if (views != null) {
                    row.totalViews += views.count();
                    if (row.lastViewedAt == null || views.last().isAfter(row.lastViewedAt)) {
                        row.lastViewedAt = views.last();
                    }
                }
                row.inWishlistCount = Math.max(0, row.inWishlistCount + wishlistDelta.getOrDefault(perfumeId, 0));
                row.updatedAt = now;
            }
            return created.isEmpty() ? Uni.createFrom().voidItem() : stats.persist(created);
        });
    }
}
