package com.newsmell.perfumestats.timeseries;

import static com.newsmell.perfumestats.Problems.errors;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.toolkit.api.TimeWindow;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ADR 0015, "Time zones": hour buckets are UTC hours; day buckets are the days of tz, answered exactly from hourly
 * rollups in any whole-hour zone; a zone with a 30- or 45-minute offset gets grid; hourly data kept for a shorter time
 * says so (rule retention).
 */
class TimeseriesQueryTest {

    private static final Instant NOW = Instant.parse("2026-06-20T10:17:00Z");

    @Test
    @DisplayName("UTC days come from the daily buckets, even long ago")
    void utcDaysReadTheDailyBuckets() {
        var q = of("2025-01-01", "2025-02-01", null, "day");
        assertThat(q.source()).isEqualTo(BucketTable.DAILY);
    }

    @Test
    @DisplayName("the days of Europe/Berlin are summed from the hourly buckets within their retention")
    void berlinDaysReadTheHourlyBuckets() {
        var q = of("2026-06-01", "2026-06-03", "Europe/Berlin", "day");
        assertThat(q.source()).isEqualTo(BucketTable.HOURLY);
        assertThat(q.window().from()).isEqualTo(Instant.parse("2026-05-31T22:00:00Z"));
        assertThat(q.bucketOf(Instant.parse("2026-06-01T21:00:00Z")))
                .isEqualTo(q.window().from());
        assertThat(q.bucketOf(Instant.parse("2026-06-01T22:00:00Z"))).isEqualTo(Instant.parse("2026-06-01T22:00:00Z"));
    }

    @Test
    @DisplayName("a zone whose days are UTC days (Africa/Abidjan, always GMT) reads the daily buckets")
    void gmtZonesReadTheDailyBuckets() {
        assertThat(of("2025-01-01", "2025-02-01", "Africa/Abidjan", "day").source())
                .isEqualTo(BucketTable.DAILY);
    }

    @Test
    @DisplayName("hours read the hourly buckets; older than their retention is 400 retention on from")
    void hoursWithinTheirRetention() {
        assertThat(of("2026-06-19T00:00:00Z", "2026-06-20T00:00:00Z", null, "hour")
                        .source())
                .isEqualTo(BucketTable.HOURLY);
        assertThat(errors(() -> of("2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z", null, "hour")))
                .containsExactly("from retention");
    }

    @Test
    @DisplayName("days of Europe/Berlin older than the hourly retention: 400 retention naming from and tz")
    void berlinDaysBeyondTheHourlyRetention() {
        assertThat(errors(() -> of("2026-03-01", "2026-03-03", "Europe/Berlin", "day")))
                .containsExactly("from retention", "tz retention");
    }

    @Test
    @DisplayName("Asia/Kolkata (+05:30): its days do not start on a UTC hour (400 grid on tz); hours are UTC hours")
    void halfHourZonesAreOffTheGrid() {
        assertThat(errors(() -> of("2026-06-01", "2026-06-03", "Asia/Kolkata", "day")))
                .containsExactly("tz grid");
        assertThat(errors(() -> of("2026-06-01T01:00:00+05:30", "2026-06-01T05:00:00+05:30", "Asia/Kolkata", "hour")))
                .containsExactly("from grid");
    }

    @Test
    @DisplayName("metric values renamed by issue #22 are still accepted, deprecated, and echoed by their new name")
    void deprecatedMetricNames() {
        var byName = TimeseriesQuery.Metric.byParameter();
        assertThat(byName.get("recommendationImprs")).isEqualTo(TimeseriesQuery.Metric.RECOMMENDATION_IMPRESSIONS);
        assertThat(byName.get("recommendationImpressions"))
                .isEqualTo(TimeseriesQuery.Metric.RECOMMENDATION_IMPRESSIONS);
        assertThat(byName.get("avgViewDuration")).isEqualTo(TimeseriesQuery.Metric.AVG_VIEW_DURATION_MS);
        assertThat(byName.get("avgViewDuration").parameter).isEqualTo("avgViewDurationMs");
        assertThat(byName).hasSize(TimeseriesQuery.Metric.values().length + 2);
    }

    private static TimeseriesQuery of(String from, String to, String tz, String granularity) {
        TimeWindow window = TimeWindow.metrics(from, to, tz, TimeWindow.Granularity.parse(granularity, null));
        return TimeseriesQuery.of("p1", TimeseriesQuery.Metric.VIEWS, window, NOW, 35);
    }
}
