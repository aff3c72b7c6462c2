package com.newsmell.recommendation.metrics;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bucket of recommendation metrics: its start and the figures of [start, next start). */
public record RecommendationBucket(
        @Schema(description = "The bucket's start (UTC): a UTC hour, or the start of a day in tz.")
        Instant start,

        @Schema(description = "Impressions whose impressionTime falls in this bucket. Unit: rows.")
        long impressions,

        @Schema(description = "The impressions of this bucket that were clicked. Unit: rows.")
        long clicks,

        @Schema(
                description = "clicks / impressions of this bucket, 0-1; absent without impressions.",
                minimum = "0",
                maximum = "1")
        Double clickThroughRate,

        @Schema(description = "Clicked rows without an impression whose first click falls in this bucket. Unit: rows.")
        long clicksWithoutImpression) {

    public static RecommendationBucket of(Instant start, RecommendationFigures figures) {
        return new RecommendationBucket(
                start,
                figures.impressions(),
                figures.clicks(),
                figures.clickThroughRate(),
                figures.clicksWithoutImpression());
    }
}
