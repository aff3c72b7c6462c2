package com.newsmell.perfumestats.weekly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeFeatures: {@code viewGrowth: number}, {@code wishlistGrowth: number}, computed by the weekly
 * {@code trendAnalysis: "Sunday at midnight"}; the definition is README "Weekly trends" ({@link Growth}).
 */
class GrowthTest {

    @Test
    @DisplayName("viewGrowth: (this week − last week) / last week, a fraction: 4 → 6 is +0.5, 6 → 3 is −0.5")
    void growthIsTheChangeOverTheWeekBefore() {
        assertThat(Growth.weekOverWeek(6, 4)).isEqualTo(0.5);
        assertThat(Growth.weekOverWeek(3, 6)).isEqualTo(-0.5);
        assertThat(Growth.weekOverWeek(10, 10)).isEqualTo(0.0);
        assertThat(Growth.weekOverWeek(1, 3)).isEqualTo(-2.0 / 3);
    }

    @Test
    @DisplayName("viewGrowth: a week that drops to nothing is −1, the least growth there is")
    void droppingToNothingIsMinusOne() {
        assertThat(Growth.weekOverWeek(0, 7)).isEqualTo(-1.0);
        assertThat(Growth.weekOverWeek(0, 1)).isEqualTo(-1.0);
    }

    @Test
    @DisplayName(
            "viewGrowth: nothing the week before counts as 1 (max(last week, 1)), so a first week grows by its count")
    void nothingTheWeekBeforeCountsAsOne() {
        assertThat(Growth.weekOverWeek(3, 0)).isEqualTo(3.0);
        assertThat(Growth.weekOverWeek(3, 0)).isEqualTo(Growth.weekOverWeek(4, 1));
        assertThat(Growth.weekOverWeek(0, 0)).isEqualTo(0.0);
        assertThat(Growth.weekOverWeek(1, 0)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("viewGrowth and wishlistGrowth of a perfume's week: each from its own two counts")
    void aWeeklyTrendHasTheGrowthOfEachCount() {
        WeeklyTrend trend = new WeeklyTrend("p-1", 6, 4, 2, 0);
        assertThat(trend.viewGrowth()).isEqualTo(0.5);
        assertThat(trend.wishlistGrowth()).isEqualTo(2.0);
        WeeklyTrend quiet = new WeeklyTrend("p-2", 0, 0, 0, 0);
        assertThat(quiet.viewGrowth()).isZero();
        assertThat(quiet.wishlistGrowth()).isZero();
    }
}
