package com.newsmell.session.metrics;

import java.util.List;

/** Nearest-rank percentiles over exact values counted in a distribution (the rollup's value → count rows). */
public final class NearestRank {

    /** A value and how many times it occurs. */
    public record ValueCount(int value, long count) {}

    private NearestRank() {}

    /**
     * The smallest value whose cumulative count reaches ceil(p × total); null for an empty distribution.
     *
     * @param ascending the distribution, by value ascending
     * @param p the percentile, in (0, 1]
     */
    public static Integer percentile(List<ValueCount> ascending, double p) {
        long total = ascending.stream().mapToLong(ValueCount::count).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.min(total, Math.max(1, (long) Math.ceil(p * total)));
        long seen = 0;
        for (ValueCount v : ascending) {
            seen += v.count();
            if (seen >= rank) {
                return v.value();
            }
        }
        return ascending.get(ascending.size() - 1).value();
    }
}
