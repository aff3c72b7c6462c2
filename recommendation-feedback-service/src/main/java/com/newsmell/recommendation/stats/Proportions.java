package com.newsmell.recommendation.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Intervals and tests for proportions of impressions, each assuming independent impressions (Bernoulli trials):
 * the Wilson score interval (Wilson 1927; Newcombe 1998, method 3) and the two-proportion z-test with its unpooled
 * (Wald) interval for the difference. One user's impressions are correlated, so these are checked by {@link
 * Bootstrap} over users. Pure.
 */
public final class Proportions {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Proportions() {}

    /** A two-sided interval. */
    public record Interval(double lower, double upper) {}

    /** A two-proportion z-test: the statistic (pooled standard error) and its two-sided p-value. */
    public record ZTest(double z, double pValue) {}

    /** The standard normal quantile of a two-sided confidence level (0.95: 1.959964). */
    public static double z(double confidence) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** The Wilson score interval of {@code successes / n}; null for n = 0. */
    public static Interval wilson(long successes, long n, double confidence) {
        if (n == 0) {
            return null;
        }
        double z = z(confidence);
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The two-proportion z-test of {@code s1/n1 - s2/n2} with the pooled standard error; z = 0 and p = 1 when the
     * pooled proportion is 0 or 1 (no variation to test). Null when either n is 0.
     */
    public static ZTest twoProportion(long s1, long n1, long s2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return null;
        }
        double p1 = (double) s1 / n1;
        double p2 = (double) s2 / n2;
        double pooled = (double) (s1 + s2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new ZTest(0, 1);
        }
        double z = (p1 - p2) / se;
        return new ZTest(z, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** The Wald interval of {@code s1/n1 - s2/n2} with the unpooled standard error; null when either n is 0. */
    public static Interval difference(long s1, long n1, long s2, long n2, double confidence) {
        if (n1 == 0 || n2 == 0) {
            return null;
        }
        double p1 = (double) s1 / n1;
        double p2 = (double) s2 / n2;
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double d = p1 - p2;
        double half = z(confidence) * se;
        return new Interval(d - half, d + half);
    }
}
