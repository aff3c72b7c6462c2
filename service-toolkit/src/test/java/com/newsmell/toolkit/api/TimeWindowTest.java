package com.newsmell.toolkit.api;

import static com.newsmell.toolkit.api.Problems.assertRule;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.toolkit.api.TimeWindow.Granularity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** ADR 0015, "Parameters": from/to as instants or dates, tz, the grid, the order and the longest range. */
class TimeWindowTest {

    @Test
    void aDateIsTheStartOfThatDayInTz() {
        TimeWindow w = TimeWindow.metrics("2026-12-01", "2026-12-08", "Europe/Berlin", Granularity.DAY);
        assertThat(w.from()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
        assertThat(w.bucketCount()).isEqualTo(7);
        assertThat(w.tz()).isEqualTo("Europe/Berlin");
    }

    @Test
    void utcIsTheDefaultZoneAndIsNamedUtc() {
        TimeWindow w = TimeWindow.metrics("2026-12-01", "2026-12-02", null, Granularity.HOUR);
        assertThat(w.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(w.tz()).isEqualTo("UTC");
        assertThat(w.bucketCount()).isEqualTo(24);
        assertThat(TimeWindow.metrics("2026-12-01", "2026-12-02", "UTC", Granularity.DAY)
                        .tz())
                .isEqualTo("UTC");
    }

    @Test
    void instantsWithOffsetsAreAccepted() {
        TimeWindow w = TimeWindow.metrics("2026-12-01T01:00:00+01:00", "2026-12-01T02:00:00Z", null, Granularity.HOUR);
        assertThat(w.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void daysAcrossDaylightSavingTimeAre23And25HoursLong() {
        TimeWindow spring = TimeWindow.metrics("2026-03-29", "2026-03-30", "Europe/Berlin", Granularity.DAY);
        assertThat(Duration.between(spring.from(), spring.to())).isEqualTo(Duration.ofHours(23));
        TimeWindow autumn = TimeWindow.metrics("2026-10-25", "2026-10-26", "Europe/Berlin", Granularity.DAY);
        assertThat(Duration.between(autumn.from(), autumn.to())).isEqualTo(Duration.ofHours(25));
        TimeWindow week = TimeWindow.metrics("2026-03-28", "2026-03-31", "Europe/Berlin", Granularity.DAY);
        assertThat(week.bucketStarts())
                .containsExactly(
                        Instant.parse("2026-03-27T23:00:00Z"),
                        Instant.parse("2026-03-28T23:00:00Z"),
                        Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(week.floor(Instant.parse("2026-03-29T21:59:59Z"))).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    }

    @Test
    void theSameMistakeIsTheSameErrorEverywhere() {
        assertRule(() -> TimeWindow.metrics("2026-12-02", "2026-12-01", null, Granularity.DAY), "to", "after-from");
        assertRule(() -> TimeWindow.metrics("2026-12-01", "2026-12-01", null, Granularity.DAY), "to", "after-from");
        assertRule(() -> TimeWindow.list("2026-12-02", "2026-12-01", null, false), "to", "after-from");
        assertRule(() -> TimeWindow.metrics(null, "2026-12-01", null, Granularity.DAY), "from", "required");
        assertRule(() -> TimeWindow.metrics("2026-12-01", "", null, Granularity.DAY), "to", "required");
        assertRule(() -> TimeWindow.metrics("yesterday", "2026-12-01", null, Granularity.DAY), "from", "format");
        assertRule(() -> TimeWindow.metrics("2026-13-01", "2026-12-01", null, Granularity.DAY), "from", "format");
        assertRule(() -> TimeWindow.metrics("1969-12-31", "2026-12-01", null, Granularity.DAY), "from", "range");
        assertRule(() -> TimeWindow.metrics("2026-12-01", "2026-12-02", "Mars/Olympus", Granularity.DAY), "tz", "zone");
    }

    @Test
    void metricsRangesFallOnTheGridOfTheirZone() {
        assertRule(
                () -> TimeWindow.metrics("2026-12-01T01:30:00Z", "2026-12-01T03:00:00Z", null, Granularity.HOUR),
                "from",
                "grid");
        assertRule(
                () -> TimeWindow.metrics(
                        "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "Europe/Berlin", Granularity.DAY),
                "from",
                "grid");
        // hours are UTC hours in every zone; a zone 30 minutes off UTC has no day buckets on whole UTC hours
        TimeWindow kolkata =
                TimeWindow.metrics("2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z", "Asia/Kolkata", Granularity.HOUR);
        assertThat(kolkata.bucketCount()).isEqualTo(2);
        assertRule(() -> TimeWindow.metrics("2026-12-01", "2026-12-02", "Asia/Kolkata", Granularity.DAY), "tz", "grid");
    }

    @Test
    void oneLongestRangePerGranularity() {
        TimeWindow.metrics("2026-01-01T00:00:00Z", "2026-04-04T00:00:00Z", null, Granularity.HOUR); // 93 days
        assertRule(
                () -> TimeWindow.metrics("2026-01-01T00:00:00Z", "2026-04-04T01:00:00Z", null, Granularity.HOUR),
                "to",
                "max-range");
        TimeWindow.metrics("2024-01-01", "2027-01-03", null, Granularity.DAY); // 1098 days
        assertRule(() -> TimeWindow.metrics("2024-01-01", "2027-01-04", null, Granularity.DAY), "to", "max-range");
        TimeWindow.list("2026-01-01", "2026-04-04", null, true);
        assertRule(() -> TimeWindow.list("2026-01-01", "2026-04-05", null, true), "to", "max-range");
    }

    @Test
    void listsTakeAnyInstantsAndMayOmitEitherEnd() {
        TimeWindow w = TimeWindow.list("2026-12-01T10:17:03.5Z", null, null, false);
        assertThat(w.from()).isEqualTo(Instant.parse("2026-12-01T10:17:03.5Z"));
        assertThat(w.to()).isNull();
        assertRule(() -> TimeWindow.list(null, "2026-12-01", null, true), "from", "required");
    }

    @Test
    void thePreviousPeriodIsAsLongAndJustBefore() {
        TimeWindow week = TimeWindow.metrics("2026-10-26", "2026-11-02", "Europe/Berlin", Granularity.DAY);
        TimeWindow before = week.previous();
        assertThat(before.to()).isEqualTo(week.from());
        assertThat(before.bucketCount()).isEqualTo(7);
        // 2026-10-25, the autumn change, lies in the previous week: it is 7 days of Berlin, 169 hours
        assertThat(Duration.between(before.from(), before.to())).isEqualTo(Duration.ofHours(169));
        TimeWindow hours = TimeWindow.metrics("2026-12-01T10:00:00Z", "2026-12-01T13:00:00Z", null, Granularity.HOUR);
        assertThat(hours.previous().from()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    }

    @Test
    void granularityIsHourOrDayDefaultDay() {
        assertThat(Granularity.parse(null, Granularity.DAY)).isEqualTo(Granularity.DAY);
        assertThat(Granularity.parse("hour", Granularity.DAY)).isEqualTo(Granularity.HOUR);
        assertRule(() -> Granularity.parse("week", Granularity.DAY), "granularity", "enum");
    }

    @Test
    void aTotalsOnlyRangeIsWholeUtcHoursUpToTheLongestRange() {
        TimeWindow w = TimeWindow.totals("2026-12-01T10:00:00Z", "2026-12-06", "Europe/Berlin");
        assertThat(w.granularity()).isNull();
        assertThat(w.to()).isEqualTo(Instant.parse("2026-12-05T23:00:00Z"));
        assertThat(w.bucketStarts()).isEmpty();
        TimeWindow.totals("2024-01-01", "2027-01-03", null);
        assertRule(() -> TimeWindow.totals("2024-01-01", "2027-01-03T01:00:00Z", null), "to", "max-range");
        assertRule(() -> TimeWindow.totals("2026-12-01T10:30:00Z", "2026-12-02", null), "from", "grid");
        assertRule(() -> TimeWindow.totals("2026-12-02", "2026-12-01", null), "to", "after-from");
    }

    @Test
    void theThresholdsPlaceEveryBucketForWidthBucket() {
        TimeWindow w = TimeWindow.metrics("2026-03-29", "2026-03-31", "Europe/Berlin", Granularity.DAY);
        assertThat(w.thresholds()).isEqualTo("{2026-03-28T23:00:00Z,2026-03-29T22:00:00Z}");
    }
}
