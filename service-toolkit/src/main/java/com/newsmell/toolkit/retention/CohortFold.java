package com.newsmell.toolkit.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule of the {@code rollup-cohorts} job (ADR 0048): an additive rollup table's rows are kept at their own grain
 * (hour, day) for a year, then folded into one row per <b>UTC month</b> and the same other key columns (the cohort),
 * every other column summed; the originals are deleted. Any sum over whole months reads the same before and after.
 *
 * <p>A month is folded once its last instant is {@code keep} old, so every row stays at full grain for at least
 * {@code keep}. A cohort row sits at the month's first instant; folding again is a no-op (only months still holding a
 * row off their first instant are folded).
 *
 * @param table the rollup table
 * @param timeColumn its time key column ({@code date}, {@code timestamp with time zone} or {@code timestamp})
 * @param timeType that column's type as {@code format_type} names it
 * @param keys the other primary-key columns: kept as they are (a user id is never one: see {@link #of})
 * @param sums every other column: summed
 */
public record CohortFold(String table, String timeColumn, String timeType, List<String> keys, List<String> sums) {

    /** One column of the table, as the catalogue describes it. */
    public record Column(String name, String type, boolean primaryKey) {}

    private static final Set<String> ADDITIVE =
            Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision");

    private static final Set<String> TIMES = Set.of("date", "timestamp with time zone", "timestamp without time zone");

    /**
     * The fold of a table from its columns; refuses a table the rule does not fit (so a column added later is never
     * silently summed or dropped): the time column must be part of the primary key and a date or timestamp, every
     * column outside the primary key additive, and no key column may name a user.
     */
    public static CohortFold of(String table, String timeColumn, List<Column> described) {
        List<Column> columns = described.stream()
                .map(c -> new Column(c.name(), c.type().replaceAll("\\(.*\\)", ""), c.primaryKey()))
                .toList();
        Column time = columns.stream()
                .filter(c -> c.name().equals(timeColumn))
                .findFirst()
                .orElseThrow(() -> refused(table, "has no column " + timeColumn));
        if (!time.primaryKey() || !TIMES.contains(time.type())) {
            throw refused(table, timeColumn + " must be a date or timestamp in the primary key, not " + time.type());
        }
        List<String> keys = columns.stream()
                .filter(c -> c.primaryKey() && !c.name().equals(timeColumn))
                .map(Column::name)
                .toList();
        keys.stream().filter(k -> k.contains("user")).findAny().ifPresent(k -> {
            throw refused(table, "key column " + k + " names a user; a cohort must not keep one");
        });
        List<Column> others = columns.stream().filter(c -> !c.primaryKey()).toList();
        others.stream().filter(c -> !ADDITIVE.contains(c.type())).findAny().ifPresent(c -> {
            throw refused(table, "column " + c.name() + " (" + c.type() + ") cannot be summed");
        });
        if (others.isEmpty()) {
            throw refused(table, "has nothing to sum");
        }
        return new CohortFold(
                table,
                timeColumn,
                time.type(),
                keys,
                others.stream().map(Column::name).toList());
    }

    private static IllegalStateException refused(String table, String why) {
        return new IllegalStateException("rollup table " + table + " cannot be folded into cohorts: " + why);
    }

    /**
     * The first instant not folded at {@code clock}: the start of the UTC month that holds {@code clock - keep}.
     * Rows before it belong to months whose every instant is at least {@code keep} old.
     */
    public static Instant cutoff(Instant clock, Duration keep) {
        LocalDate day = clock.minus(keep).atZone(ZoneOffset.UTC).toLocalDate();
        return day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The month a time column value falls in, as a value of the column's own type. */
    String month(String column) {
        return switch (timeType) {
            case "date" -> "cast(date_trunc('month', " + column + ") as date)";
            case "timestamp with time zone" -> "date_trunc('month', " + column + ", 'UTC')";
            default -> "date_trunc('month', " + column + ")";
        };
    }

    /**
     * One statement (one transaction): deletes the rows before {@code :cutoff} of every month that still holds a row
     * off its first instant and inserts their cohort rows; answers (rows folded, cohort rows written).
     */
    public String sql() {
        String t = q(timeColumn);
        String cutoff = "cast(:cutoff as " + timeType + ")";
        String keyList = keys.stream().map(CohortFold::q).collect(Collectors.joining(", "));
        String withKeys = keys.isEmpty() ? "" : ", " + keyList;
        String sumList = sums.stream().map(c -> "sum(" + q(c) + ")").collect(Collectors.joining(", "));
        String columns = t + withKeys + ", " + sums.stream().map(CohortFold::q).collect(Collectors.joining(", "));
        return "with months as (select distinct " + month(t) + " as m from " + q(table) + " where " + t + " < "
                + cutoff + " and " + t + " <> " + month(t) + "),"
                + " gone as (delete from " + q(table) + " where " + t + " < " + cutoff + " and " + month(t)
                + " in (select m from months) returning *),"
                + " cohorts as (insert into " + q(table) + " (" + columns + ") select " + month(t) + withKeys + ", "
                + sumList + " from gone group by " + month(t) + withKeys + " returning 1)"
                + " select (select count(*) from gone), (select count(*) from cohorts)";
    }

    /** The catalogue query that lists a table's columns for {@link #of}: name, type, in the primary key. */
    public static final String COLUMNS_SQL = "select a.attname, format_type(a.atttypid, a.atttypmod),"
            + " coalesce(a.attnum = any(i.indkey), false) from pg_attribute a left join pg_index i"
            + " on i.indrelid = a.attrelid and i.indisprimary where a.attrelid = cast(:table as regclass)"
            + " and a.attnum > 0 and not a.attisdropped order by a.attnum";

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
