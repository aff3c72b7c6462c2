package com.newsmell.perfumestats.membership;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.event.EventTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How adds and removes change memberships. Each triple keeps the state of its latest event by event time
 * ({@link EventTime}: the timestamp, never later than receivedAt); an event not later than the triple's
 * {@code asOf} changes nothing (on equal times, the first one applied stays).
 * So duplicates are ignored, out-of-order adds and removes resolve by event time, and a count never goes below 0.
 */
public final class MembershipFold {

    private MembershipFold() {}

    /**
     * Applies each triple's latest event of the batch to its locked row (a row whose {@code asOf} is null has seen
     * no event yet), and returns per list and perfumeId how many pairs entered (+) or left (-) the list.
     */
    public static Map<ListKind, Map<String, Integer>> fold(
            List<Membership> locked, Map<Membership.Key, UserInteractionEvent> latest) {
        Map<ListKind, Map<String, Integer>> delta = new EnumMap<>(ListKind.class);
        for (Membership membership : locked) {
            UserInteractionEvent event = latest.get(membership.key());
            if (event == null
                    || (membership.asOf != null && !EventTime.of(event).isAfter(membership.asOf))) {
                continue;
            }
            boolean add = ListKind.isAdd(event.eventType());
            boolean wasIn = membership.asOf != null && membership.inList;
            if (wasIn != add) {
                delta.computeIfAbsent(ListKind.ofColumn(membership.listKind), k -> new HashMap<>())
                        .merge(membership.perfumeId, add ? 1 : -1, Integer::sum);
            }
            membership.inList = add;
            membership.asOf = EventTime.of(event);
        }
        return delta;
    }
}
