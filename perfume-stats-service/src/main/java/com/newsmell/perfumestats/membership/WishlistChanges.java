package com.newsmell.perfumestats.membership;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How wishlist adds and removes change memberships. Each pair keeps the state of its latest event by event
 * time; an event not later than the pair's {@code asOf} changes nothing (on equal times, the first one seen
 * stays). So duplicates are ignored and out-of-order adds and removes resolve by event time.
 */
public final class WishlistChanges {

    private WishlistChanges() {}

    /** Whether {@code candidate} supersedes {@code current} (both for the same pair). */
    public static boolean isLater(UserInteractionEvent candidate, UserInteractionEvent current) {
        return current == null || candidate.timestamp().isAfter(current.timestamp());
    }

    /**
     * Applies each pair's latest event of the batch to its membership: mutates the {@code known} ones, adds new
     * ones to {@code created}, and returns by perfumeId how many pairs entered (+) or left (-) the list.
     */
    public static Map<String, Integer> apply(
            Map<WishlistMembership.Key, UserInteractionEvent> latest,
            Map<WishlistMembership.Key, WishlistMembership> known,
            List<WishlistMembership> created) {
        Map<String, Integer> delta = new HashMap<>();
        latest.forEach((key, event) -> {
            boolean add = event.eventType() == InteractionEventType.WISHLIST_ADD;
            WishlistMembership membership = known.get(key);
            if (membership == null) {
                membership = new WishlistMembership();
                membership.userKey = key.userKey;
                membership.perfumeId = key.perfumeId;
                membership.inList = add;
                membership.asOf = event.timestamp();
                created.add(membership);
                if (add) {
                    delta.merge(key.perfumeId, 1, Integer::sum);
                }
            } else if (event.timestamp().isAfter(membership.asOf)) {
                if (membership.inList != add) {
                    delta.merge(key.perfumeId, add ? 1 : -1, Integer::sum);
                }
                membership.inList = add;
                membership.asOf = event.timestamp();
            }
        });
        return delta;
    }
}
