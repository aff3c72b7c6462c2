package com.newsmell.recommendation.stats;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Position bias by the examination model (Joachims, Swaminathan and Schnabel, "Unbiased Learning-to-Rank with Biased
 * Feedback", WSDM 2017): a click needs the item to be examined, with probability {@code θ(k)} at position k, and to be
 * relevant. On randomized impressions (positions shuffled, so relevance is independent of position) the CTR at k is
 * proportional to {@code θ(k)}; the propensity of k is {@code CTR_rand(k) / CTR_rand(0)}, relative to the top slot.
 * The raw CTR-by-position curve is not used: it mixes relevance with position. Pure.
 */
public final class PositionBias {

    private PositionBias() {}

    /** Impressions and clicks of one (source, position). */
    public record Cell(long impressions, long clicks) {
        public Double ctr() {
            return impressions == 0 ? null : (double) clicks / impressions;
        }
    }

    /**
     * The estimated propensities per source and position, from the randomized cells ({@code source -> position ->
     * cell}).
     *
     * @param minImpressions randomized impressions a position (and position 0 of its source) needs; fewer: no
     *     propensity
     * @param clip the smallest propensity a weight divides by (clipped IPS)
     */
    public record Propensities(Map<String, Map<Integer, Double>> bySource, double clip) {

        /** The propensity of a position of a source, or null when it could not be estimated. */
        public Double of(String source, Integer position) {
            if (source == null || position == null) {
                return null;
            }
            Map<Integer, Double> p = bySource.get(source);
            return p == null ? null : p.get(position);
        }

        /** The IPS weight of a click at (source, position): {@code 1 / max(propensity, clip)}; null without one. */
        public Double weight(String source, Integer position) {
            Double p = of(source, position);
            return p == null ? null : 1.0 / Math.max(p, clip);
        }
    }

    public static Propensities estimate(
            Map<String, ? extends Map<Integer, Cell>> randomized, int minImpressions, double clip) {
        Map<String, Map<Integer, Double>> out = new TreeMap<>();
        randomized.forEach((source, cells) -> {
            Cell top = cells.get(0);
            if (top == null || top.impressions() < minImpressions || top.clicks() == 0) {
                return;
            }
            double topCtr = top.ctr();
            Map<Integer, Double> p = new TreeMap<>();
            cells.forEach((position, cell) -> {
                if (cell.impressions() >= minImpressions) {
                    p.put(position, cell.ctr() / topCtr);
                }
            });
            out.put(source, p);
        });
        return new Propensities(out, clip);
    }

    /**
     * The IPS estimate of the CTR had every impression been at the top slot: {@code Σ clicked_i / p(k_i) / n} over
     * the n impressions that have a propensity (Joachims et al., eq. 5, with relative propensities).
     *
     * @param weightedClicks {@code Σ clicked_i / max(p(k_i), clip)}
     * @param impressions n
     */
    public static Double debiasedCtr(double weightedClicks, long impressions) {
        return impressions == 0 ? null : weightedClicks / impressions;
    }
    /**
     * The propensities estimated from the randomized impressions among the rows (all of them, before any filter:
     * the examination probability of a slot does not depend on the algorithm).
     */
    public static Propensities fromRows(List<AttributedRow> rows, int minImpressions, double clip) {
        Map<String, Map<Integer, long[]>> cells = new TreeMap<>();
        for (AttributedRow a : rows) {
            LedgerRow r = a.row();
            if (r.randomized() && r.source() != null && r.position() != null) {
                long[] c = cells.computeIfAbsent(r.source(), k -> new TreeMap<>())
                        .computeIfAbsent(r.position(), k -> new long[2]);
                c[0]++;
                c[1] += r.clicked() ? 1 : 0;
            }
        }
        Map<String, Map<Integer, Cell>> randomized = new TreeMap<>();
        cells.forEach((source, byPosition) -> {
            Map<Integer, Cell> m = new TreeMap<>();
            byPosition.forEach((p, c) -> m.put(p, new Cell(c[0], c[1])));
            randomized.put(source, m);
        });
        return estimate(randomized, minImpressions, clip);
    }
}
