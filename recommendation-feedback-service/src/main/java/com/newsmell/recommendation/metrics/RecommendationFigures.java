package com.newsmell.recommendation.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures of recommendation metrics over a window (or a breakdown value): impressions, their clicks, the
 * click-through rate, and the clicks whose impression is missing. Each description is its definition in
 * docs/metrics.md (recommendation-feedback-service, Recommendation metrics).
 */
public record RecommendationFigures(
        @Schema(
                description = "Impressions: recommendation_feedback rows (one per recommendation, viewer and perfume)"
                        + " whose impressionTime (the earliest non-bot RECOMMENDATION_SHOWN) falls in the window."
                        + " Unit: rows.")
        long impressions,

        @Schema(
                description = "The impressions that were clicked (a non-bot RECOMMENDATION_CLICKED), whenever the"
                        + " click came: a click counts with its impression. Unit: rows.")
        long clicks,

        @Schema(
                description = "clicks / impressions, a fraction 0-1; absent when there are no impressions.",
                minimum = "0",
                maximum = "1")
        Double clickThroughRate,

        @Schema(
                description = "Clicked rows without any impression (their RECOMMENDATION_SHOWN never arrived), by the"
                        + " time of their first click in the window; they are not impressions, so neither in clicks"
                        + " nor in clickThroughRate. Unit: rows.")
        long clicksWithoutImpression) {

    public static final RecommendationFigures ZERO = of(0, 0, 0);

    /** The figures of these counts; the rate is absent without impressions. */
    public static RecommendationFigures of(long impressions, long clicks, long clicksWithoutImpression) {
        Double rate = impressions == 0 ? null : (double) clicks / impressions;
        return new RecommendationFigures(impressions, clicks, rate, clicksWithoutImpression);
    }

    /** The figures of both: counts add, the rate is recomputed from the sums (never averaged). */
    public RecommendationFigures plus(RecommendationFigures other) {
        return of(
                impressions + other.impressions,
                clicks + other.clicks,
                clicksWithoutImpression + other.clicksWithoutImpression);
    }
}
