package com.newsmell.session.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one re-fold transaction changes in the rollups: the deltas of the real-time hourly session metrics (each
 * re-folded session's old contribution out, its new one in) and the hours whose search rollups must be recomputed.
 * A pure tally; {@link RollupRepository#write} writes it.
 */
public final class RollupChanges {

    private static final Comparator<SessionContribution.Key> KEY_ORDER = Comparator.comparing(
                    SessionContribution.Key::bucket)
            .thenComparing(SessionContribution.Key::deviceType)
            .thenComparing(SessionContribution.Key::isBot);

    private final Map<SessionContribution.Key, long[]> deltas = new HashMap<>();
    private final TreeSet<Instant> hours = new TreeSet<>();

    /** Takes a session's contribution as it was before the re-fold out. */
    public void remove(SessionFigures before) {
        add(SessionContribution.of(before), -1);
    }

    /** Puts a session's re-folded contribution in. */
    public void add(SessionFigures after) {
        add(SessionContribution.of(after), +1);
    }

    /** Marks the hour of {@code at} (a search's time) for the hourly job (search popularity and outcomes). */
    public void touch(Instant at) {
        hours.add(at.truncatedTo(ChronoUnit.HOURS));
    }

    /** Adds another tally's deltas and hours to this one (one write for a whole transaction: one lock order). */
    public void include(RollupChanges other) {
        other.deltas.forEach((key, values) -> {
            long[] sum = deltas.computeIfAbsent(key, k -> new long[SessionContribution.COLUMNS.size()]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        });
        hours.addAll(other.hours);
    }

    /** The non-zero deltas, in key order (the order the write locks their rows in: no deadlock between replicas). */
    public List<SessionContribution> sessionDeltas() {
        return deltas.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .sorted(Map.Entry.comparingByKey(KEY_ORDER))
                .map(e -> new SessionContribution(e.getKey(), e.getValue().clone()))
                .toList();
    }

    /** The marked hours, ascending. */
    public List<Instant> dirtyHours() {
        return List.copyOf(hours);
    }

    private void add(SessionContribution contribution, int sign) {
        long[] sum = deltas.computeIfAbsent(contribution.key(), k -> new long[SessionContribution.COLUMNS.size()]);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * contribution.values()[i];
        }
    }
}
