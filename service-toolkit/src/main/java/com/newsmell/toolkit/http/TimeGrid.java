package com.newsmell.toolkit.http;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The bucket grid of the metrics endpoints (ADR 0013): a range's {@code from} and {@code to} fall on whole buckets
 * of its granularity (UTC), or the request is answered with 400 (rule {@code grid}) naming the parameter and the
 * grid, so that every figure of every bucket covers exactly the interval the response names.
 */
public enum TimeGrid {
    HOUR("hour", ChronoUnit.HOURS, "a whole UTC hour, e.g. 2026-12-06T01:00:00Z"),
    DAY("day", ChronoUnit.DAYS, "a UTC midnight, e.g. 2026-12-06T00:00:00Z");

    public final String parameter;
    private final ChronoUnit unit;
    private final String example;

    TimeGrid(String parameter, ChronoUnit unit, String example) {
        this.parameter = parameter;
        this.unit = unit;
        this.example = example;
    }

    public Duration bucket() {
        return unit.getDuration();
    }

    public boolean onGrid(Instant instant) {
        return instant.truncatedTo(unit).equals(instant);
    }

    /** The bucket that holds {@code instant}. */
    public Instant floor(Instant instant) {
        return instant.truncatedTo(unit);
    }

    /**
     * A required range on this grid: both ends given, in bounds (QueryParams), on the grid, {@code from} before
     * {@code to}, at most {@code maxBuckets} buckets long.
     */
    public Range range(String from, String to, long maxBuckets) {
        Instant start = QueryParams.requiredInstant("from", from);
        Instant end = QueryParams.requiredInstant("to", to);
        check("from", start);
        check("to", end);
        QueryParams.range(start, end);
        long buckets = Duration.between(start, end).dividedBy(bucket());
        if (buckets > maxBuckets) {
            throw QueryParams.bad(
                    "to",
                    "range",
                    "A " + parameter + " range may span at most " + maxBuckets + " " + parameter + "s; this one spans "
                            + buckets + ".");
        }
        return new Range(start, end, this);
    }

    private void check(String name, Instant value) {
        if (!onGrid(value)) {
            throw QueryParams.bad(
                    name,
                    "grid",
                    name + " must fall on the " + parameter + " grid: " + example + " (this range is answered from "
                            + parameter + "ly rollups, so a partial " + parameter + " cannot be answered exactly).");
        }
    }

    /** A checked range [from, to) of whole buckets. */
    public record Range(Instant from, Instant to, TimeGrid grid) {

        public long buckets() {
            return Duration.between(from, to).dividedBy(grid.bucket());
        }
    }
}
