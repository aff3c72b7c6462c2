package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.stats.PositionBias;
import com.newsmell.recommendation.stats.PositionBias.Propensities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Position bias over a window (issue #13): per source the CTR-by-position curve (raw, and on randomized impressions)
 * with the propensities estimated from the randomized ones, and per algorithm the raw and the position-debiased CTR.
 */
public record PositionBiasReport(
        @Schema(description = "The window's start (inclusive, UTC).")
        Instant from,

        @Schema(description = "The window's end (exclusive, UTC).")
        Instant to,

        @Schema(description = "Per source, its positions in order.")
        List<SourceCurve> sources,

        @Schema(description = "Per algorithm (most impressions first), raw and debiased CTR.")
        List<AlgorithmCtr> algorithms) {

    public record PositionPoint(
            @Schema(description = "0-based slot.") int position,

            @Schema(description = "Impressions at this slot. Unit: rows.")
            long impressions,

            @Schema(description = "Their clicks. Unit: rows.")
            long clicks,

            @Schema(description = "clicks / impressions: the raw curve (mixes relevance with position).")
            Double ctr,

            @Schema(description = "Randomized impressions at this slot. Unit: rows.")
            long randomizedImpressions,

            @Schema(description = "Their clicks. Unit: rows.")
            long randomizedClicks,

            @Schema(description = "randomizedClicks / randomizedImpressions.")
            Double randomizedCtr,

            @Schema(
                    description = "Estimated examination propensity relative to position 0: randomizedCtr(k) /"
                            + " randomizedCtr(0); absent with too few randomized impressions.")
            Double propensity) {}

    public record SourceCurve(
            @Schema(description = "homepage, detail_page, search or email.")
            String source,

            List<PositionPoint> positions) {}

    public record AlgorithmCtr(
            @Schema(description = "The algorithm.") String algorithm,

            @Schema(description = "Impressions. Unit: rows.")
            long impressions,

            @Schema(description = "Clicks. Unit: rows.") long clicks,
            @Schema(description = "clicks / impressions.") Double ctr,

            @Schema(description = "Impressions with an estimated propensity. Unit: rows.")
            long debiasedImpressions,

            @Schema(description = "Inverse-propensity-weighted CTR (see metrics' debiasedClickThroughRate).")
            Double debiasedCtr) {}

    static PositionBiasReport of(Instant from, Instant to, List<AttributedRow> rows, Propensities propensities) {
        Map<String, Map<Integer, long[]>> curves = new TreeMap<>();
        Map<String, Counts> byAlgorithm = new TreeMap<>();
        for (AttributedRow a : rows) {
            LedgerRow r = a.row();
            if (r.source() != null && r.position() != null) {
                long[] c = curves.computeIfAbsent(r.source(), k -> new TreeMap<>())
                        .computeIfAbsent(r.position(), k -> new long[4]);
                c[0]++;
                c[1] += r.clicked() ? 1 : 0;
                if (r.randomized()) {
                    c[2]++;
                    c[3] += r.clicked() ? 1 : 0;
                }
            }
            byAlgorithm
                    .computeIfAbsent(com.newsmell.toolkit.api.Breakdown.value(r.algorithm()), k -> new Counts())
                    .add(a, propensities);
        }
        List<SourceCurve> sources = new ArrayList<>();
        curves.forEach((source, positions) -> {
            List<PositionPoint> points = new ArrayList<>();
            positions.forEach((p, c) -> points.add(new PositionPoint(
                    p,
                    c[0],
                    c[1],
                    new PositionBias.Cell(c[0], c[1]).ctr(),
                    c[2],
                    c[3],
                    new PositionBias.Cell(c[2], c[3]).ctr(),
                    propensities.of(source, p))));
            sources.add(new SourceCurve(source, points));
        });
        List<AlgorithmCtr> algorithms = new ArrayList<>();
        byAlgorithm.forEach((algorithm, c) -> algorithms.add(new AlgorithmCtr(
                algorithm,
                c.impressions(),
                c.clicks(),
                RecommendationFigures.rate(c.clicks(), c.impressions()),
                c.debiasedImpressions(),
                PositionBias.debiasedCtr(c.weightedClicks(), c.debiasedImpressions()))));
        algorithms.sort((x, y) -> Long.compare(y.impressions(), x.impressions()));
        return new PositionBiasReport(from, to, sources, algorithms);
    }
}
