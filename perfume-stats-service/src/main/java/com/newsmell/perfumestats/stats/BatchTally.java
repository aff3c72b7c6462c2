package com.newsmell.perfumestats.stats;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.membership.WishlistChanges;
import com.newsmell.perfumestats.membership.WishlistMembership;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch's events aggregated in memory, per perfume and per (user, perfume) pair, so that many events for a
 * hot perfume become one row update. Bot events, and events without a perfume, are left out.
 */
final class BatchTally {

    /** A perfume's views in the batch: how many, and the latest event time. */
    record Views(int count, Instant last) {
        Views plus(Instant at) {
            return new Views(count + 1, last == null || at.isAfter(last) ? at : last);
        }
    }

    private final Map<String, Views> views = new LinkedHashMap<>();
    private final Map<WishlistMembership.Key, UserInteractionEvent> latestWishlistChange = new LinkedHashMap<>();

    private BatchTally() {}

    static BatchTally of(List<UserInteractionEvent> events) {
        BatchTally tally = new BatchTally();
        for (UserInteractionEvent event : events) {
            if (event.isBot() || event.perfumeId() == null || event.timestamp() == null) {
                continue;
            }
            switch (event.eventType()) {
                case PERFUME_VIEW ->
                    tally.views.merge(
                            event.perfumeId(), new Views(1, event.timestamp()), (a, b) -> a.plus(event.timestamp()));
                case WISHLIST_ADD, WISHLIST_REMOVE ->
                    tally.latestWishlistChange.compute(
                            WishlistMembership.Key.of(event),
                            (key, current) -> WishlistChanges.isLater(event, current) ? event : current);
                default -> {}
            }
        }
        return tally;
    }

    boolean isEmpty() {
        return views.isEmpty() && latestWishlistChange.isEmpty();
    }

    Map<String, Views> views() {
        return views;
    }

    /** Per pair, the batch's latest add or remove (by event time; the first seen on equal times). */
    Map<WishlistMembership.Key, UserInteractionEvent> latestWishlistChange() {
        return latestWishlistChange;
    }

    /** Every perfume the batch changes. */
    Set<String> perfumeIds() {
        Set<String> ids = new LinkedHashSet<>(views.keySet());
        latestWishlistChange.keySet().forEach(k -> ids.add(k.perfumeId));
        return ids;
    }
}
