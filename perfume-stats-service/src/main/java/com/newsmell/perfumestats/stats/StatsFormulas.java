package com.newsmell.perfumestats.stats;

import java.math.BigDecimal;

/** The derived fields of a row: averages and click-through rates, from its sums and counts. */
public final class StatsFormulas {

    private StatsFormulas() {}

    /** The mean, or null without values. */
    static Double mean(BigDecimal sum, int count) {
        return count <= 0 ? null : sum.doubleValue() / count;
    }

    /** clicks / impressions, or null without impressions. */
    static Double ratio(int clicks, int impressions) {
        return impressions <= 0 ? null : (double) clicks / impressions;
    }

    /** Recomputes every derived field of the row. */
    public static void derive(PerfumeInteractionStats s) {
        Double duration = mean(s.viewDurationSum, s.viewDurationCount);
        s.avgViewDuration = duration == null ? 0 : duration;
        s.avgRating = mean(s.overallSum, s.totalRatings);
        s.avgLongevity = mean(s.longevitySum, s.longevityCount);
        s.avgSillage = mean(s.sillageSum, s.sillageCount);
        s.avgPriceValue = mean(s.priceValueSum, s.priceValueCount);
        s.avgGender = mean(s.genderSum, s.genderCount);
        s.searchCtr = ratio(s.searchClicks, s.searchImpressions);
        s.recommendationCtr = ratio(s.recommendationClicks, s.recommendationImprs);
    }
}
