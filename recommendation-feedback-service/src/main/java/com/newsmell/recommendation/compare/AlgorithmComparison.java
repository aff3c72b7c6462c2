package com.newsmell.recommendation.compare;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.recommendation.stats.Bootstrap;
import com.newsmell.recommendation.stats.PositionBias.Propensities;
import com.newsmell.recommendation.stats.Proportions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which of two algorithms works better on one metric, and whether the difference is significant. Pure: the
 * impressions are given. Raw rates get Wilson 95% intervals and a two-proportion z-test, which assume independent
 * impressions; every comparison also gets a seeded bootstrap over users (one user's impressions are correlated),
 * which is the test of the debiased CTR. A raw difference is called significant only when both tests agree.
 */
public final class AlgorithmComparison {

    public static final double CONFIDENCE = 0.95;
    public static final double ALPHA = 0.05;

    private AlgorithmComparison() {}

    /** The settings of a comparison. */
    public record Settings(int minImpressions, int minSuccesses, int resamples, long seed) {}

    public record Side(
            @Schema(description = "The algorithm.") String algorithm,

            @Schema(description = "Its impressions in the window (debiasedCtr: those with a propensity). Unit: rows.")
            long impressions,

            @Schema(description = "Its successes (debiasedCtr: clicks weighted by 1 / propensity).")
            double successes,

            @Schema(description = "successes / impressions; absent without impressions.")
            Double rate,

            @Schema(
                    description =
                            "Raw rates: the Wilson 95% interval; debiasedCtr: the bootstrap's percentile interval.")
            Proportions.Interval interval,

            @Schema(description = "Distinct viewers (users or anonymous ids) among the impressions.")
            long viewers) {}

    public record ZTestView(
            @Schema(description = "The statistic, pooled standard error.")
            double z,

            @Schema(description = "Two-sided p-value.") double pValue,

            @Schema(description = "The Wald 95% interval of the difference (unpooled standard error).")
            Proportions.Interval interval,

            @Schema(description = "What the test assumes.") String assumption) {}

    public record BootstrapView(
            @Schema(description = "The percentile 95% interval of the difference.")
            Proportions.Interval interval,

            @Schema(
                    description = "Two-sided p-value: twice the smaller share of resampled differences on either side"
                            + " of 0.")
            double pValue,

            @Schema(description = "Resamples used.") int resamples,
            @Schema(description = "The seed.") long seed,

            @Schema(description = "Users (resampling units).")
            int users,

            @Schema(description = "What is resampled.") String unit) {}

    public record Result(
            @Schema(description = "The metric compared.") String metric,
            Side a,
            Side b,

            @Schema(description = "rate(a) - rate(b); absent when either has no impressions.")
            Double difference,

            @Schema(
                    description = "The interval of the difference: the z-test's for raw rates, the bootstrap's for"
                            + " debiasedCtr.")
            Proportions.Interval interval,

            @Schema(
                    description = "The p-value of the difference: the z-test's for raw rates, the bootstrap's for"
                            + " debiasedCtr.")
            Double pValue,

            @Schema(description = "Raw rates only: the two-proportion z-test.")
            ZTestView zTest,

            @Schema(description = "The bootstrap over users (a check on raw rates, the test of debiasedCtr).")
            BootstrapView bootstrap,

            @Schema(description = "Whether the difference is significant at 5% (raw rates: z-test and bootstrap both).")
            boolean significant,

            @Schema(description = "a or b when significant: the one with the higher rate; else absent.")
            String winner,

            @Schema(
                    description = "a-wins, b-wins, no-significant-difference or insufficient-data.",
                    enumeration = {"a-wins", "b-wins", "no-significant-difference", "insufficient-data"})
            String verdict,

            @Schema(description = "Why, in words.") String explanation) {}

    /** The success weight of a row for the metric; null when the row does not count (debiasedCtr: no propensity). */
    static Double success(AttributedRow a, String metric, Propensities propensities) {
        LedgerRow r = a.row();
        Outcome o = a.outcome();
        return switch (metric) {
            case "ctr" -> flag(r.clicked());
            case "debiasedCtr" -> {
                Double w = propensities.weight(r.source(), r.position());
                yield w == null ? null : r.clicked() ? w : 0.0;
            }
            case "viewRate" -> flag(o.viewed());
            case "wishlistRate" -> flag(o.addedToWishlist());
            case "collectionRate" -> flag(o.addedToCollection());
            case "ratingRate" -> flag(o.rated());
            case "purchaseRate" -> flag(o.purchased());
            case "conversionRate" -> flag(o.converted());
            case "thumbsUpRate" -> flag(r.thumbsUp());
            case "thumbsDownRate" -> flag(r.thumbsDown());
            case "hideRate" -> flag(r.hidPerfume());
            case "reportRate" -> flag(r.reportedIrrelevant());
            default -> throw new IllegalArgumentException("not a metric: " + metric);
        };
    }

    private static Double flag(boolean b) {
        return b ? 1.0 : 0.0;
    }

    public static Result compare(
            List<AttributedRow> rows, Propensities propensities, CompareQuery q, Settings settings) {
        Map<String, double[]> byViewer = new TreeMap<>();
        double[] totals = new double[4];
        for (AttributedRow a : rows) {
            String algorithm = a.row().algorithm();
            int side = q.a().equals(algorithm) ? 0 : q.b().equals(algorithm) ? 2 : -1;
            if (side < 0) {
                continue;
            }
            Double s = success(a, q.metric(), propensities);
            if (s == null) {
                continue;
            }
            double[] u = byViewer.computeIfAbsent(a.row().viewer(), k -> new double[5]);
            u[side] += 1;
            u[side + 1] += s;
            u[4] = 1;
            totals[side] += 1;
            totals[side + 1] += s;
        }
        long viewersA = byViewer.values().stream().filter(u -> u[0] > 0).count();
        long viewersB = byViewer.values().stream().filter(u -> u[2] > 0).count();
        List<Bootstrap.UserCounts> users = new ArrayList<>();
        byViewer.values().forEach(u -> users.add(new Bootstrap.UserCounts((long) u[0], u[1], (long) u[2], u[3])));
        long nA = (long) totals[0];
        long nB = (long) totals[2];
        Double rateA = nA == 0 ? null : totals[1] / nA;
        Double rateB = nB == 0 ? null : totals[3] / nB;
        Double difference = rateA == null || rateB == null ? null : rateA - rateB;
        Bootstrap.Result boot = Bootstrap.difference(users, settings.resamples(), settings.seed(), CONFIDENCE);
        BootstrapView bootView = boot == null
                ? null
                : new BootstrapView(
                        boot.interval(), boot.pValue(), boot.resamples(), settings.seed(), boot.users(), "user");
        boolean debiased = q.debiased();
        Side a = new Side(
                q.a(),
                nA,
                totals[1],
                rateA,
                debiased
                        ? (boot == null ? null : boot.intervalA())
                        : Proportions.wilson(Math.round(totals[1]), nA, CONFIDENCE),
                viewersA);
        Side b = new Side(
                q.b(),
                nB,
                totals[3],
                rateB,
                debiased
                        ? (boot == null ? null : boot.intervalB())
                        : Proportions.wilson(Math.round(totals[3]), nB, CONFIDENCE),
                viewersB);
        ZTestView z = null;
        if (!debiased && nA > 0 && nB > 0) {
            long sA = Math.round(totals[1]);
            long sB = Math.round(totals[3]);
            Proportions.ZTest test = Proportions.twoProportion(sA, nA, sB, nB);
            z = new ZTestView(
                    test.z(),
                    test.pValue(),
                    Proportions.difference(sA, nA, sB, nB, CONFIDENCE),
                    "independent impressions (each impression a Bernoulli trial); one user's impressions are"
                            + " correlated, see bootstrap");
        }
        Proportions.Interval interval =
                debiased ? (boot == null ? null : boot.interval()) : z == null ? null : z.interval();
        Double p = debiased ? (boot == null ? null : boot.pValue()) : z == null ? null : z.pValue();

        long successes = Math.round(debiased ? countClicks(rows, q, propensities) : totals[1] + totals[3]);
        String insufficient = null;
        if (nA < settings.minImpressions() || nB < settings.minImpressions()) {
            insufficient = "too little data: each algorithm needs at least " + settings.minImpressions()
                    + " impressions" + (debiased ? " with an estimated propensity" : "") + " (a has " + nA + ", b has "
                    + nB + ")";
        } else if (successes < settings.minSuccesses()) {
            insufficient = "too little data: both together need at least " + settings.minSuccesses() + " "
                    + (debiased ? "clicks" : "successes") + " (they have " + successes + ")";
        } else if (boot == null) {
            insufficient = "too little data: no bootstrap resample had impressions of both";
        }
        if (insufficient != null) {
            return new Result(
                    q.metric(),
                    a,
                    b,
                    difference,
                    interval,
                    p,
                    z,
                    bootView,
                    false,
                    null,
                    "insufficient-data",
                    insufficient);
        }
        boolean significant = debiased ? boot.pValue() < ALPHA : z.pValue() < ALPHA && boot.pValue() < ALPHA;
        String winner = significant && difference != 0 ? (difference > 0 ? "a" : "b") : null;
        String verdict = winner == null ? "no-significant-difference" : winner + "-wins";
        String explanation;
        if (winner != null) {
            explanation = (winner.equals("a") ? q.a() : q.b()) + " has the higher " + q.metric() + " (difference "
                    + String.format(java.util.Locale.ROOT, "%.4f", difference) + ", p = "
                    + String.format(java.util.Locale.ROOT, "%.3g", p) + ")"
                    + (debiased ? "; bootstrap over users" : "; z-test and bootstrap over users agree");
        } else if (!debiased && z.pValue() < ALPHA) {
            explanation = "the z-test says p = " + String.format(java.util.Locale.ROOT, "%.3g", z.pValue())
                    + " but the bootstrap over users does not confirm it (p = "
                    + String.format(java.util.Locale.ROOT, "%.3g", boot.pValue())
                    + "): one user's impressions are correlated";
        } else {
            explanation =
                    "no significant difference at 5% (p = " + String.format(java.util.Locale.ROOT, "%.3g", p) + ")";
        }
        return new Result(
                q.metric(), a, b, difference, interval, p, z, bootView, significant, winner, verdict, explanation);
    }

    private static double countClicks(List<AttributedRow> rows, CompareQuery q, Propensities propensities) {
        return rows.stream()
                .filter(r -> q.a().equals(r.row().algorithm())
                        || q.b().equals(r.row().algorithm()))
                .filter(r -> propensities.weight(r.row().source(), r.row().position()) != null)
                .filter(r -> r.row().clicked())
                .count();
    }
}
