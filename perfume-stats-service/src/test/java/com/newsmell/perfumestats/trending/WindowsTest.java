package com.newsmell.perfumestats.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats: {@code viewsLast7Days Int @default(0)}, {@code viewsLast30Days Int @default(0)},
 * computed by the hourly aggregation ({@code trendingPerfumes: "every hour"}); the seed's own query for them counts
 * views with {@code timestamp: { gte: last7Days }}, so a window is [now - N days, now).
 */
class WindowsTest {

    private static final Instant MIDDAY = Instant.parse("2026-03-18T13:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-03-18T00:00:00Z");

    @Test
    @DisplayName("trendingPerfumes \"every hour\": a run's time is truncated to its hour")
    void nowIsTruncatedToTheHour() {
        Windows w = Windows.of(Instant.parse("2026-03-18T13:59:59.999Z"), 168);

        assertThat(w.now()).isEqualTo(MIDDAY);
    }

    @Test
    @DisplayName("viewsLast7Days / viewsLast30Days: the windows start exactly 7 and 30 days before the hour")
    void windowsStartSevenAndThirtyDaysBack() {
        Windows w = Windows.of(MIDDAY.plusSeconds(1), 168);

        assertThat(w.start7()).isEqualTo(Instant.parse("2026-03-11T13:00:00Z"));
        assertThat(w.start30()).isEqualTo(Instant.parse("2026-02-16T13:00:00Z"));
    }

    @Test
    @DisplayName("timestamp: { gte: last7Days }: mid-day, partial days at both ends are read hourly, whole days daily")
    void midDayWindowsSplitIntoPartialAndWholeDays() {
        Windows w = Windows.of(MIDDAY, 168);

        assertThat(w.day7()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
        assertThat(w.day30()).isEqualTo(Instant.parse("2026-02-17T00:00:00Z"));
        assertThat(w.today()).isEqualTo(MIDNIGHT);
        // [start, day) hourly + [day, today) daily + [today, now) hourly cover the window once, each part < 1 day
        assertThat(Duration.between(w.start7(), w.day7())).isEqualTo(Duration.ofHours(11));
        assertThat(Duration.between(w.today(), w.now())).isEqualTo(Duration.ofHours(13));
        assertThat(Duration.between(w.day7(), w.today())).isEqualTo(Duration.ofDays(6));
        assertThat(Duration.between(w.day30(), w.today())).isEqualTo(Duration.ofDays(29));
    }

    @Test
    @DisplayName("timestamp: { gte: last7Days }: at midnight the windows are whole days only")
    void midnightWindowsAreWholeDays() {
        Windows w = Windows.of(MIDNIGHT, 168);

        assertThat(w.day7()).isEqualTo(w.start7()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(w.day30()).isEqualTo(w.start30()).isEqualTo(Instant.parse("2026-02-16T00:00:00Z"));
        assertThat(w.today()).isEqualTo(w.now());
    }

    @Test
    @DisplayName("trendingScore: the lookback is the configured hours, kept within 1 hour and the 30-day baseline")
    void lookbackIsClamped() {
        assertThat(Windows.of(MIDDAY, 168).lookbackHours()).isEqualTo(168);
        assertThat(Windows.of(MIDDAY, 168).recentFrom()).isEqualTo(MIDDAY.minus(Duration.ofHours(168)));
        assertThat(Windows.of(MIDDAY, 0).lookbackHours()).isEqualTo(1);
        assertThat(Windows.of(MIDDAY, -5).lookbackHours()).isEqualTo(1);
        assertThat(Windows.of(MIDDAY, 10_000).lookbackHours()).isEqualTo(Windows.BASELINE_HOURS);
    }

    @Test
    @DisplayName("viewsLast30Days: hourly buckets are kept for the retention, never less than the 30-day window needs")
    void hourlyBucketCutoffNeverCutsIntoTheThirtyDayWindow() {
        Windows w = Windows.of(MIDDAY, 168);

        assertThat(w.hourlyBucketCutoff(35)).isEqualTo(MIDDAY.minus(Duration.ofDays(35)));
        assertThat(w.hourlyBucketCutoff(10)).isEqualTo(MIDDAY.minus(Duration.ofDays(32)));
        assertThat(w.hourlyBucketCutoff(10)).isBefore(w.start30());
    }
}
