package com.newsmell.profile.rollup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one batch of events adds to the rollups: per user and day, per user, perfume and day, per user and perfume,
 * and each user's latest and earliest event time and earliest USER_REGISTERED (ADR 0020; a user without one in the
 * batch has no entry in {@code registered}); each list and map in key order (the order the rows are written in).
 */
public record Rollup(
        List<DayActivity> days,
        List<PerfumeDay> perfumeDays,
        List<PerfumeState> perfumes,
        Map<String, Instant> lastActive,
        Map<String, Instant> firstEvent,
        Map<String, Instant> registered) {

    public boolean isEmpty() {
        return lastActive.isEmpty();
    }
}
