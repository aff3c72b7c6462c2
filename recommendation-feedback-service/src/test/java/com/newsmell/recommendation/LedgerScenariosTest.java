package com.newsmell.recommendation;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.PURCHASE_COMPLETED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.recommendation.RecommendationEvents.clicked;
import static com.newsmell.recommendation.RecommendationEvents.conversion;
import static com.newsmell.recommendation.RecommendationEvents.data;
import static com.newsmell.recommendation.RecommendationEvents.feedback;
import static com.newsmell.recommendation.RecommendationEvents.rating;
import static com.newsmell.recommendation.RecommendationEvents.shown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #13's exact scenarios against the real broker and PostgreSQL, read back through the API: each scenario has
 * its own viewers, perfumes and day, so attribution (which looks at every impression of a perfume) sees only its own.
 */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class LedgerScenariosTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WINDOW = Duration.ofDays(7);

    /** Fresh ids for one scenario. */
    record Ids(String rec, String rec2, String perfume, String user, String session, String session2) {
        static Ids fresh() {
            String run = UUID.randomUUID().toString();
            return new Ids("r-" + run, "r2-" + run, "p-" + run, "u-" + run, "s-" + run, "s2-" + run);
        }
    }

    @Test
    void anImpressionClickedAndWishlistedWithinTheWindow() {
        Ids x = Ids.fresh();
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        WireEvents.publish(List.of(
                shown(x.session(), x.rec(), x.perfume(), t, 1).userId(x.user()).build(),
                clicked(x.session(), x.rec(), x.perfume(), t.plusSeconds(20))
                        .userId(x.user())
                        .build(),
                conversion(PERFUME_VIEW, x.session(), x.perfume(), t.plusSeconds(25))
                        .userId(x.user())
                        .recommendationId(x.rec())
                        .build(),
                conversion(WISHLIST_ADD, x.session2(), x.perfume(), t.plus(DAY.multipliedBy(2)))
                        .userId(x.user())
                        .build(),
                rating(x.session2(), x.perfume(), t.plus(DAY.multipliedBy(3)), 4)
                        .userId(x.user())
                        .build()));

        await().atMost(WAIT)
                .untilAsserted(() -> item(x.rec(), 0)
                        .body("userId", equalTo(x.user()))
                        .body("identity", equalTo("user"))
                        .body("clicked", equalTo(true))
                        .body("clickTime", equalTo(JsonConvention.format(t.plusSeconds(20))))
                        .body("timeToClickMs", equalTo(20000))
                        .body("viewed", equalTo(true))
                        .body("addedToWishlist", equalTo(true))
                        .body("rated", equalTo(true))
                        .body("ratingValue", equalTo(4.0f))
                        .body("addedToCollection", equalTo(false))
                        .body("purchased", equalTo(false))
                        .body("firstInteractionTime", equalTo(JsonConvention.format(t.plusSeconds(20)))));
    }

    @Test
    void aConversionAfterTheWindowOrBeforeTheImpressionIsNotAttributed() {
        Ids x = Ids.fresh();
        Instant t = Instant.parse("2026-01-06T10:00:00Z");
        WireEvents.publish(List.of(
                conversion(COLLECTION_ADD, x.session(), x.perfume(), t.minusSeconds(3600))
                        .userId(x.user())
                        .build(),
                shown(x.session(), x.rec(), x.perfume(), t, 0).userId(x.user()).build(),
                conversion(
                                WISHLIST_ADD,
                                x.session2(),
                                x.perfume(),
                                t.plus(WINDOW).plusSeconds(1))
                        .userId(x.user())
                        .build(),
                conversion(
                                PURCHASE_COMPLETED,
                                x.session2(),
                                x.perfume(),
                                t.plus(WINDOW).plus(DAY))
                        .userId(x.user())
                        .recommendationId(x.rec())
                        .build(),
                // the marker: a view inside the window, published last
                conversion(PERFUME_VIEW, x.session2(), x.perfume(), t.plus(DAY))
                        .userId(x.user())
                        .build()));

        await().atMost(WAIT).untilAsserted(() -> item(x.rec(), 0).body("viewed", equalTo(true)));
        item(x.rec(), 0)
                .body("addedToWishlist", equalTo(false))
                .body("purchased", equalTo(false))
                .body("addedToCollection", equalTo(false));
        assertThat(Sql.count(
                        FeedbackTestResource.DATABASE,
                        "select count(*) from recommendation_conversion where perfume_id = ?",
                        x.perfume()))
                .as("the facts are kept; only the credit is withheld")
                .isEqualTo(4);
    }

    @Test
    void twoImpressionsOfOnePerfumeLastTouchWins() {
        Ids x = Ids.fresh();
        Instant t = Instant.parse("2026-01-07T10:00:00Z");
        WireEvents.publish(List.of(
                shown(x.session(), x.rec(), x.perfume(), t, 0).userId(x.user()).build(),
                shown(x.session2(), x.rec2(), x.perfume(), t.plus(DAY), 3)
                        .userId(x.user())
                        .build(),
                conversion(WISHLIST_ADD, x.session2(), x.perfume(), t.plus(DAY.multipliedBy(2)))
                        .userId(x.user())
                        .build()));

        await().atMost(WAIT).untilAsserted(() -> item(x.rec2(), 0).body("addedToWishlist", equalTo(true)));
        item(x.rec(), 0).body("addedToWishlist", equalTo(false));
    }

    @Test
    void thumbsDownThenHide() {
        Ids x = Ids.fresh();
        Instant t = Instant.parse("2026-01-08T10:00:00Z");
        WireEvents.publish(List.of(
                shown(x.session(), x.rec(), x.perfume(), t, 2).userId(x.user()).build(),
                feedback(x.session(), x.rec(), x.perfume(), t.plusSeconds(5), "thumbsDown")
                        .userId(x.user())
                        .build(),
                feedback(x.session(), x.rec(), x.perfume(), t.plusSeconds(9), "hidPerfume")
                        .userId(x.user())
                        .build()));

        await().atMost(WAIT)
                .untilAsserted(() -> item(x.rec(), 0)
                        .body("thumbsDown", equalTo(true))
                        .body("hidPerfume", equalTo(true))
                        .body("thumbsUp", equalTo(false))
                        .body("reportedIrrelevant", equalTo(false))
                        .body("firstInteractionTime", equalTo(JsonConvention.format(t.plusSeconds(5)))));

        WireEvents.publish(List.of(feedback(
                        x.session(),
                        x.rec(),
                        x.perfume(),
                        t.plusSeconds(12),
                        "reportedIrrelevant",
                        "reportReason=not_my_taste")
                .userId(x.user())
                .build()));
        await().atMost(WAIT)
                .untilAsserted(() -> item(x.rec(), 0)
                        .body("reportedIrrelevant", equalTo(true))
                        .body("reportReason", equalTo("not_my_taste"))
                        .body("thumbsDown", equalTo(true))
                        .body("hidPerfume", equalTo(true)));
    }

    @Test
    void aClickAndAConversionBeforeTheirImpression() {
        Ids x = Ids.fresh();
        Instant t = Instant.parse("2026-01-09T10:00:00Z");
        WireEvents.publish(List.of(
                conversion(WISHLIST_ADD, x.session(), x.perfume(), t.plusSeconds(40))
                        .userId(x.user())
                        .build(),
                clicked(x.session(), x.rec(), x.perfume(), t.plusSeconds(10))
                        .userId(x.user())
                        .build()));
        await().atMost(WAIT)
                .untilAsserted(() -> item(x.rec(), 0)
                        .body("clicked", equalTo(true))
                        .body("$", not(hasKey("impressionTime")))
                        .body("addedToWishlist", equalTo(false)));

        WireEvents.publish(List.of(shown(x.session(), x.rec(), x.perfume(), t, 4)
                .userId(x.user())
                .eventData(data("hybrid", "search", 4, 0.5, 0.75))
                .build()));
        await().atMost(WAIT)
                .untilAsserted(() -> item(x.rec(), 0)
                        .body("impressionTime", equalTo(JsonConvention.format(t)))
                        .body("position", equalTo(4))
                        .body("source", equalTo("search"))
                        .body("timeToClickMs", equalTo(10000))
                        .body("addedToWishlist", equalTo(true)));
    }

    @Test
    void anAnonymousViewerWhoLogsIn() {
        Ids x = Ids.fresh();
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        WireEvents.publish(List.of(
                shown(x.session(), x.rec(), x.perfume(), t, 0).build(),
                clicked(x.session(), x.rec(), x.perfume(), t.plusSeconds(5)).build()));
        await().atMost(WAIT)
                .untilAsserted(() -> item(x.rec(), 0)
                        .body("identity", equalTo("anonymous"))
                        .body("anonymousId", equalTo(x.session()))
                        .body("$", not(hasKey("userId")))
                        .body("clicked", equalTo(true)));

        // the session logs in, then the user adds the perfume to the collection from another device
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, x.session(), t.plusSeconds(60))
                        .userId(x.user())
                        .build(),
                conversion(COLLECTION_ADD, x.session2(), x.perfume(), t.plus(DAY))
                        .userId(x.user())
                        .build()));
        await().atMost(WAIT)
                .untilAsserted(() -> item(x.rec(), 0)
                        .body("identity", equalTo("user"))
                        .body("userId", equalTo(x.user()))
                        .body("anonymousId", equalTo(x.session()))
                        .body("addedToCollection", equalTo(true)));
        assertThat(Sql.count(
                        FeedbackTestResource.DATABASE,
                        "select count(*) from recommendation_feedback where recommendation_id = ? and user_id is null",
                        x.rec()))
                .as("the row keeps its own facts; the user comes from the session's stitch")
                .isEqualTo(1);
    }

    @Test
    void replayIntoAnEmptyLedgerInAnyOrderGivesTheSameRowsAndRedeliveryChangesNothing() {
        String run = UUID.randomUUID().toString();
        String algorithm = "replay-" + run;
        Instant t = Instant.parse("2026-01-12T08:00:00Z");
        List<UserInteractionEvent> events = new ArrayList<>();
        List<String> recs = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (int v = 0; v < 6; v++) {
            String session = "s-" + v + "-" + run;
            String user = v % 3 == 0 ? null : "u-" + v + "-" + run;
            sessions.add(session);
            for (int l = 0; l < 2; l++) {
                String rec = "r-" + v + "-" + l + "-" + run;
                recs.add(rec);
                Instant shownAt = t.plus(Duration.ofHours(v * 3L + l * 30L));
                for (int k = 0; k < 3; k++) {
                    String perfume = "p-" + ((v + k) % 4) + "-" + run;
                    var d = data(algorithm, k == 0 ? "homepage" : "search", k, 0.9 - 0.1 * k, 0.5);
                    events.add(shown(session, rec, perfume, shownAt.plusSeconds(k), k)
                            .userId(user)
                            .eventData(d)
                            .build());
                    if ((v + k + l) % 2 == 0) {
                        events.add(clicked(session, rec, perfume, shownAt.plusSeconds(30 + k))
                                .userId(user)
                                .build());
                    }
                    if ((v + k) % 3 == 1) {
                        events.add(conversion(WISHLIST_ADD, session, perfume, shownAt.plus(Duration.ofHours(2 + k)))
                                .userId(user)
                                .build());
                    }
                    if ((v * k + l) % 4 == 3) {
                        events.add(feedback(session, rec, perfume, shownAt.plusSeconds(90), "thumbsDown", "hidPerfume")
                                .userId(user)
                                .build());
                    }
                }
            }
            if (user == null) {
                events.add(WireEvents.event(PAGE_VIEW, session, t.plus(Duration.ofDays(2)))
                        .userId("late-login-" + v + "-" + run)
                        .build());
            }
        }
        WireEvents.publish(events);
        String metrics = "/v1/recommendations/metrics?from=2026-01-12&to=2026-01-16&algorithm=" + algorithm;
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(snapshot(recs, metrics)).contains("\"impressions\":36"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(snapshot(recs, metrics))
                        .isEqualTo(snapshot(recs, metrics))
                        .contains("late-login"));
        String first = snapshot(recs, metrics);

        // an empty ledger for these events (their rows, facts, stitches and claims), then the reverse order
        String rows = "recommendation_id like '%-" + run + "'";
        Sql.query(FeedbackTestResource.DATABASE, "delete from recommendation_feedback where " + rows);
        Sql.query(
                FeedbackTestResource.DATABASE,
                "delete from recommendation_conversion where perfume_id like '%-" + run + "'");
        Sql.query(FeedbackTestResource.DATABASE, "delete from viewer_session where session_id like '%-" + run + "'");
        for (UserInteractionEvent e : events) {
            Sql.query(
                    FeedbackTestResource.DATABASE,
                    "delete from processed_event where event_id = cast(? as uuid)",
                    e.eventId());
        }
        assertThat(Sql.count(
                        FeedbackTestResource.DATABASE, "select count(*) from recommendation_feedback where " + rows))
                .isZero();
        List<UserInteractionEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        WireEvents.publish(reversed);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(snapshot(recs, metrics)).isEqualTo(first));

        // redelivery of everything: nothing changes twice
        WireEvents.publish(events);
        WireEvents.publish(List.of(shown(sessions.get(1), "marker-" + run, "p-marker-" + run, t, 0)
                .userId("u-1-" + run)
                .build()));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/recommendations/marker-" + run + "/feedback")
                        .then()
                        .statusCode(200));
        assertThat(snapshot(recs, metrics)).isEqualTo(first);
    }

    @Test
    void theDailyJobWritesProvisionalDaysThatALateEventReopens() {
        Ids x = Ids.fresh();
        String algorithm = "daily-" + x.rec();
        Instant d = Instant.parse("2026-02-02T09:00:00Z");
        WireEvents.publish(List.of(
                shown(x.session(), x.rec(), x.perfume(), d, 0)
                        .userId(x.user())
                        .eventData(data(algorithm, "email", 0, null, null))
                        .build(),
                shown(x.session(), x.rec(), x.perfume() + "-b", d, 1)
                        .userId(x.user())
                        .eventData(data(algorithm, "email", 1, null, null))
                        .build(),
                clicked(x.session(), x.rec(), x.perfume(), d.plusSeconds(8))
                        .userId(x.user())
                        .build()));
        String daily = "/v1/recommendations/metrics/daily?from=2026-02-02&to=2026-02-03&algorithm=" + algorithm;
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/recommendations/" + x.rec() + "/feedback")
                        .then()
                        .statusCode(200)
                        .body("items[0].clicked", equalTo(true))
                        .body("items[1].position", equalTo(1)));

        runJob("daily-metrics", Instant.parse("2026-02-03T04:00:00Z"));
        given().get(daily)
                .then()
                .statusCode(200)
                .body("days[0].day", equalTo("2026-02-02"))
                .body("days[0].provisional", equalTo(true))
                .body("days[0].revision", equalTo(1))
                .body("days[0].cells[0].position", equalTo(0))
                .body("days[0].cells[0].impressions", equalTo(1))
                .body("days[0].cells[0].clicks", equalTo(1))
                .body("days[0].cells[0].meanTimeToClickMs", equalTo(8000.0f))
                .body("days[0].cells[1].position", equalTo(1))
                .body("days[0].cells[1].clicks", equalTo(0));

        runJob("daily-metrics", Instant.parse("2026-02-10T04:00:00Z"));
        given().get(daily)
                .then()
                .body("days[0].provisional", equalTo(false))
                .body("days[0].revision", equalTo(1))
                .body("days[0].cells[0].wishlistAdds", equalTo(0));

        // a late event (a wishlist add within the window, arriving after the day was final) re-opens the day
        WireEvents.publish(List.of(conversion(WISHLIST_ADD, x.session2(), x.perfume(), d.plus(DAY.multipliedBy(3)))
                .userId(x.user())
                .build()));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.count(
                                FeedbackTestResource.DATABASE,
                                "select count(*) from recommendation_dirty_day where day = date '2026-02-02'"))
                        .isEqualTo(1));
        runJob("daily-metrics", Instant.parse("2026-02-11T04:00:00Z"));
        given().get(daily)
                .then()
                .body("days[0].provisional", equalTo(false))
                .body("days[0].revision", equalTo(2))
                .body("days[0].cells[0].wishlistAdds", equalTo(1))
                .body("days[0].cells[0].wishlistRate", equalTo(1.0f));

        // real time: the same figures by position, and the weekly report of the week from Sunday 2026-02-01
        given().get("/v1/recommendations/metrics?from=2026-02-02&to=2026-02-03&groupBy=position&algorithm=" + algorithm)
                .then()
                .statusCode(200)
                .body("breakdown.dimension", equalTo("position"))
                .body("breakdown.items[0].value", equalTo("0"))
                .body("breakdown.items[0].totals.wishlistAdds", equalTo(1))
                .body("totals.impressions", equalTo(2))
                .body("totals.clickThroughRate", equalTo(0.5f))
                .body("totals.coverage", equalTo(2));
        runJob("weekly-report", Instant.parse("2026-02-08T02:00:00Z"));
        JsonPath report = given().get("/v1/recommendations/reports/weekly?week=2026-02-01")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> mine = report.getMap("algorithms.find { it.algorithm == '" + algorithm + "' }");
        assertThat(mine).isNotNull();
        assertThat(report.getInt("algorithms.find { it.algorithm == '" + algorithm + "' }.week.impressions"))
                .isEqualTo(2);
        assertThat(report.getInt("algorithms.find { it.algorithm == '" + algorithm + "' }.previousWeek.impressions"))
                .isZero();
        given().get("/v1/recommendations/reports/weekly?week=2026-02-02").then().statusCode(400);
    }

    @Test
    void compareTrainingDataPositionBiasAndTheirParameters() {
        Ids x = Ids.fresh();
        String a = "cmp-a-" + x.rec();
        String b = "cmp-b-" + x.rec();
        Instant t = Instant.parse("2026-01-20T12:00:00Z");
        WireEvents.publish(List.of(
                shown(x.session(), x.rec(), x.perfume(), t, 0)
                        .userId(x.user())
                        .eventData(data(a, "homepage", 0, null, null))
                        .build(),
                shown(x.session(), x.rec2(), x.perfume(), t.plusSeconds(1), 0)
                        .userId(x.user())
                        .eventData(data(b, "homepage", 0, null, null))
                        .build()));
        await().atMost(WAIT).untilAsserted(() -> item(x.rec2(), 0).body("algorithm", equalTo(b)));

        String window = "&from=2026-01-20&to=2026-01-21";
        given().get("/v1/recommendations/compare?a=" + a + "&b=" + b + "&metric=ctr" + window)
                .then()
                .statusCode(200)
                .body("verdict", equalTo("insufficient-data"))
                .body("a.impressions", equalTo(1))
                .body("b.impressions", equalTo(1))
                .body("zTest.assumption", org.hamcrest.Matchers.containsString("independent impressions"))
                .body("winner", nullValue());
        QueryProblems.http("/v1/recommendations/compare?a=x&b=y&metric=clicks" + window, "metric", "enum");
        QueryProblems.http("/v1/recommendations/compare?a=x&b=y&from=2026-01-21&to=2026-01-20", "to", "after-from");
        QueryProblems.http("/v1/recommendations/compare?a=x&b=y&from=2025-01-01&to=2026-02-06", "to", "max-range");
        QueryProblems.http("/v1/recommendations/metrics?from=2025-01-01&to=2026-02-06", "to", "max-range");
        QueryProblems.http("/v1/recommendations/metrics?from=2026-01-01&to=2026-01-02&groupBy=week", "groupBy", "enum");

        given().get("/v1/recommendations/position-bias?from=2026-01-20&to=2026-01-21")
                .then()
                .statusCode(200)
                .body("sources.find { it.source == 'homepage' }.positions[0].position", equalTo(0))
                .body("algorithms.find { it.algorithm == '" + a + "' }.impressions", equalTo(1));

        List<Integer> versions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var response = given().get("/v1/recommendations/training-data?from=2026-01-20&to=2026-01-21")
                    .then()
                    .statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("application/x-ndjson"))
                    .extract();
            versions.add(Integer.parseInt(response.header("X-Export-Version")));
            String body = response.asString();
            assertThat(body).doesNotContain(x.user()).contains(x.rec()).contains("\"clicked\":false");
            assertThat(body.lines().count()).isEqualTo(Long.parseLong(response.header("X-Export-Rows")));
        }
        given().get("/v1/recommendations/training-data/exports")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(versions.get(3), versions.get(2), versions.get(1)));
        given().get("/v1/recommendations/training-data/exports/" + versions.get(0))
                .then()
                .statusCode(404);
        given().get("/v1/recommendations/training-data/exports/" + versions.get(3))
                .then()
                .statusCode(200);
        QueryProblems.http("/v1/recommendations/training-data?from=2026-01-21&to=2026-01-20", "to", "after-from");
    }

    private static io.restassured.response.ValidatableResponse item(String rec, int index) {
        return given().get("/v1/recommendations/" + rec + "/feedback")
                .then()
                .statusCode(200)
                .rootPath("items[" + index + "]");
    }

    private static String snapshot(List<String> recs, String metrics) {
        StringBuilder out = new StringBuilder();
        for (String rec : recs) {
            out.append(given().get("/v1/recommendations/" + rec + "/feedback")
                            .then()
                            .extract()
                            .asString())
                    .append('\n');
        }
        String m = given().get(metrics).then().statusCode(200).extract().asString();
        // asOf is the time of the request
        return out.append(m.replaceAll("\"asOf\":\"[^\"]*\"", "")).toString();
    }

    private static void runJob(String job, Instant now) {
        given().queryParam("now", now.toString())
                .post("/v1/jobs/" + job + "/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
    }
}
