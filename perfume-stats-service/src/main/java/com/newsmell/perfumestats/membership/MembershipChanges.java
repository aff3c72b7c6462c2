package com.newsmell.perfumestats.membership;

import com.newsmell.contract.UserInteractionEvent;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How adds and removes change memberships. Each triple keeps the state of its latest event by event time; an
 * event not later than the triple's {@code asOf} changes nothing (on equal times, the first one applied stays).
 * So duplicates are ignored, out-of-order adds and removes resolve by event time, and a count never goes below 0.
 */
public final class MembershipChanges {

    private MembershipChanges() {}

    /**
     * Applies each triple's latest event of the batch: mutates the {@code known} memberships, adds new ones to
     * {@code created}, and returns per list and perfumeId how many pairs entered (+) or left (-) the list.
     */
    public static Map<ListKind, Map<String, Integer>> apply(
            Map<Membership.Key, UserInteractionEvent> latest,
            Map<Membership.Key, Membership> known,
            List<Membership> created) {
        Map<ListKind, Map<String, Integer>> delta = new EnumMap<>(ListKind.class);
        latest.forEach((key, event) -> {
            boolean add = ListKind.isAdd(event.eventType());
            Map<String, Integer> perPerfume = delta.computeIfAbsent(key.kind(), k -> new HashMap<>());
            Membership membership = known.get(key);
            if (membership == null) {
                membership = new Membership();
                membership.listKind = key.listKind;
                membership.userKey = key.userKey;
                membership.perfumeId = key.perfumeId;
                membership.inList = add;
                membership.asOf = event.timestamp();
                created.add(membership);
                if (add) {
                    perPerfume.merge(key.perfumeId, 1, Integer::sum);
                }
            } else if (event.timestamp().isAfter(membership.asOf)) {
                if (membership.inList != add) {
                    perPerfume.merge(key.perfumeId, add ? 1 : -1, Integer::sum);
                }
                membership.inList = add;
                membership.asOf = event.timestamp();
            }
        });
        return delta;
    }
}
