package com.newsmell.perfumestats.stats;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.timeseries.Counters;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** What one batch does to one perfume's row: its counters, latest view, new viewers and latest houseId. */
final class PerfumeTally {

    final Counters counters = new Counters();
    final Set<String> viewers = new LinkedHashSet<>();
    Instant lastViewedAt;
    String houseId;
    Instant houseSeenAt;

    void view(Instant at, String viewer) {
        viewers.add(viewer);
        if (lastViewedAt == null || at.isAfter(lastViewedAt)) {
            lastViewedAt = at;
        }
    }

    void house(UserInteractionEvent event) {
        if (event.houseId() != null
                && !event.houseId().isBlank()
                && (houseSeenAt == null || event.timestamp().isAfter(houseSeenAt))) {
            houseId = event.houseId();
            houseSeenAt = event.timestamp();
        }
    }
}
