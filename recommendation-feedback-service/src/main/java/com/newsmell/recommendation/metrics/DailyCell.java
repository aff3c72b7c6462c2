package com.newsmell.recommendation.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One cell of the daily rollup: a day's impressions of one algorithm, source and position, and their figures. */
public record DailyCell(
        @Schema(description = "The algorithm ((unknown) for none).")
        String algorithm,

        @Schema(description = "The source ((unknown) for none).")
        String source,

        @Schema(description = "The 0-based position (-1 for none).")
        int position,

        @JsonUnwrapped @Schema(description = "The cell's figures (unwrapped; no debiased CTR in the rollup).")
        RecommendationFigures figures) {}
