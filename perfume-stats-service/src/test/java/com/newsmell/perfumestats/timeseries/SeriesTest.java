package com.newsmell.perfumestats.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.perfumestats.timeseries.TimeseriesService.Counts;
import com.newsmell.perfumestats.timeseries.TimeseriesService.Series;
import com.newsmell.toolkit.http.TimeGrid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats {@code avgViewDuration Float}, {@code searchCTR Float? // Click-through rate}; issue
 * #21: "every rate comes with its numerator and denominator; every metrics response has a totals row computed from
 * the underlying counts (not by averaging buckets)".
 */
class SeriesTest {

    private static final Instant FROM = Instant.parse("2026-03-18T00:00:00Z");
    private static final TimeGrid.Range THREE_HOURS =
            new TimeGrid.Range(FROM, FROM.plusSeconds(3 * 3600), TimeGrid.HOUR);

    @Test
    @DisplayName("views: one 0-filled point per bucket of [from, to), the total their sum")
    void countsAreFilledAndSummed() {
        Series s = Series.of(query(TimeseriesQuery.Metric.VIEWS), Map.of(FROM.plusSeconds(3600), counts("4", 0)));

        assertThat(s.points()).extracting(p -> p.figure().value()).containsExactly(0L, 4L, 0L);
        assertThat(s.points())
                .extracting(TimeseriesService.Point::at)
                .containsExactly(FROM, FROM.plusSeconds(3600), FROM.plusSeconds(7200));
        assertThat(s.points().get(0).figure().numerator()).isNull();
        assertThat(s.totals().value()).isEqualTo(4L);
        assertThat(s.from()).isEqualTo(FROM);
        assertThat(s.to()).isEqualTo(FROM.plusSeconds(3 * 3600));
    }

    @Test
    @DisplayName("avgViewDuration (ms): Σ durations / Σ views with one, per bucket and over the range; never the"
            + " mean of the points; null where no view had a duration")
    void averagesComeWithNumeratorAndDenominator() {
        Series s = Series.of(
                query(TimeseriesQuery.Metric.AVG_VIEW_DURATION),
                Map.of(FROM, counts("1000.5", 1), FROM.plusSeconds(7200), counts("300", 3)));

        assertThat(s.points().get(0).figure().value()).isEqualTo(1000.5);
        assertThat(s.points().get(1).figure().value()).isNull();
        assertThat(s.points().get(1).figure().denominator()).isZero();
        assertThat(s.points().get(2).figure().value()).isEqualTo(100.0);
        assertThat(s.totals().numerator()).isEqualTo(1300.5);
        assertThat(s.totals().denominator()).isEqualTo(4L);
        assertThat(s.totals().value()).isEqualTo(1300.5 / 4); // not (1000.5 + 100) / 2
    }

    @Test
    @DisplayName("searchCTR Float?: clicks / impressions with both whole counts; null without impressions")
    void clickThroughRates() {
        Series s = Series.of(query(TimeseriesQuery.Metric.SEARCH_CTR), Map.of(FROM, counts("1", 4)));

        assertThat(s.points().get(0).figure().value()).isEqualTo(0.25);
        assertThat(s.points().get(0).figure().numerator()).isEqualTo(1L);
        assertThat(s.totals().value()).isEqualTo(0.25);
        assertThat(Series.of(query(TimeseriesQuery.Metric.SEARCH_CTR), Map.of())
                        .totals()
                        .value())
                .isNull();
    }

    private static TimeseriesQuery query(TimeseriesQuery.Metric metric) {
        return new TimeseriesQuery("p1", metric, THREE_HOURS);
    }

    private static Counts counts(String numerator, long denominator) {
        return new Counts(new BigDecimal(numerator), denominator);
    }
}
