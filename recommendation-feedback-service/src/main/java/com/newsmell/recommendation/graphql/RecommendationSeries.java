package com.newsmell.recommendation.graphql;

import com.newsmell.recommendation.metrics.RecommendationBucket;
import com.newsmell.recommendation.metrics.RecommendationFigures;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Recommendation figures over a window (GET /v1/recommendations/metrics): totals, buckets, and the"
        + " totals by algorithm and by position with CTR intervals.")
public record RecommendationSeries(
        @NonNull Instant from,
        @NonNull Instant to,
        String granularity,
        Instant asOf,
        @NonNull RecommendationFigures totals,
        @NonNull List<@NonNull RecommendationBucket> buckets,
        @NonNull List<@NonNull FigureValue> byAlgorithm,
        @NonNull List<@NonNull FigureValue> byPosition) {}
