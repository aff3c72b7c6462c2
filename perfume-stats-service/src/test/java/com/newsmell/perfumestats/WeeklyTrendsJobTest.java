package com.newsmell.perfumestats;

import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.perfumestats.Events.bot;
import static com.newsmell.perfumestats.Events.perfume;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: the weekly trend analysis (seed: trendAnalysis "Sunday at midnight") run through the job runner's API
 * for two consecutive weeks, against the real broker and PostgreSQL: exact counts and growths per week, the week's
 * boundaries, and a re-run of a week that changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class WeeklyTrendsJobTest {

    private static final String DB = PerfumeStatsTestResource.DATABASE;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void twoConsecutiveWeeksHaveExactGrowthsLateEventsAreTakenAndARerunChangesNothing() {
        // three whole weeks A, B, C (Sunday 00:00 to Sunday 00:00 UTC), all in the past: w1 ends B, w2 ends C
        Instant w2 = PerfumeFeaturesResourceTest.lastWeekEnd().minus(WEEK);
        Instant w1 = w2.minus(WEEK);
        Instant a = w1.minus(WEEK).minus(WEEK);
        Instant b = w1.minus(WEEK);
        String p = perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        List<UserInteractionEvent> events = new ArrayList<>();
        events.add(u.view(p, a.minusMillis(1))); // the week before A: 1 view
        // A: 4 views, no wishlist add
        for (Instant t : List.of(a, a.plus(DAY), a.plus(DAY.multipliedBy(4)), b.minusMillis(1))) {
            events.add(u.view(p, t));
        }
        // B: 6 views, 2 wishlist adds
        for (Instant t : List.of(
                b,
                b.plus(DAY),
                b.plus(DAY.multipliedBy(2)),
                b.plus(DAY.multipliedBy(4)),
                w1.minus(DAY),
                w1.minusMillis(1))) {
            events.add(u.view(p, t));
        }
        events.add(new Events("v-" + UUID.randomUUID()).simple(WISHLIST_ADD, p, b.plus(DAY.multipliedBy(3))));
        events.add(new Events("v-" + UUID.randomUUID()).simple(WISHLIST_ADD, p, w1.minusMillis(2)));
        // C: 3 views, 3 wishlist adds; a bot's view and wishlist add count nowhere
        for (Instant t : List.of(w1, w1.plus(DAY.multipliedBy(2)), w2.minusMillis(1))) {
            events.add(u.view(p, t));
        }
        for (int i = 0; i < 3; i++) {
            events.add(new Events("x-" + UUID.randomUUID()).simple(WISHLIST_ADD, p, w1.plus(DAY.multipliedBy(i + 1))));
        }
        events.add(bot(u.view(p, w1.plus(DAY))));
        events.add(bot(new Events("bot-" + UUID.randomUUID()).simple(WISHLIST_ADD, p, w1.plus(DAY))));
        events.add(u.view(p, w2)); // after C
        Events.publish(events.toArray(UserInteractionEvent[]::new));
        Api.awaitStats(p, Map.of("totalViews", 15, "inWishlistCount", 5));

        // the run of week B, late on its Sunday: the clock is truncated to the week that ended before it; the week
        // before (A) is analysed again too
        Map<String, Object> first = Api.runWeeklyTrends(w1.plus(Duration.ofHours(5)));
        assertThat(first.get("asOf")).isEqualTo(Api.ms(w1));
        assertThat(((Number) first.get("rowsProcessed")).longValue()).isPositive();
        Map<?, ?> detail = (Map<?, ?>) first.get("detail");
        assertThat(detail.get("weekStart")).isEqualTo(Api.ms(b));
        assertThat(detail.get("revisitedWeekStart")).isEqualTo(Api.ms(a));
        Row weekA = new Row(a, 4, 1, 3.0, 0, 0, 0.0); // (4 − 1) / 1; no adds in either week: 0
        assertThat(rows(p)).containsExactly(weekA, new Row(b, 6, 4, 0.5, 2, 0, 2.0)); // (6 − 4) / 4; (2 − 0) / 1

        // a view of week B sent late, arriving during week C: the next run analyses B again and takes it
        Events.publish(u.view(p, b.plus(DAY.multipliedBy(3)).plus(Duration.ofHours(1))));
        Api.awaitStats(p, Map.of("totalViews", 16));

        // the run of week C, at Sunday midnight exactly
        Map<String, Object> second = Api.runWeeklyTrends(w2);
        assertThat(second.get("asOf")).isEqualTo(Api.ms(w2));
        Row weekB = new Row(b, 7, 4, 0.75, 2, 0, 2.0); // (7 − 4) / 4
        Row weekC = new Row(w1, 3, 7, -4.0 / 7, 3, 2, 0.5); // (3 − 7) / 7; (3 − 2) / 2
        assertThat(rows(p)).containsExactly(weekA, weekB, weekC);
        Api.awaitFeatures(
                p,
                Map.of(
                        "viewGrowth", -4.0 / 7,
                        "wishlistGrowth", 0.5,
                        "growthWeekStart", w1,
                        "weekViews", 3,
                        "previousWeekViews", 7,
                        "weekWishlistAdds", 3,
                        "previousWeekWishlistAdds", 2));

        // idempotent: the run of week C again (a clock in the middle of the next week) gives the same rows, not
        // even rewritten
        List<Instant> computedAt = computedAt(p);
        Map<String, Object> again = Api.runWeeklyTrends(w2.plus(DAY.multipliedBy(3)));
        assertThat(again.get("asOf")).isEqualTo(Api.ms(w2));
        assertThat(rows(p)).containsExactly(weekA, weekB, weekC);
        assertThat(computedAt(p)).isEqualTo(computedAt);
    }

    /** ADR 0011: the job is on the runner, with the seed's Sunday-midnight cron and every missed week caught up. */
    @Test
    void theJobIsListedWithItsCronAndCatchUp() {
        var jobs = given().get("/v1/jobs").then().statusCode(200).extract().jsonPath();
        assertThat(jobs.getString("jobs.find { it.name == 'weekly-trends' }.cron"))
                .isEqualTo("0 0 0 ? * SUN");
        assertThat(jobs.getString("jobs.find { it.name == 'weekly-trends' }.catchUp"))
                .isEqualTo("every-period");
        assertThat(jobs.getString("jobs.find { it.name == 'reconcile' }.cron")).isEqualTo("0 0 3 * * ?");
    }

    /** One stored week of a perfume. */
    record Row(
            Instant weekStart,
            long views,
            long previousViews,
            double viewGrowth,
            long wishlistAdds,
            long previousWishlistAdds,
            double wishlistGrowth) {}

    private static List<Row> rows(String perfumeId) {
        return Sql.query(
                        DB,
                        "select week_start, views, previous_views, view_growth, wishlist_adds,"
                                + " previous_wishlist_adds, wishlist_growth from perfume_weekly_trend"
                                + " where perfume_id = ? order by week_start",
                        perfumeId)
                .stream()
                .map(r -> new Row(
                        instant(r.get("week_start")),
                        ((Number) r.get("views")).longValue(),
                        ((Number) r.get("previous_views")).longValue(),
                        ((Number) r.get("view_growth")).doubleValue(),
                        ((Number) r.get("wishlist_adds")).longValue(),
                        ((Number) r.get("previous_wishlist_adds")).longValue(),
                        ((Number) r.get("wishlist_growth")).doubleValue()))
                .toList();
    }

    private static List<Instant> computedAt(String perfumeId) {
        return Sql.query(
                        DB,
                        "select computed_at from perfume_weekly_trend where perfume_id = ? order by week_start",
                        perfumeId)
                .stream()
                .map(r -> instant(r.get("computed_at")))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) value).toInstant();
    }
}
