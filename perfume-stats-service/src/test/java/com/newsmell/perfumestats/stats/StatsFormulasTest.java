package com.newsmell.perfumestats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed, PerfumeInteractionStats: the derived fields, each from the row's sums and counts. */
class StatsFormulasTest {

    @Test
    @DisplayName("avgRating Float?: the mean of the values, null without any")
    void meanIsNullWithoutValues() {
        assertThat(StatsFormulas.mean(BigDecimal.ZERO, 0)).isNull();
        assertThat(StatsFormulas.mean(BigDecimal.valueOf(7), 2)).isEqualTo(3.5);
        assertThat(StatsFormulas.mean(BigDecimal.valueOf(5), 1)).isEqualTo(5.0);
        assertThat(StatsFormulas.mean(new BigDecimal("9.5"), 2)).isEqualTo(4.75); // ratings of 4.5 and 5
    }

    @Test
    @DisplayName("searchCTR Float? // Click-through rate: clicks / impressions, null without impressions")
    void ratioIsNullWithoutImpressions() {
        assertThat(StatsFormulas.ratio(0, 0)).isNull();
        assertThat(StatsFormulas.ratio(3, 0)).isNull();
        assertThat(StatsFormulas.ratio(0, 4)).isEqualTo(0.0);
        assertThat(StatsFormulas.ratio(1, 4)).isEqualTo(0.25);
    }

    @Test
    @DisplayName("avgViewDuration Float @default(0), avgRating Float?, searchCTR Float?, recommendationCTR Float?:"
            + " a fresh row has 0 and nulls")
    void aFreshRowHasTheDefaults() {
        PerfumeInteractionStats row = new PerfumeInteractionStats();

        StatsFormulas.derive(row);

        assertThat(row.avgViewDuration).isZero();
        assertThat(row.avgRating).isNull();
        assertThat(row.avgLongevity).isNull();
        assertThat(row.avgSillage).isNull();
        assertThat(row.avgPriceValue).isNull();
        assertThat(row.avgGender).isNull();
        assertThat(row.searchCtr).isNull();
        assertThat(row.recommendationCtr).isNull();
    }

    @Test
    @DisplayName("avgViewDuration, avgRating (over totalRatings), searchCTR, recommendationCTR from the row's counters")
    void derivesEveryFieldFromItsSumAndCount() {
        PerfumeInteractionStats row = new PerfumeInteractionStats();
        row.viewDurationSum = BigDecimal.valueOf(3_000);
        row.viewDurationCount = 2;
        row.totalViews = 5; // views without a duration don't count towards the mean
        row.overallSum = BigDecimal.valueOf(9);
        row.totalRatings = 2;
        row.longevitySum = BigDecimal.valueOf(4);
        row.longevityCount = 1;
        row.sillageSum = BigDecimal.valueOf(6);
        row.sillageCount = 3;
        row.priceValueSum = BigDecimal.valueOf(5);
        row.priceValueCount = 2;
        row.genderSum = BigDecimal.valueOf(1);
        row.genderCount = 1;
        row.searchClicks = 1;
        row.searchImpressions = 8;
        row.recommendationClicks = 3;
        row.recommendationImprs = 4;

        StatsFormulas.derive(row);

        assertThat(row.avgViewDuration).isEqualTo(1_500.0);
        assertThat(row.avgRating).isEqualTo(4.5);
        assertThat(row.avgLongevity).isEqualTo(4.0);
        assertThat(row.avgSillage).isEqualTo(2.0);
        assertThat(row.avgPriceValue).isEqualTo(2.5);
        assertThat(row.avgGender).isEqualTo(1.0);
        assertThat(row.searchCtr).isEqualTo(0.125);
        assertThat(row.recommendationCtr).isEqualTo(0.75);
    }
}
