package com.newsmell.perfumestats.weekly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The weeks a weekly-trends run compares (README "Weekly trends"): the last whole week, Sunday 00:00 to the next
 * Sunday 00:00 UTC, that ended at or before the run's clock, and the 7 days before it. Weeks are UTC days because
 * the daily buckets they are summed from are; a clock on a Sunday at 00:00 exactly analyses the week ending then.
 *
 * @param previousStart the start of the week before: {@code start - 7 d}
 * @param start the start of the analysed week (a Sunday, 00:00 UTC)
 * @param end the end of the analysed week, exclusive: {@code start + 7 d}
 */
public record TrendWeek(Instant previousStart, Instant start, Instant end) {

    private static final Duration WEEK = Duration.ofDays(7);

    /** The week before this one (its start is this week's {@code previousStart}). */
    public TrendWeek previous() {
        return new TrendWeek(previousStart.minus(WEEK), previousStart, start);
    }

    /** The last whole week (Sunday to Saturday, UTC) that ended at or before {@code clock}. */
    public static TrendWeek endingAtOrBefore(Instant clock) {
        Instant end = clock.atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new TrendWeek(end.minus(WEEK).minus(WEEK), end.minus(WEEK), end);
    }
}
