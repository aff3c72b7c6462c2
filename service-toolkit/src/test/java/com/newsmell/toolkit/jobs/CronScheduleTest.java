package com.newsmell.toolkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The periods of a job's schedule (ADR 0011), with the seed's "Aggregation Schedules" as the crons. */
class CronScheduleTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static CronSchedule schedule(String cron, ZoneId zone) {
        return CronSchedule.of(cron, zone).orElseThrow();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    @DisplayName("seed: hourlyAggregations \"every hour\" — the period of 10:37 is the one that fired at 10:00")
    void hourlyPeriodIsTheLastFullHour() {
        CronSchedule hourly = schedule("0 0 * * * ?", UTC);
        assertThat(hourly.latestAtOrBefore(at("2026-12-01T10:37:12Z"))).contains(at("2026-12-01T10:00:00Z"));
        assertThat(hourly.previousBefore(at("2026-12-01T10:00:00Z"))).contains(at("2026-12-01T09:00:00Z"));
        assertThat(hourly.nextAfter(at("2026-12-01T10:37:12Z"))).contains(at("2026-12-01T11:00:00Z"));
    }

    @Test
    void aFiringExactlyAtNowIsDue() {
        CronSchedule hourly = schedule("0 0 * * * ?", UTC);
        assertThat(hourly.latestAtOrBefore(at("2026-12-01T10:00:00Z"))).contains(at("2026-12-01T10:00:00Z"));
        assertThat(hourly.latestAtOrBefore(at("2026-12-01T09:59:59.999Z"))).contains(at("2026-12-01T09:00:00Z"));
    }

    @Test
    @DisplayName("seed: dailyAggregations userBehaviorProfiles \"daily at 2am\", read in the configured zone")
    void dailyAtTwoInBerlinFollowsDaylightSaving() {
        CronSchedule daily = schedule("0 0 2 * * ?", ZoneId.of("Europe/Berlin"));
        // winter: 02:00 CET is 01:00 UTC; summer: 02:00 CEST is 00:00 UTC
        assertThat(daily.latestAtOrBefore(at("2026-12-01T12:00:00Z"))).contains(at("2026-12-01T01:00:00Z"));
        assertThat(daily.latestAtOrBefore(at("2026-07-01T12:00:00Z"))).contains(at("2026-07-01T00:00:00Z"));
    }

    @Test
    @DisplayName("seed: weeklyAggregations trendAnalysis \"Sunday at midnight\"")
    void weeklyOnSundayAtMidnight() {
        CronSchedule weekly = schedule("0 0 0 ? * SUN", UTC);
        // 2026-12-06 is a Sunday
        assertThat(weekly.latestAtOrBefore(at("2026-12-09T08:00:00Z"))).contains(at("2026-12-06T00:00:00Z"));
        assertThat(weekly.nextAfter(at("2026-12-06T00:00:00Z"))).contains(at("2026-12-13T00:00:00Z"));
    }

    @Test
    @DisplayName("latest-only: a once-a-minute closer that was down for 7 hours runs once, not 420 times")
    void latestOnlyRunsOnceAfterAnOutage() {
        CronSchedule everyMinute = schedule("0 * * * * ?", UTC);
        List<Instant> due =
                everyMinute.duePeriods(at("2026-12-01T17:00:30Z"), at("2026-12-01T10:00:00Z"), CatchUp.LATEST_ONLY, 48);
        assertThat(due).containsExactly(at("2026-12-01T17:00:00Z"));
    }

    @Test
    @DisplayName("every-period: a daily job that missed Tuesday runs Tuesday's period, then Wednesday's")
    void everyPeriodCatchesUpOldestFirst() {
        CronSchedule daily = schedule("0 0 2 * * ?", UTC);
        // Monday 2026-11-30 ran; the service was down until Wednesday 10:00
        List<Instant> due =
                daily.duePeriods(at("2026-12-02T10:00:00Z"), at("2026-11-30T02:00:00Z"), CatchUp.EVERY_PERIOD, 48);
        assertThat(due).containsExactly(at("2026-12-01T02:00:00Z"), at("2026-12-02T02:00:00Z"));
    }

    @Test
    void everyPeriodCatchesUpAtMostTheNewestPeriods() {
        CronSchedule hourly = schedule("0 0 * * * ?", UTC);
        List<Instant> due =
                hourly.duePeriods(at("2026-12-02T10:30:00Z"), at("2026-11-01T00:00:00Z"), CatchUp.EVERY_PERIOD, 3);
        assertThat(due)
                .containsExactly(at("2026-12-02T08:00:00Z"), at("2026-12-02T09:00:00Z"), at("2026-12-02T10:00:00Z"));
    }

    @Test
    void aJobNeverRunBeforeRunsOnlyItsLatestPeriod() {
        CronSchedule daily = schedule("0 0 3 * * ?", UTC);
        assertThat(daily.duePeriods(at("2026-12-02T10:00:00Z"), null, CatchUp.EVERY_PERIOD, 48))
                .containsExactly(at("2026-12-02T03:00:00Z"));
    }

    @Test
    void nothingIsDueWhenTheLatestPeriodWasClaimed() {
        CronSchedule daily = schedule("0 0 3 * * ?", UTC);
        assertThat(daily.duePeriods(at("2026-12-02T10:00:00Z"), at("2026-12-02T03:00:00Z"), CatchUp.EVERY_PERIOD, 48))
                .isEmpty();
        assertThat(daily.duePeriods(at("2026-12-02T10:00:00Z"), at("2026-12-02T03:00:00Z"), CatchUp.LATEST_ONLY, 48))
                .isEmpty();
    }

    @Test
    void offAndBlankMeanNoSchedule() {
        assertThat(CronSchedule.of("off", UTC)).isEmpty();
        assertThat(CronSchedule.of(" OFF ", UTC)).isEmpty();
        assertThat(CronSchedule.of("", UTC)).isEmpty();
        assertThat(CronSchedule.of(null, UTC)).isEmpty();
    }

    @Test
    void anInvalidCronIsRefused() {
        assertThatThrownBy(() -> CronSchedule.of("every hour", UTC)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySecondForTests() {
        CronSchedule everySecond = schedule("* * * * * ?", UTC);
        assertThat(everySecond.duePeriods(
                        at("2026-12-01T10:00:03.500Z"), at("2026-12-01T10:00:00Z"), CatchUp.EVERY_PERIOD, 48))
                .containsExactly(at("2026-12-01T10:00:01Z"), at("2026-12-01T10:00:02Z"), at("2026-12-01T10:00:03Z"));
    }
}
