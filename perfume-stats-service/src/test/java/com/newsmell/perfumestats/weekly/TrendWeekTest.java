package com.newsmell.perfumestats.weekly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, weeklyAggregations: {@code trendAnalysis: "Sunday at midnight"}: a run analyses the last whole week, Sunday
 * 00:00 to Sunday 00:00 UTC, before its clock, against the week before it ({@link TrendWeek}).
 */
class TrendWeekTest {

    private static final Instant SUNDAY = Instant.parse("2026-03-08T00:00:00Z");

    @Test
    @DisplayName("trendAnalysis Sunday at midnight: a run at Sunday 00:00 UTC analyses the week that has just ended")
    void aRunAtSundayMidnightAnalysesTheWeekJustEnded() {
        TrendWeek week = TrendWeek.endingAtOrBefore(SUNDAY);
        assertThat(week.end()).isEqualTo(SUNDAY);
        assertThat(week.start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(week.previousStart()).isEqualTo(Instant.parse("2026-02-22T00:00:00Z"));
    }

    @Test
    @DisplayName("trendAnalysis: any clock in the following week analyses the same week (a late or manual run)")
    void anyClockOfTheFollowingWeekAnalysesTheSameWeek() {
        TrendWeek expected = TrendWeek.endingAtOrBefore(SUNDAY);
        for (String clock : new String[] {
            "2026-03-08T00:00:00.001Z", "2026-03-08T13:45:00Z", "2026-03-11T12:00:00Z", "2026-03-14T23:59:59.999Z"
        }) {
            assertThat(TrendWeek.endingAtOrBefore(Instant.parse(clock)))
                    .as(clock)
                    .isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("trendAnalysis: the last instant before Sunday 00:00 still belongs to the week before")
    void theLastInstantBeforeSundayAnalysesTheWeekBefore() {
        TrendWeek week = TrendWeek.endingAtOrBefore(SUNDAY.minusMillis(1));
        assertThat(week.end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    @DisplayName(
            "trendAnalysis: the week before a week (revisited by the next run for late events) ends where it starts")
    void theWeekBefore() {
        TrendWeek week = TrendWeek.endingAtOrBefore(SUNDAY);
        TrendWeek before = week.previous();
        assertThat(before.end()).isEqualTo(week.start());
        assertThat(before.start()).isEqualTo(week.previousStart());
        assertThat(before).isEqualTo(TrendWeek.endingAtOrBefore(week.start()));
    }

    @Test
    @DisplayName("trendAnalysis: weeks are 7 UTC days, even across a DST change (Europe's 2026-03-29)")
    void weeksAreSevenUtcDays() {
        TrendWeek week = TrendWeek.endingAtOrBefore(Instant.parse("2026-04-05T00:00:00Z"));
        assertThat(week.start()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(week.previousStart()).isEqualTo(Instant.parse("2026-03-22T00:00:00Z"));
    }
}
