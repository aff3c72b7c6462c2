package com.newsmell.session.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formulas of GET /v1/sessions/metrics and GET /v1/search/metrics, from the rollups' sums. */
class MetricsFormulasTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    @DisplayName("UserSession.duration Int? // Duration in seconds, bounced — averageDuration and bounceRate are over"
            + " the closed sessions only; pagesPerSession and the conversion rates over every session")
    void sessionRatesUseTheirOwnDenominators() {
        SessionMetrics.Bucket b = SessionMetrics.Bucket.of(new SessionTotals(FROM, 8, 4, 100, 1, 20, 2, 1, 4, 8, 3));

        assertThat(b.start()).isEqualTo(FROM);
        assertThat(b.sessions()).isEqualTo(8);
        assertThat(b.uniqueUsers()).isEqualTo(3);
        assertThat(b.averageDuration()).isEqualTo(25.0);
        assertThat(b.bounceRate()).isEqualTo(0.25);
        assertThat(b.pagesPerSession()).isEqualTo(2.5);
        assertThat(b.wishlistConversionRate()).isEqualTo(0.25);
        assertThat(b.collectionConversionRate()).isEqualTo(0.125);
        assertThat(b.ratingConversionRate()).isEqualTo(0.5);
        assertThat(b.reviewConversionRate()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("UserSession.endTime DateTime? — while no session of the bucket is closed, averageDuration and"
            + " bounceRate are null, not 0")
    void noClosedSessionNoDurationNorBounceRate() {
        SessionMetrics.Bucket b = SessionMetrics.Bucket.of(new SessionTotals(FROM, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0));

        assertThat(b.averageDuration()).isNull();
        assertThat(b.bounceRate()).isNull();
        assertThat(b.pagesPerSession()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("SearchQuery.clickedPositions Json // Array of clicked result positions — clickThroughRate = searches"
            + " with a click ÷ searches; the refinedQuery, abandoned and foundDesired rates likewise")
    void searchRates() {
        SearchMetrics m = SearchMetrics.of(
                FROM,
                TO,
                false,
                new SearchTotals(8, 2, 6, 1, 2, 3),
                List.of(new SearchMetrics.QueryCount("rose", 5)),
                List.of(new SearchMetrics.QueryCount("xyz", 2)),
                List.of(new NearestRank.ValueCount(1200, 6)),
                List.of(new SearchMetrics.PositionCount(1, 6)));

        assertThat(m.searches()).isEqualTo(8);
        assertThat(m.clickThroughRate()).isEqualTo(0.75);
        assertThat(m.refinementRate()).isEqualTo(0.125);
        assertThat(m.abandonmentRate()).isEqualTo(0.25);
        assertThat(m.foundDesiredRate()).isCloseTo(0.375, within(1e-12));
        assertThat(m.timeToFirstClick()).isEqualTo(new SearchMetrics.ClickTime(1200, 1200));
        assertThat(m.topQueries()).containsExactly(new SearchMetrics.QueryCount("rose", 5));
        assertThat(m.topNoResultQueries()).containsExactly(new SearchMetrics.QueryCount("xyz", 2));
        assertThat(m.clickPositions()).containsExactly(new SearchMetrics.PositionCount(1, 6));
    }

    @Test
    @DisplayName("without searches every rate and the time to first click are null, not 0 or NaN")
    void noSearchesNoRates() {
        SearchMetrics m = SearchMetrics.of(
                FROM, TO, true, new SearchTotals(0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of());

        assertThat(m.clickThroughRate()).isNull();
        assertThat(m.refinementRate()).isNull();
        assertThat(m.abandonmentRate()).isNull();
        assertThat(m.foundDesiredRate()).isNull();
        assertThat(m.timeToFirstClick()).isEqualTo(new SearchMetrics.ClickTime(null, null));
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
