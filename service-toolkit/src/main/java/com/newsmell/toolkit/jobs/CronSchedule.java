package com.newsmell.toolkit.jobs;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A job's periods: the times a Quartz cron fires at, in a time zone. A period is named by the time it fires at;
 * a run for it covers the time since the previous firing. Pure: no clock, no database.
 */
public final class CronSchedule {

    public static final String OFF = "off";
    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /** The schedule of a cron, or empty when it is {@code off}; an invalid cron is an IllegalArgumentException. */
    public static Optional<CronSchedule> of(String cron, ZoneId zone) {
        if (cron == null || cron.isBlank() || OFF.equalsIgnoreCase(cron.trim())) {
            return Optional.empty();
        }
        return Optional.of(new CronSchedule(cron.trim(), zone, ExecutionTime.forCron(PARSER.parse(cron.trim()))));
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The latest firing at or before {@code now}. */
    public Optional<Instant> latestAtOrBefore(Instant now) {
        ZonedDateTime at = now.atZone(zone);
        return times.nextExecution(at.minusNanos(1))
                .filter(next -> !next.toInstant().isAfter(now))
                .map(ZonedDateTime::toInstant)
                .or(() -> times.lastExecution(at).map(ZonedDateTime::toInstant));
    }

    /** The first firing after {@code time}. */
    public Optional<Instant> nextAfter(Instant time) {
        return times.nextExecution(time.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /** The firing before {@code period} (the start of the time that period covers). */
    public Optional<Instant> previousBefore(Instant period) {
        return times.lastExecution(period.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /**
     * The periods due at {@code now}, oldest first. {@code latestClaimed} is the latest period any replica claimed
     * (null if none ever was): with {@link CatchUp#LATEST_ONLY}, or when nothing was ever claimed, only the latest
     * firing is due; with {@link CatchUp#EVERY_PERIOD}, every firing after {@code latestClaimed}, at most
     * {@code maxPeriods} (the newest ones).
     */
    public List<Instant> duePeriods(Instant now, Instant latestClaimed, CatchUp catchUp, int maxPeriods) {
        Optional<Instant> latest = latestAtOrBefore(now);
        if (latest.isEmpty() || (latestClaimed != null && !latest.get().isAfter(latestClaimed))) {
            return List.of();
        }
        if (catchUp == CatchUp.LATEST_ONLY || latestClaimed == null) {
            return List.of(latest.get());
        }
        Deque<Instant> due = new ArrayDeque<>();
        Instant at = latest.get();
        while (at.isAfter(latestClaimed)) {
            due.addFirst(at);
            if (due.size() == maxPeriods) {
                break;
            }
            Optional<Instant> before = previousBefore(at);
            if (before.isEmpty()) {
                break;
            }
            at = before.get();
        }
        return new ArrayList<>(due);
    }
}
