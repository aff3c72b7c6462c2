package com.newsmell.perfumestats.stats;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.event.EventTime;
import com.newsmell.perfumestats.timeseries.Counters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one batch does to one perfume's row: its counters, views per hour, latest view, new viewers and latest
 * houseId. Times are {@link EventTime}s: never later than the event was received.
 */
final class PerfumeTally {

    final Counters counters = new Counters();
    final Set<String> viewers = new LinkedHashSet<>();
    /** The batch's views per UTC hour, for the windows the row already has (see {@link PerfumeStatsFold}). */
    final Map<Instant, Integer> viewsByHour = new TreeMap<>();

    Instant lastViewedAt;
    String houseId;
    Instant houseSeenAt;

    void view(Instant at, String viewer) {
        viewers.add(viewer);
        viewsByHour.merge(at.truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
        if (lastViewedAt == null || at.isAfter(lastViewedAt)) {
            lastViewedAt = at;
        }
    }

    void house(UserInteractionEvent event) {
        Instant at = EventTime.of(event);
        if (event.houseId() != null && !event.houseId().isBlank() && (houseSeenAt == null || at.isAfter(houseSeenAt))) {
            houseId = event.houseId();
            houseSeenAt = at;
        }
    }
}
