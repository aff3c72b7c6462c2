package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.stats.PositionBias.Propensities;
import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns attributed ledger rows into the API's buckets, totals and breakdown values. Pure: no database, no clock.
 */
public final class RecommendationMetricsFold {

    private RecommendationMetricsFold() {}

    /** A row's value of a dimension (algorithm, source, position, perfumeId), null when it has none. */
    static String value(LedgerRow row, String dimension) {
        return switch (dimension) {
            case "algorithm" -> row.algorithm();
            case "source" -> row.source();
            case "position" -> row.position() == null ? null : row.position().toString();
            case "perfumeId" -> row.perfumeId();
            default -> throw new IllegalArgumentException("not a dimension: " + dimension);
        };
    }

    /** Whether the row passes the filters. */
    static boolean passes(LedgerRow row, Filters filters) {
        if (filters.isEmpty()) {
            return true;
        }
        Map<String, String> values = new HashMap<>();
        for (String d : RecommendationMetricsQuery.DIMENSIONS) {
            values.put(d, value(row, d));
        }
        return filters.test(values);
    }

    /** Every bucket of the window, in order, those without rows at zero; provisional until end + window. */
    static List<RecommendationBucket> buckets(
            TimeWindow window,
            List<AttributedRow> rows,
            List<LedgerRow> clicksWithoutImpression,
            Propensities propensities,
            Duration attributionWindow,
            Instant asOf) {
        List<Instant> starts = window.bucketStarts();
        List<Counts> counts = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            counts.add(new Counts());
        }
        for (AttributedRow a : rows) {
            counts.get(index(starts, a.row().impressionTime())).add(a, propensities);
        }
        for (LedgerRow r : clicksWithoutImpression) {
            counts.get(index(starts, r.clickTime())).addClickWithoutImpression();
        }
        List<RecommendationBucket> buckets = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : window.to();
            buckets.add(new RecommendationBucket(
                    starts.get(i), end.plus(attributionWindow).isAfter(asOf), RecommendationFigures.of(counts.get(i))));
        }
        return buckets;
    }

    /** The totals of the rows. */
    static RecommendationFigures totals(
            List<AttributedRow> rows, List<LedgerRow> clicksWithoutImpression, Propensities propensities) {
        Counts c = new Counts();
        rows.forEach(a -> c.add(a, propensities));
        clicksWithoutImpression.forEach(r -> c.addClickWithoutImpression());
        return RecommendationFigures.of(c);
    }

    /**
     * The totals per value of a dimension, most impressions first (then clicks, clicks without impression, the value,
     * (unknown) last).
     */
    static List<Metrics.Value<RecommendationFigures>> values(
            String dimension,
            List<AttributedRow> rows,
            List<LedgerRow> clicksWithoutImpression,
            Propensities propensities) {
        Map<String, Counts> byValue = new HashMap<>();
        for (AttributedRow a : rows) {
            byValue.computeIfAbsent(Breakdown.value(value(a.row(), dimension)), k -> new Counts())
                    .add(a, propensities);
        }
        for (LedgerRow r : clicksWithoutImpression) {
            byValue.computeIfAbsent(Breakdown.value(value(r, dimension)), k -> new Counts())
                    .addClickWithoutImpression();
        }
        List<Metrics.Value<RecommendationFigures>> values = new ArrayList<>();
        byValue.forEach((v, c) -> values.add(new Metrics.Value<>(v, RecommendationFigures.of(c))));
        Comparator<Metrics.Value<RecommendationFigures>> order =
                Comparator.<Metrics.Value<RecommendationFigures>>comparingLong(
                                v -> -v.totals().impressions())
                        .thenComparingLong(v -> -v.totals().clicks())
                        .thenComparingLong(v -> -v.totals().clicksWithoutImpression())
                        .thenComparing(v -> v.value().equals(com.newsmell.toolkit.api.ApiConvention.UNKNOWN) ? 1 : 0)
                        .thenComparing(v -> sortable(dimension, v.value()));
        values.sort(order);
        return Collections.unmodifiableList(values);
    }

    private static String sortable(String dimension, String value) {
        if (dimension.equals("position") && value.matches("[0-9]{1,9}")) {
            return String.format("%010d", Integer.parseInt(value));
        }
        return value;
    }

    private static int index(List<Instant> starts, Instant t) {
        int i = Collections.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }
}
