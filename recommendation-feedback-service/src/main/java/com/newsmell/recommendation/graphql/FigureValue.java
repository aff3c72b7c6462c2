package com.newsmell.recommendation.graphql;

import com.newsmell.recommendation.metrics.RecommendationFigures;
import com.newsmell.recommendation.stats.Proportions;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The figures of one value of a dimension (an algorithm, a position), with the CTR's Wilson 95% interval.")
public record FigureValue(
        @NonNull @Description("The value, or (unknown).") String value,
        @NonNull RecommendationFigures figures,

        @Description("The click-through rate's Wilson 95% interval; absent without impressions.")
        Proportions.Interval ctrInterval) {

    static FigureValue of(String value, RecommendationFigures figures) {
        return new FigureValue(
                value,
                figures,
                figures.impressions() == 0 ? null : Proportions.wilson(figures.clicks(), figures.impressions(), 0.95));
    }
}
