package com.newsmell.collector.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instants one audit run counts over, all UTC: the windows end at asOf, the run's clock truncated to the hour
 * (the hour grid perfume-stats-service computes its windows on); each window is half-open, [start, asOf).
 *
 * @param asOf the run's clock, truncated to the hour
 * @param from7 asOf − 7 days: the start of the 7-day window
 * @param from30 asOf − 30 days: the start of the 30-day window
 * @param poolFrom the start of the span the random perfumes are drawn from (never after from30)
 */
public record AuditWindows(Instant asOf, Instant from7, Instant from30, Instant poolFrom) {

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration MONTH = Duration.ofDays(30);

    /** The windows of a run whose clock is {@code clock}; random perfumes come from [asOf − randomPool, asOf). */
    public static AuditWindows at(Instant clock, Duration randomPool) {
        Instant asOf = clock.truncatedTo(ChronoUnit.HOURS);
        Instant from30 = asOf.minus(MONTH);
        Instant poolFrom = asOf.minus(randomPool);
        return new AuditWindows(asOf, asOf.minus(WEEK), from30, poolFrom.isBefore(from30) ? poolFrom : from30);
    }
}
