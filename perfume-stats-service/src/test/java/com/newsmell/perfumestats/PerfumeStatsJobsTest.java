package com.newsmell.perfumestats;

import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.perfumestats.Events.perfume;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
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
            assertThat(report.get("asOf")).isEqualTo(now.toString());
            assertThat(Api.mismatches(
                            Api.stats(p), Map.of("viewsLast7Days", 2, "viewsLast30Days", 4, "asOf", now.toString())))
                    .isEmpty();
        }
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
                .body("asOf", equalTo(now.toString()))
                .extract()
                .jsonPath()
                .getList("items.perfumeId");
        assertThat(ranked).containsExactly(burst, flat, quiet);
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
        given().get("/q/metrics")
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
    void topRanksByTheMetricAndHonoursMinRatings() {
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
        given().queryParam("metric", "views")
                .queryParam("limit", 1)
                .get("/v1/perfumes/top")
                .then()
                .statusCode(200)
                .body("items[0].perfumeId", equalTo(best));
        Sql.query(DB, "delete from perfume_interaction_stats where perfume_id in (?, ?)", best, fewRatings);
    }

    @Test
    void timeseriesPerHourAndPerDay() {
        String p = perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        Events.publish(
                u.view(p, day.plus(Duration.ofHours(1))),
                u.view(p, day.plus(Duration.ofMinutes(90))),
                u.view(p, day.plus(Duration.ofHours(3))),
                u.simple(WISHLIST_ADD, p, day.plus(Duration.ofHours(3))),
                u.view(p, day.plus(Duration.ofHours(30))));
        Api.awaitStats(p, Map.of("totalViews", 4, "inWishlistCount", 1));

        given().queryParam("metric", "views")
                .queryParam("granularity", "hour")
                .queryParam("from", day.toString())
                .queryParam("to", day.plus(Duration.ofHours(4)).toString())
                .get("/v1/perfumes/" + p + "/timeseries")
                .then()
                .statusCode(200)
                .body("points.value", equalTo(List.of(0, 2, 0, 1)))
                .body("points[1].at", equalTo(day.plus(Duration.ofHours(1)).toString()));
        given().queryParam("metric", "views")
                .queryParam("granularity", "day")
                .queryParam("from", day.toString())
                .queryParam("to", day.plus(Duration.ofDays(2)).toString())
                .get("/v1/perfumes/" + p + "/timeseries")
                .then()
                .statusCode(200)
                .body("points.value", equalTo(List.of(3, 1)));
        given().queryParam("metric", "wishlistAdds")
                .queryParam("granularity", "day")
                .queryParam("from", day.toString())
                .queryParam("to", day.plus(Duration.ofDays(1)).toString())
                .get("/v1/perfumes/" + p + "/timeseries")
                .then()
                .statusCode(200)
                .body("points.value", equalTo(List.of(1)));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        record Bad(String path, Map<String, Object> query, String parameter) {}
        List<Bad> cases = List.of(
                new Bad("/v1/perfumes/top", Map.of(), "metric"),
                new Bad("/v1/perfumes/top", Map.of("metric", "likes"), "metric"),
                new Bad("/v1/perfumes/top", Map.of("metric", "views", "limit", 0), "limit"),
                new Bad("/v1/perfumes/top", Map.of("metric", "views", "limit", "ten"), "limit"),
                new Bad("/v1/perfumes/top", Map.of("metric", "views", "minRatings", -1), "minRatings"),
                new Bad("/v1/perfumes/trending", Map.of("limit", 101), "limit"),
                new Bad("/v1/perfumes/p/timeseries", Map.of("metric", "clicks"), "metric"),
                new Bad("/v1/perfumes/p/timeseries", Map.of("granularity", "week"), "granularity"),
                new Bad("/v1/perfumes/p/timeseries", Map.of("from", "yesterday"), "from"),
                new Bad("/v1/perfumes/p/timeseries", Map.of("to", "2025-13-01"), "to"),
                new Bad(
                        "/v1/perfumes/p/timeseries",
                        Map.of("from", "2025-01-02T00:00:00Z", "to", "2025-01-01T00:00:00Z"),
                        "from"),
                new Bad(
                        "/v1/perfumes/p/timeseries",
                        Map.of("granularity", "hour", "from", "2025-01-01T00:00:00Z", "to", "2025-03-01T00:00:00Z"),
                        "from"));
        for (Bad bad : cases) {
            given().queryParams(bad.query())
                    .get(bad.path())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.parameter", hasItem(bad.parameter()));
        }
        given().queryParam("now", "soon")
                .post("/v1/jobs/hourly/runs")
                .then()
                .statusCode(400)
                .body("errors.parameter", hasItem("now"));
    }
}
