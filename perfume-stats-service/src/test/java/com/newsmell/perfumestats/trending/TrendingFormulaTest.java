package com.newsmell.perfumestats.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats: {@code trendingScore Float @default(0)}, refreshed by the hourly aggregation
 * {@code trendingPerfumes: "every hour"}; the score's definition is README "Trending score" ({@link TrendingFormula}).
 */
class TrendingFormulaTest {

    private static final double HALF_LIFE = 24;
    private static final double PRIOR = 5;
    private static final double D = TrendingFormula.flatRateDecaySum(168, HALF_LIFE);

    @Test
    @DisplayName("trendingScore: a flat rate scores just under 1 whatever its volume; a burst scores higher")
    void aFlatRateScoresJustUnderOneWhateverItsVolumeAndABurstScoresHigher() {
        double flat = TrendingFormula.score(1000 * D, 1000 * 720, D, PRIOR);
        double small = TrendingFormula.score(1 * D, 720, D, PRIOR);
        double recentBurst = 3 * 200 * Math.pow(0.5, 1.5 / HALF_LIFE) + D; // 200/h for 3 h on top of 1/h
        double burst = TrendingFormula.score(recentBurst, 720 + 600, D, PRIOR);
        assertThat(flat).isBetween(0.99, 1.0);
        assertThat(small).isLessThan(flat);
        assertThat(burst).isGreaterThan(5 * flat);
    }

    @Test
    @DisplayName("trendingScore Float @default(0): no recent engagement scores 0, whatever the 30-day baseline")
    void noRecentEngagementScoresZero() {
        assertThat(TrendingFormula.score(0, 100, D, PRIOR)).isZero();
        assertThat(TrendingFormula.score(0, 0, D, PRIOR)).isZero();
        assertThat(TrendingFormula.score(-1, 100, D, PRIOR)).isZero();
    }

    @Test
    @DisplayName("trendingScore: without a baseline the prior alone is expected (a handful of events can't spike)")
    void withoutABaselineThePriorIsTheExpectation() {
        assertThat(TrendingFormula.score(2, 0, D, PRIOR)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    @DisplayName("trendingScore: the same recent engagement scores lower against a higher 30-day baseline")
    void aHigherBaselineLowersTheScore() {
        assertThat(TrendingFormula.score(100, 7_200, D, PRIOR)).isLessThan(TrendingFormula.score(100, 720, D, PRIOR));
    }

    @Test
    @DisplayName("trending every hour: D sums the decayed weight of one event per hour, each at its hour's middle")
    void flatRateDecaySum() {
        assertThat(TrendingFormula.flatRateDecaySum(0, HALF_LIFE)).isZero();
        assertThat(TrendingFormula.flatRateDecaySum(1, HALF_LIFE))
                .isCloseTo(Math.pow(0.5, 0.5 / HALF_LIFE), within(1e-12));
        assertThat(TrendingFormula.flatRateDecaySum(2, 1))
                .isCloseTo(Math.pow(0.5, 0.5) + Math.pow(0.5, 1.5), within(1e-12));
        // one half-life of hours weighs between half and all of them
        assertThat(TrendingFormula.flatRateDecaySum(24, HALF_LIFE)).isBetween(12.0, 24.0);
        assertThat(D).isGreaterThan(TrendingFormula.flatRateDecaySum(167, HALF_LIFE));
    }
}
