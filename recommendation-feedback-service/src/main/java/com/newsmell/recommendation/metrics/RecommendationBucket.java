package com.newsmell.recommendation.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bucket of recommendation metrics: its start, whether it is still provisional, and its figures. */
public record RecommendationBucket(
        @Schema(description = "The bucket's start (UTC): a UTC hour, or the start of a day in tz.")
        Instant start,

        @Schema(
                description = "True while the attribution window after the bucket's end has not passed: conversions"
                        + " may still be credited to its impressions.")
        boolean provisional,

        @JsonUnwrapped @Schema(description = "The bucket's figures (unwrapped into the bucket).")
        RecommendationFigures figures) {}
