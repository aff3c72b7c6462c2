package com.newsmell.perfumestats;

import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.perfumestats.Events.perfume;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hourly job (windows, trending), the reconciliation, replay, and the read APIs, against Kafka + PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class PerfumeStatsJobsTest {

    // Health and metrics: on the management interface, not the API port (ADR 0075).
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    private static final String DB = PerfumeStatsTestResource.DATABASE;

    @Test
    void windowBoundariesOf7And30Days() {
        // a "now" in the middle of a day, and one at midnight (whole days only)
        Instant midday = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .minus(Duration.ofDays(2))
                .plus(Duration.ofHours(13));
        Instant midnight = midday.truncatedTo(ChronoUnit.DAYS);
        for (Instant now : List.of(midday, midnight)) {
            String p = perfume();
            Events u = new Events("u-" + UUID.randomUUID());
            Events.publish(
                    u.view(p, now.minus(Duration.ofDays(30)).minusMillis(1)), // in neither
                    u.view(p, now.minus(Duration.ofDays(30))), // 30 d window starts here
                    u.view(p, now.minus(Duration.ofDays(7)).minusMillis(1)), // 30 d only
                    u.view(p, now.minus(Duration.ofDays(7))), // 7 d window starts here
                    u.view(p, now.minusMillis(1)), // last instant of both
                    u.view(p, now)); // not yet: windows end before now
            Api.awaitStats(p, Map.of("totalViews", 6));
            Map<String, Object> report = Api.runHourly(now.plusSeconds(1)); // truncated to the hour
            assertThat(report.get("asOf")).isEqualTo(Api.ms(now));
            assertThat(Api.mismatches(Api.stats(p), Map.of("viewsLast7Days", 2, "viewsLast30Days", 4, "asOf", now)))
                    .isEmpty();
        }
    }

    /**
     * Issue #21: the top perfumes' viewsLast7Days lagged the raw store (714 against 881 views before its asOf).
     * The views a perfume gets with a time before the hourly run's asOf but consumed after the run (a client's
     * batch sent late, the consumer's lag at the top of the hour) were left out of the windows of that asOf.
     */
    @Test
    void viewsConsumedAfterTheHourlyRunCountInTheWindowsOfItsAsOf() {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        String p = perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        Events.publish(u.view(p, asOf.minus(Duration.ofHours(1))), u.view(p, asOf.minus(Duration.ofDays(10))));
        Api.awaitStats(p, Map.of("totalViews", 2));
        Api.runHourly(asOf);
        assertThat(Api.mismatches(Api.stats(p), Map.of("viewsLast7Days", 1, "viewsLast30Days", 2, "asOf", asOf)))
                .isEmpty();

        Events.publish(
                u.view(p, asOf.minusMillis(1)), // late: both windows
                u.view(p, asOf.minus(Duration.ofDays(7))), // late: the first instant of both windows
                u.view(p, asOf.minus(Duration.ofDays(8))), // late: 30 days only
                Events.bot(u.view(p, asOf.minus(Duration.ofHours(2)))), // a bot's: neither
                u.view(p, asOf)); // not before asOf: neither

        Api.awaitStats(p, Map.of("totalViews", 6, "viewsLast7Days", 3, "viewsLast30Days", 5, "asOf", asOf));
    }

    @Test
    void aBurstInTheLastHoursOutranksAHigherButFlatVolume() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(400)); // nothing else there
        String house = "h-" + UUID.randomUUID();
        String flat = "flat-" + UUID.randomUUID();
        String burst = "burst-" + UUID.randomUUID();
        String quiet = "quiet-" + UUID.randomUUID();
        // flat: 100 views every hour for 30 days; burst: 1 view an hour, then 200 an hour in the last 3 hours;
        // quiet: a single view 2 hours ago
        generateHourly(flat, now, 720, 0, 0, 100);
        generateHourly(burst, now, 720, 3, 201, 1);
        generateHourly(quiet, now, 2, 1, 0, 1);
        for (String p : List.of(flat, burst, quiet)) {
            Sql.query(DB, "insert into perfume_interaction_stats (perfume_id, house_id) values (?, ?)", p, house);
        }

        Api.runHourly(now);

        List<String> ranked = given().queryParam("houseId", house)
                .queryParam("limit", 10)
                .get("/v1/perfumes/trending")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(Api.ms(now)))
                .extract()
                .jsonPath()
                .getList("items.perfumeId");
        assertThat(ranked).containsExactly(burst, flat, quiet);
        // a list (ADR 0015): paged by limit and cursor
        String next = given().queryParam("houseId", house)
                .queryParam("limit", 2)
                .get("/v1/perfumes/trending")
                .then()
                .statusCode(200)
                .body("metric", equalTo("trendingScore"))
                .body("items.perfumeId", equalTo(List.of(burst, flat)))
                .extract()
                .path("nextCursor");
        given().queryParam("houseId", house)
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/v1/perfumes/trending")
                .then()
                .statusCode(200)
                .body("items.perfumeId", equalTo(List.of(quiet)))
                .body("$", not(hasKey("nextCursor")));
        Map<String, Object> flatStats = Api.stats(flat);
        assertThat(((Number) flatStats.get("trendingScore")).doubleValue()).isBetween(0.8, 1.0);
        assertThat(((Number) Api.stats(burst).get("trendingScore")).doubleValue())
                .isGreaterThan(3.0);
        assertThat(flatStats.get("viewsLast7Days")).isEqualTo(100 * 168);
        assertThat(flatStats.get("viewsLast30Days")).isEqualTo(100 * 720);
    }

    /**
     * Hourly buckets of the last {@code hours} hours before now ({@code burstViews} in the latest {@code burstHours},
     * {@code views} in the others; none where 0), and the matching daily buckets.
     */
    private static void generateHourly(
            String perfumeId, Instant now, int hours, int burstHours, int burstViews, int views) {
        Sql.query(
                DB,
                "insert into perfume_hourly_bucket (perfume_id, bucket, views)"
                        + " select ?, ?::timestamptz - (h + 1) * interval '1 hour', v"
                        + " from (select h, case when h < ? then ? else ? end as v from generate_series(0, ? - 1) h) g"
                        + " where v > 0",
                perfumeId,
                now.toString(),
                burstHours,
                burstViews,
                views,
                hours);
        Sql.query(
                DB,
                "insert into perfume_daily_bucket (perfume_id, bucket, views)"
                        + " select perfume_id, date_trunc('day', bucket, 'UTC'), sum(views) from perfume_hourly_bucket"
                        + " where perfume_id = ? group by 1, 2",
                perfumeId);
    }

    /**
     * Issue #21, "a daily check compares a sample of perfumes with the raw store and records any difference": the
     * collector's perfume-view-audit records (the raw store's counts) are compared with perfume-stats' own figures
     * for the same windows and asOf; a redelivered record changes nothing twice; a malformed one is dead-lettered.
     */
    @Test
    void theDailyAuditComparesTheRawStoresCountsWithTheWindows() {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        String agrees = perfume();
        String differs = perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        Events.publish(
                u.view(agrees, asOf.minus(Duration.ofDays(1))),
                u.view(agrees, asOf.minus(Duration.ofDays(7))),
                u.view(agrees, asOf.minus(Duration.ofDays(29))),
                u.view(agrees, asOf), // after the windows
                Events.bot(u.view(agrees, asOf.minus(Duration.ofHours(1)))),
                u.view(differs, asOf.minus(Duration.ofHours(2))));
        Api.awaitStats(agrees, Map.of("totalViews", 4));
        Api.awaitStats(differs, Map.of("totalViews", 1));
        Api.runHourly(asOf);
        double mismatchesBefore = auditMismatchesMetric();
        String malformed = "malformed-" + UUID.randomUUID();

        Audit.publish(
                Audit.record(agrees, asOf, 2, 3),
                Audit.record(differs, asOf, 1, 5), // deliberately wrong: the raw store "saw" 4 more
                Audit.record(differs, asOf, 1, 5), // the same (perfumeId, asOf) again: changes nothing
                Audit.record(differs, asOf.minus(Duration.ofHours(1)), 1, 1), // after it on its partition
                Map.entry(malformed, "not json " + malformed),
                Audit.record(malformed, asOf.plus(Duration.ofMinutes(30)), 1, 1), // off the hour grid
                Audit.record(malformed, asOf, -1, 1),
                Map.entry(malformed, "{\"perfumeId\":\"" + malformed + "\",\"views7d\":1}"));

        // each perfume's records are on its partition, in order: once the later record of `differs` is checked,
        // so is its duplicate
        await().atMost(Duration.ofSeconds(30))
                .until(() -> auditOf(asOf.minus(Duration.ofHours(1))).contains(differs)
                        && auditOf(asOf).containsAll(List.of(agrees, differs)));
        given().queryParam("asOf", asOf.toString())
                .get("/v1/perfumes/audit")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(Api.ms(asOf)))
                .body("checked", equalTo(2))
                .body("mismatches", equalTo(1))
                .body("items.perfumeId", equalTo(List.of(differs, agrees))) // mismatches first
                .body("items[0].matches", equalTo(false))
                .body("items[0].rawViews7d", equalTo(1))
                .body("items[0].rawViews30d", equalTo(5))
                .body("items[0].statsViews7d", equalTo(1))
                .body("items[0].statsViews30d", equalTo(1))
                .body("items[0].servedViews30d", equalTo(1)) // the stats API's figure, as of the same hour
                .body("items[0].difference7d", equalTo(0))
                .body("items[0].difference30d", equalTo(-4))
                .body("items[1].matches", equalTo(true))
                .body("items[1].statsViews7d", equalTo(2))
                .body("items[1].statsViews30d", equalTo(3))
                .body("items[1].servedViews7d", equalTo(2));
        assertThat(auditMismatchesMetric() - mismatchesBefore).isEqualTo(1.0);
        // a list (ADR 0015): paged by limit and a keyset cursor, which keeps the asOf of its first page
        String next = given().queryParam("asOf", asOf.toString())
                .queryParam("limit", 1)
                .get("/v1/perfumes/audit")
                .then()
                .statusCode(200)
                .body("items.perfumeId", equalTo(List.of(differs)))
                .extract()
                .path("nextCursor");
        given().queryParam("limit", 1)
                .queryParam("cursor", next)
                .get("/v1/perfumes/audit")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(Api.ms(asOf)))
                .body("checked", equalTo(2))
                .body("items.perfumeId", equalTo(List.of(agrees)))
                .body("$", not(hasKey("nextCursor")));
        for (TopicReader.Read dead : ConsumerChecks.awaitDeadLetters(malformed, "perfume-stats-service", 4)) {
            assertThat(dead.headers().get(DeadLetterHeaders.REASON)).startsWith("invalid perfume-view-audit record");
        }
    }

    private static List<String> auditOf(Instant asOf) {
        return given().queryParam("asOf", asOf.toString())
                .get("/v1/perfumes/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.perfumeId");
    }

    private double auditMismatchesMetric() {
        String metrics =
                given().get(metricsUrl).then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("perfume_stats_window_audit_mismatches_total"))
                .map(l -> l.split(" # ", 2)[0]) // without an exemplar (trace and span id, value, time)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The collector's perfume-view-audit records, as it publishes them (keyed by perfumeId). */
    private static final class Audit {

        static Map.Entry<String, String> record(String perfumeId, Instant asOf, int views7d, int views30d) {
            return Map.entry(
                    perfumeId,
                    "{\"perfumeId\":\"%s\",\"asOf\":\"%s\",\"views7d\":%d,\"views30d\":%d,\"auditedAt\":\"%s\"}"
                            .formatted(perfumeId, asOf, views7d, views30d, Instant.now()));
        }

        @SafeVarargs
        static void publish(Map.Entry<String, String>... records) {
            TopicReader.write(Infra.shared().topic(ServiceConfig.PERFUME_VIEW_AUDIT), List.of(records));
        }
    }

    @Test
    void theReconciliationReportsAndCorrectsDrift() {
        String p = perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Events.publish(u.view(p, t), u.view(p, t.plusSeconds(1)), u.simple(WISHLIST_ADD, p, t.plusSeconds(2)));
        Api.awaitStats(p, Map.of("totalViews", 2, "inWishlistCount", 1));
        Sql.query(
                DB,
                "update perfume_interaction_stats set total_views = 7, in_wishlist_count = 0 where perfume_id = ?",
                p);

        Map<String, Object> report = Api.runReconcile();

        assertThat(((Map<?, ?>) report.get("detail")).get("drift").toString())
                .contains("totalViews")
                .contains("inWishlistCount");
        assertThat(Api.mismatches(Api.stats(p), Map.of("totalViews", 2, "inWishlistCount", 1)))
                .isEmpty();
        given().get(metricsUrl)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("perfume_stats_reconcile_drift_total{field=\"totalViews\""));
    }

    @Test
    void redeliveryAndReplayIntoAnEmptyDatabaseGiveIdenticalRows() {
        String a = perfume();
        String b = perfume();
        Events u1 = new Events("u-" + UUID.randomUUID());
        Instant t = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                u1.view(a, t, 500),
                u1.view(b, t.plusSeconds(1)),
                u1.simple(WISHLIST_ADD, a, t.plusSeconds(2)),
                u1.rating(RATING_COMPLETED, a, t.plusSeconds(3), 4, 3, 2, 1, 5),
                u1.search(t.plusSeconds(4), a, b),
                u1.searchClick(b, t.plusSeconds(5))));
        publishWithMarker(u1, events);
        Map<String, List<Map<String, Object>>> first = rows(a, b);
        assertThat(first.get("stats")).hasSize(2);

        publishWithMarker(u1, events); // redelivery
        assertThat(rows(a, b)).isEqualTo(first);

        for (String table : List.of(
                "perfume_interaction_stats",
                "membership",
                "perfume_rating",
                "perfume_hourly_bucket",
                "perfume_daily_bucket")) {
            Sql.query(DB, "delete from " + table + " where perfume_id in (?, ?)", a, b);
        }
        for (UserInteractionEvent e : events) {
            Sql.query(DB, "delete from processed_event where event_id = ?::uuid", e.eventId());
        }
        publishWithMarker(u1, events); // replay into an empty database
        assertThat(rows(a, b)).isEqualTo(first);
    }

    private static void publishWithMarker(Events session, List<UserInteractionEvent> events) {
        String marker = "marker-" + UUID.randomUUID();
        List<UserInteractionEvent> all = new ArrayList<>(events);
        all.add(session.view(marker, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        com.newsmell.infra.WireEvents.publish(all);
        Api.awaitStats(marker, Map.of("totalViews", 1));
    }

    private static Map<String, List<Map<String, Object>>> rows(String a, String b) {
        return Map.of(
                "stats",
                Sql.query(
                                DB,
                                "select * from perfume_interaction_stats where perfume_id in (?, ?) order by perfume_id",
                                a,
                                b)
                        .stream()
                        .map(r -> {
                            var copy = new java.util.LinkedHashMap<>(r);
                            copy.remove("updated_at");
                            copy.put("viewers_sketch", java.util.Arrays.toString((byte[]) r.get("viewers_sketch")));
                            return (Map<String, Object>) copy;
                        })
                        .toList(),
                "membership",
                Sql.query(DB, "select * from membership where perfume_id in (?, ?) order by 1, 2, 3", a, b),
                "rating",
                Sql.query(DB, "select * from perfume_rating where perfume_id in (?, ?) order by 1, 2", a, b),
                "hourly",
                Sql.query(DB, "select * from perfume_hourly_bucket where perfume_id in (?, ?) order by 1, 2", a, b),
                "daily",
                Sql.query(DB, "select * from perfume_daily_bucket where perfume_id in (?, ?) order by 1, 2", a, b));
    }

    @Test
    void topRanksByTheMetricAndHonoursMinRatingsAndServesTheSeedsTrendingList() {
        String best = "top-" + UUID.randomUUID();
        String fewRatings = "top-" + UUID.randomUUID();
        Sql.query(
                DB,
                "insert into perfume_interaction_stats (perfume_id, total_ratings, overall_sum, avg_rating,"
                        + " total_views) values (?, 900000001, 4500000005, 5.0, 2000000000)",
                best);
        Sql.query(
                DB,
                "insert into perfume_interaction_stats (perfume_id, total_ratings, overall_sum, avg_rating)"
                        + " values (?, 1, 5, 5.0)",
                fewRatings);
        given().queryParam("metric", "avgRating")
                .queryParam("minRatings", 900000000)
                .queryParam("limit", 5)
                .get("/v1/perfumes/top")
                .then()
                .statusCode(200)
                .body("metric", equalTo("avgRating"))
                .body("items.perfumeId", equalTo(List.of(best)));
        top("views", 1).body("items[0].perfumeId", equalTo(best));
        // Seed, Query Optimization: trendingPerfumes = findMany({ orderBy: { viewsLast7Days: "desc" } })
        String most = "top7-" + UUID.randomUUID();
        String second = "top7-" + UUID.randomUUID();
        Sql.query(
                DB,
                "insert into perfume_interaction_stats (perfume_id, views_last_7_days, views_last_30_days)"
                        + " values (?, 2000000000, 2000000000), (?, 1999999999, 2000000001)",
                most,
                second);
        top("viewsLast7Days", 2).body("items.perfumeId", equalTo(List.of(most, second)));
        top("viewsLast30Days", 2).body("items.perfumeId", equalTo(List.of(second, most)));
        Sql.query(
                DB,
                "delete from perfume_interaction_stats where perfume_id in (?, ?, ?, ?)",
                best,
                fewRatings,
                most,
                second);
    }

    private static ValidatableResponse top(String metric, int limit) {
        return given().queryParam("metric", metric)
                .queryParam("limit", limit)
                .get("/v1/perfumes/top")
                .then()
                .statusCode(200)
                .body("metric", equalTo(metric));
    }

    @Test
    void timeseriesPerHourAndPerDay() {
        String p = perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        Events.publish(
                u.view(p, day.plus(Duration.ofHours(1)), 300),
                u.view(p, day.plus(Duration.ofMinutes(90)), 500),
                u.view(p, day.plus(Duration.ofHours(3))),
                u.simple(WISHLIST_ADD, p, day.plus(Duration.ofHours(3))),
                u.view(p, day.plus(Duration.ofHours(30))));
        Api.awaitStats(p, Map.of("totalViews", 4, "inWishlistCount", 1));

        // the metrics envelope of ADR 0015
        series(p, "views", "hour", day, day.plus(Duration.ofHours(4)))
                .body("perfumeId", equalTo(p))
                .body("metric", equalTo("views"))
                .body("from", equalTo(Api.ms(day)))
                .body("to", equalTo(Api.ms(day.plus(Duration.ofHours(4)))))
                .body("tz", equalTo("UTC"))
                .body("granularity", equalTo("hour"))
                .body("asOf", notNullValue())
                .body("buckets.value", equalTo(List.of(0, 2, 0, 1)))
                .body("buckets[1].start", equalTo(Api.ms(day.plus(Duration.ofHours(1)))))
                .body("totals.value", equalTo(3))
                // deprecated for one release: a bucket's at, the buckets as points
                .body("buckets[1].at", equalTo(Api.ms(day.plus(Duration.ofHours(1)))))
                .body("points.value", equalTo(List.of(0, 2, 0, 1)));
        series(p, "views", "day", day, day.plus(Duration.ofDays(2)))
                .body("buckets.value", equalTo(List.of(3, 1)))
                .body("totals.value", equalTo(4));
        series(p, "wishlistAdds", "day", day, day.plus(Duration.ofDays(1))).body("buckets.value", equalTo(List.of(1)));
        // a rate comes with its numerator and denominator, per bucket and in the totals; no value without views
        series(p, "avgViewDurationMs", "hour", day, day.plus(Duration.ofHours(4)))
                .body("metric", equalTo("avgViewDurationMs"))
                .body("buckets[1].value", equalTo(400.0f))
                .body("buckets[1].numerator", equalTo(800.0f))
                .body("buckets[1].denominator", equalTo(2))
                .body("buckets[0]", not(hasKey("value")))
                .body("buckets[0].denominator", equalTo(0))
                .body("totals.value", equalTo(400.0f))
                .body("totals.numerator", equalTo(800.0f))
                .body("totals.denominator", equalTo(2));
        // the metric's old name is still accepted (deprecated), and answered by its new name
        series(p, "avgViewDuration", "hour", day, day.plus(Duration.ofHours(4)))
                .body("metric", equalTo("avgViewDurationMs"))
                .body("totals.value", equalTo(400.0f));
        // dates: the start of that day in tz (UTC)
        series(p, Map.of("from", date(day), "to", date(day.plus(Duration.ofDays(2)))))
                .body("from", equalTo(Api.ms(day)))
                .body("to", equalTo(Api.ms(day.plus(Duration.ofDays(2)))))
                .body("granularity", equalTo("day"))
                .body("buckets.value", equalTo(List.of(3, 1)));
    }

    /** ADR 0015, "Time zones": day buckets are the days of tz, answered exactly from the hourly rollups. */
    @Test
    void timeseriesInTheDaysOfEuropeBerlin() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate date = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        Instant d0 = date.atStartOfDay(berlin).toInstant();
        Instant d1 = date.plusDays(1).atStartOfDay(berlin).toInstant();
        Instant d2 = date.plusDays(2).atStartOfDay(berlin).toInstant();
        List<Instant> views = List.of(
                d0.minusMillis(1), // the Berlin day before
                d0, // the first instant of the first Berlin day
                d0.plus(Duration.ofHours(1)),
                d1.minusMillis(1), // its last instant
                d1, // the second day
                d2); // after the range
        String p = perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        Events.publish(views.stream().map(t -> u.view(p, t)).toArray(UserInteractionEvent[]::new));
        Api.awaitStats(p, Map.of("totalViews", views.size()));

        series(
                        p,
                        Map.of(
                                "tz",
                                "Europe/Berlin",
                                "from",
                                date.toString(),
                                "to",
                                date.plusDays(2).toString()))
                .body("tz", equalTo("Europe/Berlin"))
                .body("granularity", equalTo("day"))
                .body("from", equalTo(Api.ms(d0)))
                .body("to", equalTo(Api.ms(d2)))
                .body("buckets.start", equalTo(List.of(Api.ms(d0), Api.ms(d1))))
                .body("buckets.value", equalTo(List.of(3, 1)))
                .body("totals.value", equalTo(4));
        // the same dates in UTC are UTC days, from the daily buckets
        Instant u0 = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant u1 = u0.plus(Duration.ofDays(1));
        Instant u2 = u1.plus(Duration.ofDays(1));
        series(p, Map.of("from", date.toString(), "to", date.plusDays(2).toString()))
                .body("tz", equalTo("UTC"))
                .body("buckets.start", equalTo(List.of(Api.ms(u0), Api.ms(u1))))
                .body("buckets.value", equalTo(List.of(count(views, u0, u1), count(views, u1, u2))));
    }

    private static int count(List<Instant> times, Instant from, Instant to) {
        return (int)
                times.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    }

    /** ADR 0015, "Unknown entities": a perfume's timeseries answers 404 when the service has never seen it. */
    @Test
    void theTimeseriesOfAPerfumeNeverSeenIsNotFoundLikeItsStats() {
        String never = "never-" + UUID.randomUUID();
        given().queryParam("from", "2026-01-01")
                .queryParam("to", "2026-01-03")
                .get("/v1/perfumes/" + never + "/timeseries")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/v1/perfumes/" + never + "/stats").then().statusCode(404);
    }

    private static String date(Instant utcMidnight) {
        return LocalDate.ofInstant(utcMidnight, ZoneOffset.UTC).toString();
    }

    private static ValidatableResponse series(
            String perfumeId, String metric, String granularity, Instant from, Instant to) {
        return series(
                perfumeId,
                Map.of("metric", metric, "granularity", granularity, "from", from.toString(), "to", to.toString()));
    }

    private static ValidatableResponse series(String perfumeId, Map<String, ?> query) {
        return given().queryParams(query)
                .get("/v1/perfumes/" + perfumeId + "/timeseries")
                .then()
                .statusCode(200);
    }

    /**
     * Issue #22, "Top lists take from/to and minSample (default stated), and say the window they used"; "houseId= on
     * a top list returned other houses". The window's edges are partial UTC days (hourly buckets), its middle a whole
     * day (a daily bucket): the ranking counts exactly the events in [from, to).
     */
    @Test
    void topOverAWindowIsExactPagedAndOfOneHouse() {
        String house = "h-" + UUID.randomUUID();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));
        Instant from = day.plus(Duration.ofHours(6));
        Instant to = day.plus(Duration.ofDays(2)).plus(Duration.ofHours(6));
        Instant midday = day.plus(Duration.ofDays(1)).plus(Duration.ofHours(12));
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String c = "c-" + UUID.randomUUID();
        String elsewhere = "x-" + UUID.randomUUID();
        Events u = new Events("u-" + UUID.randomUUID());
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                houseView(u, a, house, from.minusMillis(1)), // before the window
                houseView(u, a, house, from), // its first instant: an hourly bucket
                houseView(u, a, house, midday), // a whole day inside: the daily bucket
                houseView(u, a, house, to.minusMillis(1)), // its last instant: an hourly bucket
                houseView(u, a, house, to), // after it
                houseView(u, b, house, day.plus(Duration.ofDays(1))),
                houseView(u, b, house, day.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))),
                houseView(u, b, house, day.plus(Duration.ofDays(2)).plus(Duration.ofHours(5))),
                houseView(u, b, house, to.minus(Duration.ofMinutes(30))),
                houseView(u, b, house, from.minus(Duration.ofHours(1))), // before
                houseView(u, c, house, from.minusMillis(1)), // c: nothing in the window
                houseView(u, c, house, to)));
        for (int i = 0; i < 5; i++) {
            events.add(houseView(u, elsewhere, "h-other-" + house, midday)); // another house's
        }
        // searchCTR: a is listed 10 times and clicked twice (0.2), b listed twice and clicked twice (1.0)
        for (int i = 0; i < 10; i++) {
            events.add(u.search(midday.plusSeconds(i), a, i < 2 ? b : "other-" + a));
        }
        events.add(u.searchClick(a, midday.plusSeconds(20)));
        events.add(u.searchClick(a, midday.plusSeconds(21)));
        events.add(u.searchClick(b, midday.plusSeconds(22)));
        events.add(u.searchClick(b, midday.plusSeconds(23)));
        Events.publish(events.toArray(UserInteractionEvent[]::new));
        Api.awaitStats(a, Map.of("totalViews", 5, "searchImpressions", 10, "searchClicks", 2));
        Api.awaitStats(b, Map.of("totalViews", 5, "searchImpressions", 2, "searchClicks", 2));
        Api.awaitStats(c, Map.of("totalViews", 2));
        Api.awaitStats(elsewhere, Map.of("totalViews", 5));
        Map<String, Object> window = Map.of("from", from.toString(), "to", to.toString());

        // views over the window: b 4, a 3; c (0) left out; another house's perfume left out
        top("views", house, window, 100)
                .body("items.perfumeId", equalTo(List.of(b, a)))
                .body("items.value", equalTo(List.of(4, 3)))
                .body("items[0].totalViews", equalTo(5)) // each item carries its (all-time) statistics
                .body("from", equalTo(Api.ms(from)))
                .body("to", equalTo(Api.ms(to)))
                .body("tz", equalTo("UTC"))
                .body("asOf", notNullValue())
                .body("$", not(hasKey("minSample"))) // a count is ranked from 1
                .body("$", not(hasKey("nextCursor")));
        assertThat(given().queryParams(window)
                        .queryParam("metric", "views")
                        .queryParam("limit", 1000)
                        .get("/v1/perfumes/top")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.perfumeId", String.class))
                .contains(elsewhere, b, a);
        // cursor paging of the window's ranking
        String next = top("views", house, window, 1)
                .body("items.perfumeId", equalTo(List.of(b)))
                .extract()
                .path("nextCursor");
        top("views", house, Map.of("from", from.toString(), "to", to.toString(), "cursor", next), 1)
                .body("items.perfumeId", equalTo(List.of(a)))
                .body("$", not(hasKey("nextCursor")));
        // dates: the whole day between the edges, from its daily bucket only
        top(
                        "views",
                        house,
                        Map.of("from", date(day.plus(Duration.ofDays(1))), "to", date(day.plus(Duration.ofDays(2)))),
                        100)
                .body("items.perfumeId", equalTo(List.of(b, a)))
                .body("items.value", equalTo(List.of(2, 1)))
                .body("from", equalTo(Api.ms(day.plus(Duration.ofDays(1)))));
        // all time (no from/to): a 5, b 5 (ties by perfumeId), c 2; the window absent; paged too
        String allTimeNext = top("views", house, Map.of(), 2)
                .body("items.perfumeId", equalTo(List.of(a, b)))
                .body("items.value", equalTo(List.of(5, 5)))
                .body("$", not(hasKey("from")))
                .body("$", not(hasKey("to")))
                .extract()
                .path("nextCursor");
        top("views", house, Map.of("cursor", allTimeNext), 2)
                .body("items.perfumeId", equalTo(List.of(c)))
                .body("$", not(hasKey("nextCursor")));
        // minSample: a rate is ranked only on at least minSample impressions (default 10)
        top("searchCTR", house, window, 100)
                .body("minSample", equalTo(10))
                .body("items.perfumeId", equalTo(List.of(a)))
                .body("items[0].value", equalTo(0.2f))
                .body("items[0].numerator", equalTo(2))
                .body("items[0].denominator", equalTo(10));
        top("searchCTR", house, Map.of("from", from.toString(), "to", to.toString(), "minSample", 2), 100)
                .body("minSample", equalTo(2))
                .body("items.perfumeId", equalTo(List.of(b, a)))
                .body("items.value", equalTo(List.of(1.0f, 0.2f)));
        top("searchCTR", house, Map.of(), 100).body("items.perfumeId", equalTo(List.of(a)));
        top("searchCTR", house, Map.of("minSample", 2), 100).body("items.perfumeId", equalTo(List.of(b, a)));
    }

    private static UserInteractionEvent houseView(Events session, String perfumeId, String houseId, Instant at) {
        return session.of(PERFUME_VIEW, perfumeId, at).houseId(houseId).build();
    }

    private static ValidatableResponse top(String metric, String houseId, Map<String, ?> query, int limit) {
        return given().queryParams(query)
                .queryParam("metric", metric)
                .queryParam("houseId", houseId)
                .queryParam("limit", limit)
                .get("/v1/perfumes/top")
                .then()
                .statusCode(200)
                .body("metric", equalTo(metric));
    }

    /** ADR 0015, "Exports": every list and metrics endpoint answers Accept: text/csv; one perfume stays JSON. */
    @Test
    void listsAndMetricsAnswerCsv() {
        String p = perfume();
        String house = "h-" + UUID.randomUUID();
        Events u = new Events("u-" + UUID.randomUUID());
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        Events.publish(houseView(u, p, house, day.plus(Duration.ofHours(1))), houseView(u, p, house, day));
        Api.awaitStats(p, Map.of("totalViews", 2));

        String series = given().accept("text/csv")
                .queryParam("granularity", "hour")
                .queryParam("from", day.toString())
                .queryParam("to", day.plus(Duration.ofHours(3)).toString())
                .get("/v1/perfumes/" + p + "/timeseries")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        String h0 = Api.ms(day);
        String h1 = Api.ms(day.plus(Duration.ofHours(1)));
        String h2 = Api.ms(day.plus(Duration.ofHours(2)));
        assertThat(series.split("\r\n"))
                .containsExactly("start,at,value", h0 + "," + h0 + ",1", h1 + "," + h1 + ",1", h2 + "," + h2 + ",0");

        String top = given().accept("text/csv")
                .queryParam("metric", "views")
                .queryParam("houseId", house)
                .get("/v1/perfumes/top")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = top.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("perfumeId,houseId,totalViews,").contains(",value");
        assertThat(lines[1]).startsWith(p + "," + house + ",2,");
        for (String list : List.of("/v1/perfumes/trending", "/v1/perfumes/audit")) {
            given().accept("text/csv").get(list).then().statusCode(200).contentType(startsWith("text/csv"));
        }
        given().accept("text/csv").get("/v1/perfumes/" + p + "/stats").then().statusCode(406);
    }

    /** Issue #21: "docs/metrics.md covers every figure; the OpenAPI descriptions match it". */
    @Test
    void everyFigureOfEveryResponseIsDescribedInTheOpenApiDocument() {
        Map<String, Map<String, Map<String, Object>>> schemas = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("components.schemas");
        for (String schema : List.of(
                "PerfumeStatsView",
                "Ranking",
                "RankedPerfume",
                "Series",
                "Figure",
                "Bucket",
                "AuditView",
                "AuditItem",
                "PerfumeFeatures")) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>)
                    (Object) schemas.get(schema).get("properties");
            assertThat(properties).as(schema).isNotEmpty();
            properties.forEach((name, property) -> assertThat(property.get("description"))
                    .as(schema + "." + name)
                    .isNotNull());
        }
        assertThat(schemas.get("Bucket").get("properties"))
                .containsOnlyKeys("start", "at", "value", "numerator", "denominator");
        // issue #22: the renamed fields stay one release, deprecated
        for (var deprecated : List.of(
                List.of("PerfumeStatsView", "avgViewDuration"),
                List.of("PerfumeStatsView", "viewDurationSum"),
                List.of("PerfumeStatsView", "recommendationImprs"),
                List.of("Bucket", "at"),
                List.of("Series", "points"))) {
            assertThat(schemas.get(deprecated.get(0)).get("properties"))
                    .extractingByKey(deprecated.get(1))
                    .as(deprecated.toString())
                    .extracting(property -> ((Map<?, ?>) property).get("deprecated"))
                    .isEqualTo(true);
        }
        assertThat(schemas.get("PerfumeStatsView").get("properties"))
                .containsKeys("avgViewDurationMs", "viewDurationSumMs", "recommendationImpressions");
        assertThat(schemas.get("RankedPerfume").get("properties")).containsKeys("perfumeId", "value", "denominator");
    }

    /** ADR 0015: every parameter typed in the OpenAPI (date-time, enumerations, integer bounds), the renamed deprecated. */
    @Test
    void theParametersAreTypedInTheOpenApiDocument() {
        var api = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String top = "paths.'/v1/perfumes/top'.get.parameters.find { it.name == '%s' }";
        assertThat(api.getString(top.formatted("from") + ".schema.format")).isEqualTo("date-time");
        assertThat(api.getString(top.formatted("limit") + ".schema.type")).isEqualTo("integer");
        assertThat(api.getString(top.formatted("limit") + ".schema.maximum")).isEqualTo("1000");
        assertThat(api.getString(top.formatted("minSample") + ".schema.default"))
                .isEqualTo("10");
        assertThat(api.getBoolean(top.formatted("minRatings") + ".deprecated")).isTrue();
        assertThat(api.getList(top.formatted("metric") + ".schema.enum")).contains("views", "avgViewDurationMs");
        String series = "paths.'/v1/perfumes/{perfumeId}/timeseries'.get.parameters.find { it.name == '%s' }";
        assertThat(api.getList(series.formatted("granularity") + ".schema.enum"))
                .containsExactly("hour", "day");
        assertThat(api.getString(series.formatted("to") + ".schema.format")).isEqualTo("date-time");
        assertThat(api.getList(series.formatted("metric") + ".schema.enum"))
                .contains("recommendationImpressions", "recommendationImprs", "avgViewDurationMs", "avgViewDuration");
        assertThat(api.getMap("paths.'/v1/perfumes/top'.get.responses.'200'.content"))
                .containsKeys("application/json", "text/csv");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        record Bad(String path, Map<String, Object> query, String parameter, String rule) {
            Bad(String path, Map<String, Object> query, String parameter) {
                this(path, query, parameter, null);
            }
        }
        String series = "/v1/perfumes/p/timeseries";
        String top = "/v1/perfumes/top";
        String oldHours = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .minus(Duration.ofDays(60))
                .plus(Duration.ofHours(1))
                .toString();
        String oldDay = LocalDate.now(ZoneOffset.UTC).minusDays(60).toString();
        List<Bad> cases = List.of(
                new Bad(top, Map.of(), "metric"),
                new Bad(top, Map.of("metric", "likes"), "metric"),
                new Bad(top, Map.of("metric", "views", "limit", 0), "limit"),
                new Bad(top, Map.of("metric", "views", "limit", 1001), "limit", "range"),
                new Bad(top, Map.of("metric", "views", "limit", "ten"), "limit"),
                new Bad(top, Map.of("metric", "views", "minRatings", -1), "minRatings"),
                new Bad(top, Map.of("metric", "searchCTR", "minSample", 0), "minSample", "range"),
                new Bad(top, Map.of("metric", "views", "cursor", "page-2"), "cursor", "format"),
                new Bad(top, Map.of("metric", "views", "houseId", " "), "houseId"),
                new Bad(top, Map.of("metric", "views", "from", "2026-01-01T10:30:00Z"), "from", "grid"),
                new Bad(top, Map.of("metric", "views", "from", "2026-01-02", "to", "2026-01-01"), "to", "after-from"),
                new Bad(top, Map.of("metric", "views", "from", oldHours), "from", "retention"),
                new Bad(top, Map.of("metric", "uniqueViewers", "from", "2026-01-01"), "metric", "window"),
                new Bad(top, Map.of("metric", "views", "tz", "Mars/Olympus"), "tz", "zone"),
                // issue #22: an undeclared parameter was silently ignored (houseid= returned every house)
                new Bad(top, Map.of("metric", "views", "houseid", "house-008"), "houseid", "unknown"),
                new Bad("/v1/perfumes/trending", Map.of("limit", 1001), "limit", "range"),
                new Bad("/v1/perfumes/trending", Map.of("metric", "views"), "metric", "unknown"),
                new Bad("/v1/perfumes/p/stats", Map.of("verbose", "true"), "verbose", "unknown"),
                new Bad(series, Map.of("metric", "clicks"), "metric"),
                new Bad(series, Map.of("granularity", "week"), "granularity"),
                new Bad(series, Map.of("from", "yesterday"), "from"),
                new Bad(series, Map.of("from", "2025-01-01T00:00:00Z", "to", "2025-13-01"), "to"),
                new Bad(
                        series,
                        Map.of("from", "2025-01-02T00:00:00Z", "to", "2025-01-01T00:00:00Z"),
                        "to",
                        "after-from"),
                new Bad(
                        series,
                        Map.of("granularity", "hour", "from", "2025-01-01T00:00:00Z", "to", "2025-06-01T00:00:00Z"),
                        "to",
                        "max-range"),
                new Bad(
                        series,
                        Map.of(
                                "granularity",
                                "hour",
                                "from",
                                oldHours,
                                "to",
                                Instant.now().truncatedTo(ChronoUnit.HOURS).toString()),
                        "from",
                        "retention"),
                // day buckets in Berlin are summed from hourly buckets: beyond their retention, 400 on from and tz
                new Bad(
                        series,
                        Map.of(
                                "tz",
                                "Europe/Berlin",
                                "from",
                                oldDay,
                                "to",
                                LocalDate.now(ZoneOffset.UTC).toString()),
                        "from",
                        "retention"),
                new Bad(
                        series,
                        Map.of(
                                "tz",
                                "Europe/Berlin",
                                "from",
                                oldDay,
                                "to",
                                LocalDate.now(ZoneOffset.UTC).toString()),
                        "tz",
                        "retention"),
                new Bad(series, Map.of("tz", "Asia/Kolkata", "from", "2026-01-01", "to", "2026-01-02"), "tz", "grid"),
                new Bad(series, Map.of("tz", "Mars/Olympus", "from", "2026-01-01", "to", "2026-01-02"), "tz", "zone"),
                new Bad(series, Map.of("from", "2026-01-01", "to", "2026-01-02", "points", "all"), "points", "unknown"),
                // issue #21: a range off the bucket grid was snapped silently (ADR 0013: 400, rule grid)
                new Bad(
                        series,
                        Map.of("granularity", "hour", "from", "2025-01-01T01:40:00Z", "to", "2025-01-01T03:00:00Z"),
                        "from",
                        "grid"),
                new Bad(series, Map.of("from", "2025-01-01T00:00:00Z", "to", "2025-01-02T01:00:00Z"), "to", "grid"),
                new Bad(series, Map.of("from", "2025-01-01T00:00:00Z", "to", "-999999999-01-01T00:00:00Z"), "to"),
                new Bad(series, Map.of("from", "+999999999-12-31T23:59:59Z", "to", "2025-01-01T00:00:00Z"), "from"),
                new Bad(series, Map.of("to", "2025-01-01T00:00:00Z"), "from", "required"),
                new Bad("/v1/perfumes/audit", Map.of("asOf", "2025-01-01T00:30:00Z"), "asOf", "grid"),
                new Bad("/v1/perfumes/audit", Map.of("cursor", "x"), "cursor", "format"),
                new Bad("/v1/perfumes/audit", Map.of("limit", 1001), "limit", "range"));
        for (Bad bad : cases) {
            var response = given().queryParams(bad.query())
                    .get(bad.path())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.parameter", hasItem(bad.parameter()));
            if (bad.rule() != null) {
                response.body("errors.rule", hasItem(bad.rule()));
            }
        }
        given().queryParam("metric", "views")
                .queryParam("limit", 1, 2)
                .get(top)
                .then()
                .statusCode(400)
                .body("errors.parameter", hasItem("limit"))
                .body("errors.rule", hasItem("repeated"));
        given().queryParam("now", "soon")
                .post("/v1/jobs/hourly/runs")
                .then()
                .statusCode(400)
                .body("errors.parameter", hasItem("now"));
    }
}
