package com.newsmell.recommendation.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded nonparametric bootstrap over users (Efron and Tibshirani 1993, ch. 13 percentile intervals) for the
 * difference of two ratio estimates {@code Σ successes / Σ impressions}, A minus B. Users, not impressions, are
 * resampled: one user's impressions are correlated, and resampling whole users keeps that correlation. Successes may
 * be weighted (IPS). The same users, resamples and seed give the same answer. Pure.
 */
public final class Bootstrap {

    private Bootstrap() {}

    /** One user's impressions and (possibly weighted) successes under A and under B. */
    public record UserCounts(long impressionsA, double successesA, long impressionsB, double successesB) {}

    /**
     * What the resamples say.
     *
     * @param difference the observed rateA - rateB
     * @param interval the percentile interval of the difference
     * @param intervalA the percentile interval of rateA
     * @param intervalB the percentile interval of rateB
     * @param pValue two-sided: twice the smaller share of resampled differences on either side of 0 (at least
     *     1/resamples)
     * @param resamples the resamples that had impressions under both (the others are left out)
     */
    public record Result(
            double difference,
            Proportions.Interval interval,
            Proportions.Interval intervalA,
            Proportions.Interval intervalB,
            double pValue,
            int resamples,
            int users) {}

    /** Null when A or B has no impression. */
    public static Result difference(List<UserCounts> users, int resamples, long seed, double confidence) {
        double[] sums = sums(users, null);
        if (sums[0] == 0 || sums[2] == 0) {
            return null;
        }
        double observed = sums[1] / sums[0] - sums[3] / sums[2];
        SplittableRandom random = new SplittableRandom(seed);
        int n = users.size();
        int[] picks = new int[n];
        double[] diffs = new double[resamples];
        double[] ratesA = new double[resamples];
        double[] ratesB = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                picks[i] = random.nextInt(n);
            }
            double[] s = sums(users, picks);
            if (s[0] == 0 || s[2] == 0) {
                continue;
            }
            ratesA[kept] = s[1] / s[0];
            ratesB[kept] = s[3] / s[2];
            diffs[kept] = ratesA[kept] - ratesB[kept];
            kept++;
        }
        if (kept == 0) {
            return null;
        }
        double[] d = Arrays.copyOf(diffs, kept);
        long below = Arrays.stream(d).filter(x -> x <= 0).count();
        long above = Arrays.stream(d).filter(x -> x >= 0).count();
        double p = Math.min(1, Math.max(1.0 / kept, 2.0 * Math.min(below, above) / kept));
        return new Result(
                observed,
                percentile(d, confidence),
                percentile(Arrays.copyOf(ratesA, kept), confidence),
                percentile(Arrays.copyOf(ratesB, kept), confidence),
                p,
                kept,
                n);
    }

    /** Σ impressionsA, Σ successesA, Σ impressionsB, Σ successesB over the users picked (all when null). */
    private static double[] sums(List<UserCounts> users, int[] picks) {
        double[] s = new double[4];
        int n = picks == null ? users.size() : picks.length;
        for (int i = 0; i < n; i++) {
            UserCounts u = users.get(picks == null ? i : picks[i]);
            s[0] += u.impressionsA();
            s[1] += u.successesA();
            s[2] += u.impressionsB();
            s[3] += u.successesB();
        }
        return s;
    }

    /** The percentile interval (type 7 quantiles, as R's default) of the values. */
    static Proportions.Interval percentile(double[] values, double confidence) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        return new Proportions.Interval(quantile(sorted, alpha), quantile(sorted, 1 - alpha));
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
