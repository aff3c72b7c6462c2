package com.newsmell.perfumestats.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets that add up to exactly [from, to), both whole UTC hours: the daily buckets of the whole UTC days inside
 * it, and the hourly buckets of the partial days at either end (or of the whole range when it holds no whole day).
 * So a long range reads few rows per perfume, and its edges are exact to the hour.
 *
 * @param daily the whole UTC days, or null when there is none
 * @param hourly the partial days' hours, in order (none, one or two spans)
 */
public record BucketSpans(Span daily, List<Span> hourly) {

    /** [from, to) of one table's bucket starts. */
    public record Span(Instant from, Instant to) {}

    public static BucketSpans of(Instant from, Instant to) {
        if (!BucketTable.HOURLY.onGrid(from) || !BucketTable.HOURLY.onGrid(to) || !from.isBefore(to)) {
            throw new IllegalArgumentException("not a range of whole UTC hours: [" + from + ", " + to + ")");
        }
        Instant firstDay = ceilDay(from);
        Instant lastDay = to.truncatedTo(ChronoUnit.DAYS);
        if (!firstDay.isBefore(lastDay)) {
            return new BucketSpans(null, List.of(new Span(from, to)));
        }
        List<Span> hourly = new ArrayList<>(2);
        if (from.isBefore(firstDay)) {
            hourly.add(new Span(from, firstDay));
        }
        if (lastDay.isBefore(to)) {
            hourly.add(new Span(lastDay, to));
        }
        return new BucketSpans(new Span(firstDay, lastDay), List.copyOf(hourly));
    }

    /** The first hour the range needs from the hourly buckets; null when it needs none. */
    public Instant firstHour() {
        return hourly.isEmpty() ? null : hourly.get(0).from();
    }

    static Instant ceilDay(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.DAYS);
        return floor.equals(t) ? t : floor.plus(Duration.ofDays(1));
    }
}
