package com.newsmell.session.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formulas of GET /v1/sessions/metrics and GET /v1/search/metrics, from the rollups' sums. */
class MetricsFormulasTest {

    @Test
    @DisplayName("UserSession.duration Int? // Duration in seconds, bounced — averageDurationMs and bounceRate are over"
            + " the closed sessions only (closedSessions is returned), pagesPerSession and the conversion rates over"
            + " every session; each rate comes with its numerator; durations in ms (the seconds kept, deprecated)")
    void sessionRatesComeWithTheirNumeratorsAndDenominators() {
        SessionMetricsTotals r =
                SessionMetricsTotals.of(new SessionTotals(8, 4, 100, 100_500, 1, 20, 2, 1, 4, 8, 3, 6));

        assertThat(r.sessions()).isEqualTo(8);
        assertThat(r.closedSessions()).isEqualTo(4);
        assertThat(r.uniqueUsers()).isEqualTo(3);
        assertThat(r.uniqueVisitors()).isEqualTo(6);
        assertThat(r.durationMs()).isEqualTo(100_500);
        assertThat(r.averageDurationMs()).isEqualTo(25_125.0);
        assertThat(r.durationSeconds()).isEqualTo(100);
        assertThat(r.averageDuration()).isEqualTo(25.0);
        assertThat(r.bounces()).isEqualTo(1);
        assertThat(r.bounceRate()).isEqualTo(0.25);
        assertThat(r.pageViews()).isEqualTo(20);
        assertThat(r.pagesPerSession()).isEqualTo(2.5);
        assertThat(r.wishlistSessions()).isEqualTo(2);
        assertThat(r.wishlistConversionRate()).isEqualTo(0.25);
        assertThat(r.collectionSessions()).isEqualTo(1);
        assertThat(r.collectionConversionRate()).isEqualTo(0.125);
        assertThat(r.ratingSessions()).isEqualTo(4);
        assertThat(r.ratingConversionRate()).isEqualTo(0.5);
        assertThat(r.reviewSessions()).isEqualTo(8);
        assertThat(r.reviewConversionRate()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("UserSession.endTime DateTime? — while no session is closed, averageDurationMs and bounceRate are"
            + " absent (null), not 0")
    void noClosedSessionNoDurationNorBounceRate() {
        SessionMetricsTotals r = SessionMetricsTotals.of(new SessionTotals(3, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 3));

        assertThat(r.averageDurationMs()).isNull();
        assertThat(r.averageDuration()).isNull();
        assertThat(r.bounceRate()).isNull();
        assertThat(r.pagesPerSession()).isEqualTo(1.0);
        assertThat(SessionMetricsTotals.of(SessionTotals.NONE).pagesPerSession())
                .isNull();
        assertThat(SessionMetricsTotals.of(SessionTotals.NONE).wishlistConversionRate())
                .isNull();
    }

    @Test
    @DisplayName("SearchQuery.clickedPositions Json // Array of clicked result positions — clickThroughRate = searches"
            + " with a click ÷ searches; the no-result, refinedQuery, abandoned and foundDesired rates likewise, each"
            + " with its count; the percentiles (ms) with the number of searches they are over")
    void searchRatesComeWithTheirCounts() {
        SearchMetrics.SearchMetricsTotals m = SearchMetrics.SearchMetricsTotals.of(
                new SearchTotals(8, 2, 6, 1, 2, 3),
                List.of(new SearchMetrics.QueryCount("rose", 5)),
                List.of(new SearchMetrics.QueryCount("xyz", 2)),
                List.of(new NearestRank.ValueCount(1200, 6)),
                List.of(new SearchMetrics.PositionCount(1, 6)));

        assertThat(m.outcomes())
                .isEqualTo(new SearchMetrics.SearchOutcomes(8, 6, 0.75, 2, 0.25, 1, 0.125, 2, 0.25, 3, 3 / 8.0));
        assertThat(m.timeToFirstClickSearches()).isEqualTo(6);
        assertThat(m.medianTimeToFirstClickMs()).isEqualTo(1200);
        assertThat(m.p90TimeToFirstClickMs()).isEqualTo(1200);
        // the deprecated top-level fields of the answer carry the same figures (issue #22: one release)
        var answer = SearchMetrics.SearchMetricsAnswer.of(
                new com.newsmell.toolkit.api.Metrics<
                        SearchMetrics.SearchMetricsBucket, SearchMetrics.SearchMetricsTotals>(
                        null, null, "UTC", null, null, null, m, null, null, null),
                true);
        assertThat(answer.timeToFirstClick()).isEqualTo(new SearchMetrics.ClickTime(6, 1200, 1200));
        assertThat(answer.topQueries()).isEqualTo(m.topQueries());
        assertThat(answer.clickPositions()).isEqualTo(m.clickPositions());
        assertThat(answer.includeBots()).isTrue();
        assertThat(m.topQueries()).containsExactly(new SearchMetrics.QueryCount("rose", 5));
        assertThat(m.topNoResultQueries()).containsExactly(new SearchMetrics.QueryCount("xyz", 2));
        assertThat(m.clickPositions()).containsExactly(new SearchMetrics.PositionCount(1, 6));
    }

    @Test
    @DisplayName("without searches every rate and the time to first click are null, not 0 or NaN")
    void noSearchesNoRates() {
        SearchMetrics.SearchMetricsTotals m = SearchMetrics.SearchMetricsTotals.of(
                new SearchTotals(0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of());

        assertThat(m.outcomes())
                .isEqualTo(new SearchMetrics.SearchOutcomes(0, 0, null, 0, null, 0, null, 0, null, 0, null));
        assertThat(m.medianTimeToFirstClickMs()).isNull();
    }

    @ParameterizedTest(name = "p{0}: {1} ms")
    @CsvSource({"0.5, 200", "0.9, 400", "0.75, 300", "0.76, 400", "0.01, 100", "1.0, 400"})
    @DisplayName("SearchQuery.timeToFirstClick Int? // Milliseconds — nearest rank: the smallest value whose"
            + " cumulative count reaches ceil(p × n)")
    void nearestRankOverDistinctValues(double p, int expected) {
        List<NearestRank.ValueCount> times = List.of(
                new NearestRank.ValueCount(100, 1),
                new NearestRank.ValueCount(200, 1),
                new NearestRank.ValueCount(300, 1),
                new NearestRank.ValueCount(400, 1));

        assertThat(NearestRank.percentile(times, p)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} searches at 100 ms and {1} at 5000 ms: p90 = {2}")
    @CsvSource({"9, 1, 100", "8, 2, 5000", "0, 1, 5000"})
    @DisplayName("counts weigh their value: the p90 moves to the slow value only once it holds more than 10%")
    void nearestRankWeighsCounts(long fast, long slow, int p90) {
        List<NearestRank.ValueCount> times =
                List.of(new NearestRank.ValueCount(100, fast), new NearestRank.ValueCount(5000, slow));

        assertThat(NearestRank.percentile(times, 0.9)).isEqualTo(p90);
    }

    @Test
    @DisplayName("no clicked search: no percentile")
    void emptyDistributionHasNoPercentile() {
        assertThat(NearestRank.percentile(List.of(), 0.5)).isNull();
        assertThat(NearestRank.percentile(List.of(new NearestRank.ValueCount(100, 0)), 0.5))
                .isNull();
    }
}
