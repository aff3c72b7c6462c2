package com.newsmell.toolkit.api;

import com.newsmell.toolkit.http.QueryParams;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code from}/{@code to}/{@code tz} of every read endpoint (ADR 0015). {@code from} and {@code to} are ISO-8601
 * instants or dates (a date is the start of that day in {@code tz}); {@code tz} is an IANA zone, default UTC, which
 * also places the day buckets. Rules, the same everywhere: {@code tz/zone}, {@code from|to/format}, {@code
 * from|to/range} (1970-2100), {@code from|to/grid} (a metrics range falls on whole buckets in {@code tz}), {@code
 * to/after-from} (a reversed or empty range) and {@code to/max-range} (the granularity's longest range).
 */
public record TimeWindow(Instant from, Instant to, ZoneId zone, Granularity granularity) {

    /** The bucket size of a metrics range. */
    public enum Granularity {
        HOUR("hour", ChronoUnit.HOURS, ApiConvention.MAX_HOURS),
        DAY("day", ChronoUnit.DAYS, ApiConvention.MAX_DAYS);

        public final String parameter;
        public final ChronoUnit unit;
        public final long maxBuckets;

        Granularity(String parameter, ChronoUnit unit, long maxBuckets) {
            this.parameter = parameter;
            this.unit = unit;
            this.maxBuckets = maxBuckets;
        }

        /** hour or day; {@code fallback} when absent. */
        public static Granularity parse(String value, Granularity fallback) {
            return QueryParams.oneOf("granularity", value, java.util.Map.of("hour", HOUR, "day", DAY), fallback);
        }
    }

    /** The {@code tz} parameter: an IANA zone id (or Z / UTC / an offset); UTC when absent. */
    public static ZoneId zone(String tz) {
        if (QueryParams.blank(tz)) {
            return ZoneOffset.UTC;
        }
        try {
            ZoneId zone = ZoneId.of(tz.trim());
            return zone.normalized() instanceof ZoneOffset o && o.getTotalSeconds() == 0 ? ZoneOffset.UTC : zone;
        } catch (DateTimeException e) {
            throw QueryParams.bad("tz", "zone", "tz must be an IANA time zone, e.g. Europe/Berlin or UTC.");
        }
    }

    /** An instant or a date (the start of that day in {@code zone}); null when absent. */
    public static Instant instantOrDate(String name, String value, ZoneId zone) {
        if (QueryParams.blank(value)) {
            return null;
        }
        String v = value.trim();
        if (v.length() == 10) {
            try {
                Instant start = LocalDate.parse(v).atStartOfDay(zone).toInstant();
                return QueryParams.instant(name, start.toString());
            } catch (DateTimeParseException e) {
                throw QueryParams.bad(
                        name,
                        "format",
                        name + " must be an ISO-8601 instant or date, e.g. 2026-01-31T12:00:00Z or 2026-01-31.");
            }
        }
        try {
            Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                v = ZonedDateTime.parse(v).toInstant().toString();
            } catch (DateTimeParseException e2) {
                throw QueryParams.bad(
                        name,
                        "format",
                        name + " must be an ISO-8601 instant or date, e.g. 2026-01-31T12:00:00Z or 2026-01-31.");
            }
        }
        return QueryParams.instant(name, v);
    }

    /**
     * A metrics range: both ends required, on the granularity's grid in the zone, {@code from} before {@code to},
     * at most the granularity's longest range.
     */
    public static TimeWindow metrics(String from, String to, String tz, Granularity granularity) {
        return metrics(from, to, tz, granularity, null);
    }

    private static TimeWindow metrics(String from, String to, String tz, Granularity granularity, Duration longest) {
        ZoneId zone = zone(tz);
        Instant start = required("from", from, zone);
        Instant end = required("to", to, zone);
        TimeWindow window = new TimeWindow(start, end, zone, granularity);
        window.checkGrid("from", start);
        window.checkGrid("to", end);
        window.checkZone();
        window.checkOrder();
        if (longest != null) {
            if (Duration.between(start, end).compareTo(longest) > 0) {
                throw QueryParams.bad(
                        "to",
                        "max-range",
                        "A range may span at most " + longest.toDays() + " days; this one spans "
                                + Duration.between(start, end).toHours() + " hours.");
            }
            return window;
        }
        long buckets = window.bucketCount();
        if (buckets > granularity.maxBuckets) {
            throw QueryParams.bad(
                    "to",
                    "max-range",
                    "A " + granularity.parameter + " range may span at most " + granularity.maxBuckets + " "
                            + granularity.parameter + "s; this one spans " + buckets + ".");
        }
        return window;
    }

    /**
     * The range of a totals-only metrics answer (no buckets; its granularity is null): both ends required, on whole
     * UTC hours (the grid of every rollup), {@code from} before {@code to}, at most {@link ApiConvention#MAX_DAYS}
     * days apart.
     */
    public static TimeWindow totals(String from, String to, String tz) {
        TimeWindow hours = metrics(from, to, tz, Granularity.HOUR, Duration.ofDays(ApiConvention.MAX_DAYS));
        return new TimeWindow(hours.from, hours.to, hours.zone, null);
    }

    /**
     * The range of a list: any instants; both required when {@code required} (a list bounded by time alone, at
     * most {@link ApiConvention#MAX_LIST_DAYS} days), else each optional.
     */
    public static TimeWindow list(String from, String to, String tz, boolean required) {
        ZoneId zone = zone(tz);
        Instant start = required ? required("from", from, zone) : instantOrDate("from", from, zone);
        Instant end = required ? required("to", to, zone) : instantOrDate("to", to, zone);
        TimeWindow window = new TimeWindow(start, end, zone, null);
        window.checkOrder();
        if (required && Duration.between(start, end).compareTo(Duration.ofDays(ApiConvention.MAX_LIST_DAYS)) > 0) {
            throw QueryParams.bad(
                    "to",
                    "max-range",
                    "A list bounded by time alone may span at most " + ApiConvention.MAX_LIST_DAYS
                            + " days; narrow the range or filter by an id.");
        }
        return window;
    }

    private static Instant required(String name, String value, ZoneId zone) {
        if (QueryParams.blank(value)) {
            throw QueryParams.bad(name, "required", name + " is required (an ISO-8601 instant or date).");
        }
        return instantOrDate(name, value, zone);
    }

    private void checkOrder() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw QueryParams.bad("to", "after-from", "to must be after from (the range [from, to) is empty).");
        }
    }

    /**
     * Every figure is kept per UTC hour, so a day of {@code tz} must start on a whole UTC hour: a zone 30 or 45
     * minutes off UTC (Asia/Kolkata) cannot have exact day buckets.
     */
    private void checkZone() {
        if (granularity == Granularity.DAY
                && !from.truncatedTo(ChronoUnit.HOURS).equals(from)) {
            throw QueryParams.bad(
                    "tz",
                    "grid",
                    "The days of " + zone.getId() + " start at "
                            + from.atZone(ZoneOffset.UTC).toLocalTime()
                            + " UTC, not on a whole UTC hour; figures are kept per UTC hour, so days of this zone"
                            + " cannot be answered exactly. Use a whole-hour zone or UTC.");
        }
    }

    private void checkGrid(String name, Instant value) {
        if (!onGrid(value)) {
            throw QueryParams.bad(
                    name,
                    "grid",
                    name + " must fall on the " + granularity.parameter + " grid: "
                            + (granularity == Granularity.HOUR
                                    ? "a whole UTC hour, e.g. 2026-12-06T10:00:00Z"
                                    : "a midnight of " + tz() + ", e.g. the date 2026-12-06")
                            + " (the figures are kept per " + granularity.parameter
                            + ", so a partial one cannot be answered exactly).");
        }
    }

    /** The zone as the API names it: its IANA id, "UTC" for UTC. */
    public String tz() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    public boolean onGrid(Instant instant) {
        return floor(instant).equals(instant);
    }

    /** The start of the bucket that holds {@code instant}: its UTC hour, or its day in the zone. */
    public Instant floor(Instant instant) {
        if (granularity == Granularity.HOUR) {
            return instant.truncatedTo(ChronoUnit.HOURS);
        }
        return instant.atZone(zone).truncatedTo(granularity.unit).toInstant();
    }

    /** The start of the bucket after the one starting at {@code start} (a day in the zone may be 23 or 25 hours). */
    public Instant next(Instant start) {
        if (granularity == Granularity.HOUR) {
            return start.plus(1, ChronoUnit.HOURS);
        }
        return start.atZone(zone).plus(1, granularity.unit).toInstant();
    }

    /** The number of buckets in [from, to). */
    public long bucketCount() {
        if (granularity == Granularity.HOUR) {
            return ChronoUnit.HOURS.between(from, to);
        }
        return granularity.unit.between(from.atZone(zone), to.atZone(zone));
    }

    /** Every bucket's start, in order (none for a totals-only window). */
    public List<Instant> bucketStarts() {
        List<Instant> starts = new ArrayList<>();
        if (granularity == null) {
            return starts;
        }
        for (Instant b = from; b.isBefore(to); b = next(b)) {
            starts.add(b);
        }
        return starts;
    }

    /**
     * The buckets' starts as a PostgreSQL {@code timestamptz[]} literal ({@code {2026-12-06T00:00:00Z,...}}), for
     * {@code width_bucket(time, thresholds)}: the 1-based index of the bucket a time of the window falls in, exactly
     * as this window places it (days of any zone, DST included), with no zone name passed to the database.
     */
    public String thresholds() {
        StringBuilder literal = new StringBuilder("{");
        for (Instant start : bucketStarts()) {
            literal.append(literal.length() > 1 ? "," : "").append(start);
        }
        return literal.append('}').toString();
    }

    /**
     * The period just before this one, as long in buckets (compare=previous_period): the same number of days in the
     * zone, or the same duration for hours and lists.
     */
    public TimeWindow previous() {
        if (granularity == Granularity.DAY) {
            long days = bucketCount();
            Instant start = from.atZone(zone).minusDays(days).toInstant();
            return new TimeWindow(start, from, zone, granularity);
        }
        return new TimeWindow(from.minus(Duration.between(from, to)), from, zone, granularity);
    }
}
