package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The check every service's rollup tables pass (ADR 0048), on the run's real database: rows of 2001 and 2002 for two
 * keys are written, the {@code rollup-cohorts} job runs as of {@link #NOW} (so 2001 is more than a year old, 2002 is
 * not), and then every month of 2001 is one row per key on the month's first instant whose sums are the month's sums
 * before, 2002's rows are untouched, and a second run changes nothing.
 */
public final class RollupCohortChecks {

    /** The clock the job must run with ({@code ?now=}). */
    public static final String NOW = "2003-01-15T00:00:00Z";

    private static final List<String> INSTANTS = List.of(
            "2001-03-05T10:00:00Z",
            "2001-03-06T11:00:00Z",
            "2001-03-20T15:00:00Z",
            "2001-04-01T00:00:00Z",
            "2001-04-30T23:00:00Z",
            "2002-06-10T08:00:00Z");

    private RollupCohortChecks() {}

    private record Col(String name, String type, boolean key) {}

    /**
     * Checks every table: seeds it, runs the job twice through the service's job API on {@code port} (as of NOW) and
     * checks the fold.
     */
    public static void assertFoldedKeepingTotals(String db, int port, String timeColumn, String... tables) {
        for (String table : tables) {
            assertFoldedKeepingTotals(db, table, timeColumn, () -> runJob(port));
        }
    }

    /** POST /v1/jobs/rollup-cohorts/runs?now=NOW with this run's admin token; fails unless the run succeeded. */
    private static void runJob(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/v1/jobs/rollup-cohorts/runs?now=" + NOW))
                                    .header(
                                            "Authorization",
                                            "Bearer " + Tokens.shared().admin())
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"status\":\"succeeded\""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seeds {@code table}, runs {@code runJob} twice and checks the fold; {@code runJob} must run the job at NOW. */
    static void assertFoldedKeepingTotals(String db, String table, String timeColumn, Runnable runJob) {
        List<Col> columns = Sql.query(
                        db,
                        "select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,"
                                + " coalesce(a.attnum = any(i.indkey), false) as key from pg_attribute a"
                                + " left join pg_index i on i.indrelid = a.attrelid and i.indisprimary"
                                + " where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped"
                                + " order by a.attnum",
                        table)
                .stream()
                .map(r -> new Col((String) r.get("name"), (String) r.get("type"), (Boolean) r.get("key")))
                .toList();
        List<Col> keys = columns.stream()
                .filter(c -> c.key() && !c.name().equals(timeColumn))
                .toList();
        List<Col> sums = columns.stream().filter(c -> !c.key()).toList();
        String timeType = columns.stream()
                .filter(c -> c.name().equals(timeColumn))
                .findFirst()
                .orElseThrow()
                .type();
        int marker = 100_000 + (int) (Math.random() * 800_000);
        String names = columns.stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> "cast(? as " + c.type() + ")").collect(Collectors.joining(", "));
        int n = 0;
        for (int variant = 0; variant < 2; variant++) {
            for (String at : INSTANTS) {
                List<Object> params = new ArrayList<>();
                for (Col c : columns) {
                    if (c.name().equals(timeColumn)) {
                        params.add(timeType.equals("date") ? at.substring(0, 10) : at);
                    } else if (c.key()) {
                        params.add(keyValue(c, marker, variant));
                    } else {
                        params.add(Integer.toString(1 + (++n * 7) % 13));
                    }
                }
                Sql.query(
                        db,
                        "insert into " + q(table) + " (" + names + ") values (" + values + ") on conflict do nothing",
                        params.toArray());
            }
        }
        String mine = keys.stream()
                .map(k -> q(k.name()) + " in (cast(? as " + k.type() + "), cast(? as " + k.type() + "))")
                .collect(Collectors.joining(" and ", keys.isEmpty() ? "true" : "", ""));
        Object[] mineParams = keys.stream()
                .flatMap(k -> List.of(keyValue(k, marker, 0), keyValue(k, marker, 1)).stream())
                .toArray();
        String month = timeType.equals("date")
                ? "cast(date_trunc('month', " + q(timeColumn) + ") as date)"
                : "date_trunc('month', " + q(timeColumn) + ", 'UTC')";
        String keyList = keys.stream().map(k -> ", " + q(k.name())).collect(Collectors.joining());
        String monthly = "select cast(" + month + " as text) as month" + keyList + ", "
                + sums.stream()
                        .map(c -> "cast(sum(" + q(c.name()) + ") as text) as " + q(c.name()))
                        .collect(Collectors.joining(", "))
                + " from " + q(table) + " where " + mine + " group by " + month + keyList + " order by 1" + keyList;
        String year2001 = "select count(*) from " + q(table) + " where " + mine + " and " + q(timeColumn)
                + " < cast('2002-01-01' as " + timeType + ")";
        List<Map<String, Object>> before = Sql.query(db, monthly, mineParams);
        assertEquals(10, Sql.count(db, year2001, mineParams), table + ": 2001 rows seeded");

        runJob.run();

        assertEquals(before, Sql.query(db, monthly, mineParams), table + ": monthly sums kept");
        assertEquals(4, Sql.count(db, year2001, mineParams), table + ": one cohort row per month and key");
        assertEquals(
                0,
                Sql.count(
                        db,
                        "select count(*) from " + q(table) + " where " + mine + " and " + q(timeColumn) + " <> " + month
                                + " and " + q(timeColumn) + " < cast('2002-01-01' as " + timeType + ")",
                        mineParams),
                table + ": every cohort row on its month's first instant");
        assertEquals(
                2,
                Sql.count(
                        db,
                        "select count(*) from " + q(table) + " where " + mine + " and " + q(timeColumn)
                                + " >= cast('2002-01-01' as " + timeType + ")",
                        mineParams),
                table + ": rows younger than a year untouched");

        runJob.run();
        assertEquals(before, Sql.query(db, monthly, mineParams), table + ": a second run changes nothing");
        assertEquals(4, Sql.count(db, year2001, mineParams), table + ": still one cohort row per month and key");
    }

    private static String keyValue(Col key, int marker, int variant) {
        return switch (key.type()) {
            case "boolean" -> Boolean.toString(variant == 1);
            case "integer", "bigint", "smallint" -> Integer.toString(marker + variant);
            case "date", "timestamp with time zone" ->
                Instant.parse("2001-01-01T00:00:00Z").toString();
            default -> "cohort-check-" + marker + "-" + variant;
        };
    }

    private static String q(String identifier) {
        return "\"" + identifier + "\"";
    }
}
