package com.newsmell.recommendation.metrics;

import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the counts the statements return into the API's buckets, totals and breakdown values. Pure: no database,
 * no clock.
 */
final class RecommendationMetricsFold {

    /** The counts of one bucket: its 1-based index among the window's bucket starts. */
    record BucketCounts(int index, long impressions, long clicks, long clicksWithoutImpression) {}

    /** The counts of one value of a dimension (null: none). */
    record ValueCounts(String value, long impressions, long clicks, long clicksWithoutImpression) {}

    private RecommendationMetricsFold() {}

    /** Every bucket of the window, in order, those without rows at zero. */
    static List<RecommendationBucket> buckets(TimeWindow window, List<BucketCounts> counts) {
        List<Instant> starts = window.bucketStarts();
        RecommendationFigures[] figures = new RecommendationFigures[starts.size()];
        for (BucketCounts c : counts) {
            if (c.index() < 1 || c.index() > starts.size()) {
                throw new IllegalStateException("bucket " + c.index() + " is outside the window's " + starts.size());
            }
            figures[c.index() - 1] = RecommendationFigures.of(c.impressions(), c.clicks(), c.clicksWithoutImpression());
        }
        List<RecommendationBucket> buckets = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            buckets.add(RecommendationBucket.of(
                    starts.get(i), figures[i] == null ? RecommendationFigures.ZERO : figures[i]));
        }
        return buckets;
    }

    /** The window's totals: the buckets' counts summed, the rate recomputed from the sums. */
    static RecommendationFigures totals(List<BucketCounts> counts) {
        RecommendationFigures totals = RecommendationFigures.ZERO;
        for (BucketCounts c : counts) {
            totals = totals.plus(RecommendationFigures.of(c.impressions(), c.clicks(), c.clicksWithoutImpression()));
        }
        return totals;
    }

    /** A breakdown's values, in the statement's order; a row without a value is (unknown). */
    static List<Metrics.Value<RecommendationFigures>> values(List<ValueCounts> counts) {
        return counts.stream()
                .map(c -> new Metrics.Value<>(
                        Breakdown.value(c.value()),
                        RecommendationFigures.of(c.impressions(), c.clicks(), c.clicksWithoutImpression())))
                .toList();
    }
}
