package com.newsmell.profile.segments;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index of two partitions of the same items (Hubert and Arabie, 1985): 1 for the same partition
 * (whatever the labels), about 0 for a chance agreement, negative for less than chance. Pure; commons-math3 has none.
 */
public final class AdjustedRandIndex {

    private AdjustedRandIndex() {}

    /**
     * ARI of two labelings, {@code a[i]} and {@code b[i]} being item i's label in each. When neither partition splits
     * anything differently from a trivial one (both one cluster, or both all singletons) the index is 0/0; like
     * scikit-learn, it is then 1.
     */
    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labelings of different lengths: " + a.length + " and " + b.length);
        }
        int n = a.length;
        if (n < 2) {
            return 1;
        }
        Map<Long, Integer> cells = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> columns = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cells.merge(((long) a[i] << 32) | (b[i] & 0xFFFF_FFFFL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            columns.merge(b[i], 1, Integer::sum);
        }
        double index = 0;
        for (int count : cells.values()) {
            index += pairs(count);
        }
        double sumRows = 0;
        for (int count : rows.values()) {
            sumRows += pairs(count);
        }
        double sumColumns = 0;
        for (int count : columns.values()) {
            sumColumns += pairs(count);
        }
        double expected = sumRows * sumColumns / pairs(n);
        double max = (sumRows + sumColumns) / 2;
        if (max == expected) {
            return 1;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
