package com.newsmell.perfumestats.trending;

/**
 * The trending score (README "Trending score"):
 *
 * <pre>
 *   w(bucket)  = 1·views + 2·ratings + 3·wishlistAdds + 4·collectionAdds + 5·tradeInquiries   (configurable)
 *   recent     = Σ over the last L hourly buckets of w(bucket) · 2^(−age/H)   (age of the bucket's middle, H the half-life)
 *   baseline   = Σ w over the 30-day window / 720                             (weighted events per hour)
 *   expected   = baseline · D,  D = Σ_{i=0}^{L−1} 2^(−(i+½)/H)                (what `recent` is at a flat rate)
 *   score      = recent / (expected + prior)
 * </pre>
 *
 * A perfume at its own steady rate scores just under 1 whatever its volume; one whose engagement rose in the last
 * hours scores well above 1; the prior keeps a perfume with a handful of events from spiking. The hourly job
 * computes it for every perfume in one SQL statement ({@link TrendingRepository#refresh}), as {@link #score} does.
 */
public final class TrendingFormula {

    private TrendingFormula() {}

    /** D: the decayed weight of one event per hour over the lookback. */
    public static double flatRateDecaySum(int lookbackHours, double halfLifeHours) {
        double sum = 0;
        for (int i = 0; i < lookbackHours; i++) {
            sum += Math.pow(0.5, (i + 0.5) / halfLifeHours);
        }
        return sum;
    }

    /** The score, as the SQL computes it (for unit tests and documentation). */
    public static double score(double recent, double baseline30Days, double d, double prior) {
        return recent <= 0 ? 0 : recent / (baseline30Days / Windows.BASELINE_HOURS * d + prior);
    }
}
