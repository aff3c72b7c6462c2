package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.stats.ViewWindow;
import com.newsmell.perfumestats.timeseries.BucketTable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The boundaries of one hourly run, all UTC and hour-aligned. The 7- and 30-day windows [now - N d, now) are
 * read from daily buckets for the whole days inside them and from hourly buckets for the partial days at both
 * ends: [start, ceilDay(start)) and [floorDay(now), now). So a run reads at most ~2 x 24 hourly buckets plus 30
 * daily ones per perfume for the windows, plus {@code lookbackHours} hourly ones for the trending score.
 *
 * @param now the run's time, truncated to the hour
 * @param start7 now - 7 d
 * @param day7 the first whole day of the 7-day window
 * @param start30 now - 30 d
 * @param day30 the first whole day of the 30-day window
 * @param today the start of now's day: whole days end here
 * @param recentFrom now - lookbackHours
 */
public record Windows(
        Instant now, Instant start7, Instant day7, Instant start30, Instant day30, Instant today, Instant recentFrom) {

    public static final int BASELINE_HOURS = 30 * 24;

    public static Windows of(Instant requested, int lookbackHours) {
        Instant now = requested.truncatedTo(ChronoUnit.HOURS);
        Instant start7 = ViewWindow.LAST_7_DAYS.start(now);
        Instant start30 = ViewWindow.LAST_30_DAYS.start(now);
        int lookback = Math.max(1, Math.min(lookbackHours, BASELINE_HOURS));
        return new Windows(
                now,
                start7,
                ceilDay(start7),
                start30,
                ceilDay(start30),
                now.truncatedTo(ChronoUnit.DAYS),
                now.minus(Duration.ofHours(lookback)));
    }

    /** How many hours the trending score looks back: {@code lookbackHours} kept within [1, 720]. */
    public int lookbackHours() {
        return (int) Duration.between(recentFrom, now).toHours();
    }

    /**
     * Where the hourly buckets are cut off: {@code retentionDays} before now, but never less than 32 days, so the
     * 30-day window (back to now - 30 d) always finds its partial first day.
     */
    public Instant hourlyBucketCutoff(int retentionDays) {
        return BucketTable.hourlyCutoff(now, retentionDays);
    }

    static Instant ceilDay(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.DAYS);
        return floor.equals(t) ? t : floor.plus(Duration.ofDays(1));
    }
}
