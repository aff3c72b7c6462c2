package com.newsmell.perfumestats.rating;

/** How a batch changes one perfume's rating sums and counts, per {@link RatingValues} dimension. */
public final class RatingDelta {

    public final long[] sums = new long[RatingValues.DIMENSIONS];
    public final int[] counts = new int[RatingValues.DIMENSIONS];

    void replace(RatingValues before, RatingValues after) {
        for (int d = 0; d < RatingValues.DIMENSIONS; d++) {
            Short old = before.get(d);
            Short now = after.get(d);
            if (old != null) {
                sums[d] -= old;
                counts[d]--;
            }
            if (now != null) {
                sums[d] += now;
                counts[d]++;
            }
        }
    }
}
