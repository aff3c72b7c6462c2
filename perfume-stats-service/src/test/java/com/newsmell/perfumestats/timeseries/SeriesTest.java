package com.newsmell.perfumestats.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.perfumestats.timeseries.TimeseriesService.Counts;
import com.newsmell.perfumestats.timeseries.TimeseriesService.Series;
import com.newsmell.toolkit.api.TimeWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats {@code avgViewDuration Float}, {@code searchCTR Float? // Click-through rate}; issue
 * #21: "every rate comes with its numerator and denominator; every metrics response has a totals row computed from
 * the underlying counts (not by averaging buckets)"; issue #22: the metrics envelope, buckets named by their start,
 * day buckets in tz.
 */
class SeriesTest {

    private static final Instant FROM = Instant.parse("2026-03-18T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");
    private static final TimeWindow THREE_HOURS =
            new TimeWindow(FROM, FROM.plusSeconds(3 * 3600), ZoneOffset.UTC, TimeWindow.Granularity.HOUR);

    @Test
    @DisplayName("views: one 0-filled bucket per hour of [from, to), named by its start (and by at, deprecated), the"
            + " total their sum; the envelope echoes the window")
    void countsAreFilledAndSummed() {
        Series s = Series.of(
                query(TimeseriesQuery.Metric.VIEWS, THREE_HOURS), Map.of(FROM.plusSeconds(3600), counts("4", 0)), NOW);

        assertThat(s.buckets()).extracting(b -> b.figure().value()).containsExactly(0L, 4L, 0L);
        assertThat(s.buckets())
                .extracting(TimeseriesService.Bucket::start)
                .containsExactly(FROM, FROM.plusSeconds(3600), FROM.plusSeconds(7200));
        assertThat(s.buckets()).allSatisfy(b -> assertThat(b.at()).isEqualTo(b.start()));
        assertThat(s.points()).isEqualTo(s.buckets());
        assertThat(s.buckets().get(0).figure().numerator()).isNull();
        assertThat(s.totals().value()).isEqualTo(4L);
        assertThat(s.from()).isEqualTo(FROM);
        assertThat(s.to()).isEqualTo(FROM.plusSeconds(3 * 3600));
        assertThat(s.tz()).isEqualTo("UTC");
        assertThat(s.granularity()).isEqualTo("hour");
        assertThat(s.asOf()).isEqualTo(NOW);
        assertThat(s.metric()).isEqualTo("views");
    }

    @Test
    @DisplayName("avgViewDurationMs: Σ durations / Σ views with one, per bucket and over the range; never the"
            + " mean of the buckets; no value where no view had a duration")
    void averagesComeWithNumeratorAndDenominator() {
        Series s = Series.of(
                query(TimeseriesQuery.Metric.AVG_VIEW_DURATION_MS, THREE_HOURS),
                Map.of(FROM, counts("1000.5", 1), FROM.plusSeconds(7200), counts("300", 3)),
                NOW);

        assertThat(s.buckets().get(0).figure().value()).isEqualTo(1000.5);
        assertThat(s.buckets().get(1).figure().value()).isNull();
        assertThat(s.buckets().get(1).figure().denominator()).isZero();
        assertThat(s.buckets().get(2).figure().value()).isEqualTo(100.0);
        assertThat(s.totals().numerator()).isEqualTo(1300.5);
        assertThat(s.totals().denominator()).isEqualTo(4L);
        assertThat(s.totals().value()).isEqualTo(1300.5 / 4); // not (1000.5 + 100) / 2
        assertThat(s.metric()).isEqualTo("avgViewDurationMs");
    }

    @Test
    @DisplayName("searchCTR Float?: clicks / impressions with both whole counts; no value without impressions")
    void clickThroughRates() {
        Series s = Series.of(query(TimeseriesQuery.Metric.SEARCH_CTR, THREE_HOURS), Map.of(FROM, counts("1", 4)), NOW);

        assertThat(s.buckets().get(0).figure().value()).isEqualTo(0.25);
        assertThat(s.buckets().get(0).figure().numerator()).isEqualTo(1L);
        assertThat(s.totals().value()).isEqualTo(0.25);
        assertThat(Series.of(query(TimeseriesQuery.Metric.SEARCH_CTR, THREE_HOURS), Map.of(), NOW)
                        .totals()
                        .value())
                .isNull();
    }

    @Test
    @DisplayName("day buckets in Europe/Berlin are its days (23 hours on the day DST starts), summed from the UTC"
            + " hours: 2026-03-29 starts 2026-03-28T23:00Z and ends 2026-03-29T22:00Z")
    void berlinDaysAreSummedFromUtcHours() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant day1 = Instant.parse("2026-03-28T23:00:00Z"); // 2026-03-29 00:00 CET
        Instant day2 = Instant.parse("2026-03-29T22:00:00Z"); // 2026-03-30 00:00 CEST
        Instant end = Instant.parse("2026-03-30T22:00:00Z");
        TimeWindow days = new TimeWindow(day1, end, berlin, TimeWindow.Granularity.DAY);
        TimeseriesQuery q =
                TimeseriesQuery.of("p1", TimeseriesQuery.Metric.VIEWS, days, Instant.parse("2026-04-01T00:00:00Z"), 35);

        Series s = Series.of(
                q,
                Map.of(
                        day1.minusSeconds(3600),
                        counts("100", 0), // 2026-03-28 in Berlin: outside
                        day1,
                        counts("1", 0),
                        day2.minusSeconds(3600),
                        counts("2", 0), // the last hour of the 23-hour day
                        day2,
                        counts("4", 0),
                        end.minusSeconds(3600),
                        counts("8", 0)),
                NOW);

        assertThat(q.source()).isEqualTo(BucketTable.HOURLY);
        assertThat(s.buckets()).extracting(TimeseriesService.Bucket::start).containsExactly(day1, day2);
        assertThat(s.buckets()).extracting(b -> b.figure().value()).containsExactly(3L, 12L);
        assertThat(s.totals().value()).isEqualTo(15L);
        assertThat(s.tz()).isEqualTo("Europe/Berlin");
    }

    private static TimeseriesQuery query(TimeseriesQuery.Metric metric, TimeWindow window) {
        return TimeseriesQuery.of("p1", metric, window, FROM.plusSeconds(3600 * 24), 35);
    }

    private static Counts counts(String numerator, long denominator) {
        return new Counts(new BigDecimal(numerator), denominator);
    }
}
