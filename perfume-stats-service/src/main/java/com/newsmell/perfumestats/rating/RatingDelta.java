package com.newsmell.perfumestats.rating;

import java.math.BigDecimal;
import java.util.Arrays;

/** How a batch changes one perfume's rating sums and counts, per {@link RatingValues} dimension. */
public final class RatingDelta {

    public final BigDecimal[] sums = new BigDecimal[RatingValues.DIMENSIONS];
    public final int[] counts = new int[RatingValues.DIMENSIONS];

    public RatingDelta() {
        Arrays.fill(sums, BigDecimal.ZERO);
    }

    void replace(RatingValues before, RatingValues after) {
        for (int d = 0; d < RatingValues.DIMENSIONS; d++) {
            BigDecimal old = before.get(d);
            BigDecimal now = after.get(d);
            if (old != null) {
                sums[d] = sums[d].subtract(old);
                counts[d]--;
            }
            if (now != null) {
                sums[d] = sums[d].add(now);
                counts[d]++;
            }
        }
    }
}
