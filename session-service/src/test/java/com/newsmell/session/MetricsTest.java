package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.contract.UserInteractionEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics endpoints read the rollups, with exact figures, bots left out unless asked for. */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class MetricsTest {

    /** Hours no other test uses. */
    private static final Instant H =
            Instant.now().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS);

    private static final Instant H2 = H.plus(1, ChronoUnit.HOURS);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        List<UserInteractionEvent> events = new ArrayList<>();
        Scenarios.Ctx a = ctx("a", H.plusSeconds(600));
        events.add(a.ev(PAGE_VIEW, 0).userId("u1-" + RUN).build());
        events.add(a.ev(PERFUME_VIEW, 60).perfumeId("p1").build());
        events.add(a.ev(WISHLIST_ADD, 90).perfumeId("p1").build());
        Scenarios.Ctx b = ctx("b", H.plusSeconds(900));
        events.add(b.ev(PAGE_VIEW, 0).userId("u1-" + RUN).build());
        Scenarios.Ctx c = ctx("c", H.plusSeconds(1200));
        events.add(c.ev(PAGE_VIEW, 0).deviceType("mobile").build());
        events.add(
                c.ev(RATING_COMPLETED, 30).deviceType("mobile").perfumeId("p2").build());
        Scenarios.Ctx d = ctx("d", H.plusSeconds(1500));
        events.add(d.ev(PAGE_VIEW, 0).userId("bot-" + RUN).isBot(true).build());

        Scenarios.Ctx e = ctx("e", H2.plusSeconds(600));
        events.add(search(e, 0, "{\"searchId\":\"q1\",\"query\":\" Rose \",\"resultsCount\":10}")
                .userId("u2-" + RUN)
                .build());
        events.add(click(e, 2, "{\"searchId\":\"q1\",\"position\":0,\"perfumeId\":\"p1\"}"));
        events.add(e.ev(PERFUME_VIEW, 3)
                .path("/perfume/p1")
                .perfumeId("p1")
                .eventData(Scenarios.data("{\"viewDuration\":60000}"))
                .build());
        events.add(search(e, 10, "{\"searchId\":\"q2\",\"query\":\"rose\",\"resultsCount\":10}")
                .build());
        events.add(click(e, 14, "{\"searchId\":\"q2\",\"position\":2,\"perfumeId\":\"p3\"}"));
        events.add(search(e, 20, "{\"searchId\":\"q3\",\"query\":\"oud\",\"resultsCount\":0}")
                .build());
        events.add(search(
                        e,
                        30,
                        "{\"searchId\":\"q4\",\"query\":\"Oud\",\"resultsCount\":3,\"searchType\":\"refinement\",\"previousQuery\":\"oud\"}")
                .build());
        events.add(click(e, 40, "{\"searchId\":\"q4\",\"position\":0,\"perfumeId\":\"p5\"}"));
        Scenarios.Ctx f = ctx("f", H2.plusSeconds(900));
        events.add(search(f, 0, "{\"searchId\":\"q1\",\"query\":\"bot query\",\"resultsCount\":1}")
                .isBot(true)
                .build());

        Api.publish(events, false);
        for (Scenarios.Ctx s : List.of(a, b, c, d, e, f)) {
            Api.awaitStoredEvents(
                    s.sid(),
                    events.stream().filter(x -> x.sessionId().equals(s.sid())).count());
        }
        Api.closeIdleSessions();
        Api.rollup();
    }

    private static Scenarios.Ctx ctx(String name, Instant t0) {
        return new Scenarios.Ctx("m-" + name + "-" + RUN, t0);
    }

    private static UserInteractionEvent.Builder search(Scenarios.Ctx c, double at, String json) {
        return c.ev(SEARCH_PERFORMED, at).path("/search").eventData(Scenarios.data(json));
    }

    private static UserInteractionEvent click(Scenarios.Ctx c, double at, String json) {
        return c.ev(SEARCH_RESULT_CLICKED, at)
                .path("/search")
                .eventData(Scenarios.data(json))
                .build();
    }

    private static Map<String, Object> bucket(String query) {
        List<Map<String, Object>> buckets = given().get("/v1/sessions/metrics?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("buckets");
        assertThat(buckets).hasSize(1);
        return buckets.get(0);
    }

    @Test
    void sessionMetricsPerHourLeaveBotsOut() {
        Map<String, Object> hour = bucket("from=" + H + "&to=" + H2);
        assertThat(hour)
                .containsEntry("start", H.toString())
                .containsEntry("sessions", 3)
                .containsEntry("uniqueUsers", 1)
                .containsEntry("averageDuration", 40.0f)
                .containsEntry("bounceRate", 1 / 3f)
                .containsEntry("pagesPerSession", 4 / 3f)
                .containsEntry("wishlistConversionRate", 1 / 3f)
                .containsEntry("collectionConversionRate", 0f)
                .containsEntry("ratingConversionRate", 1 / 3f)
                .containsEntry("reviewConversionRate", 0f);
    }

    @Test
    void sessionMetricsByDeviceTypeAndWithBots() {
        assertThat(bucket("from=" + H + "&to=" + H2 + "&deviceType=desktop"))
                .containsEntry("sessions", 2)
                .containsEntry("uniqueUsers", 1)
                .containsEntry("averageDuration", 45.0f)
                .containsEntry("bounceRate", 0.5f)
                .containsEntry("pagesPerSession", 1.5f)
                .containsEntry("ratingConversionRate", 0f);
        assertThat(bucket("from=" + H + "&to=" + H2 + "&includeBots=true"))
                .containsEntry("sessions", 4)
                .containsEntry("uniqueUsers", 2)
                .containsEntry("averageDuration", 30.0f)
                .containsEntry("bounceRate", 0.5f)
                .containsEntry("pagesPerSession", 1.25f);
    }

    @Test
    void sessionMetricsPerDay() {
        Instant day = H.truncatedTo(ChronoUnit.DAYS);
        assertThat(bucket("granularity=day&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS)))
                .containsEntry("start", day.toString())
                .containsEntry("sessions", 4)
                .containsEntry("uniqueUsers", 2)
                .containsEntry("averageDuration", 40.0f)
                .containsEntry("bounceRate", 0.25f)
                .containsEntry("pagesPerSession", 1.25f)
                .containsEntry("wishlistConversionRate", 0.25f)
                .containsEntry("ratingConversionRate", 0.25f);
    }

    @Test
    void searchMetrics() {
        given().get("/v1/search/metrics?from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("searches", equalTo(4))
                .body("topQueries.query", equalTo(List.of("oud", "rose")))
                .body("topQueries.searches", equalTo(List.of(2, 2)))
                .body("topNoResultQueries.query", equalTo(List.of("oud")))
                .body("topNoResultQueries.searches", equalTo(List.of(1)))
                .body("clickThroughRate", equalTo(0.75f))
                .body("timeToFirstClick.median", equalTo(4000))
                .body("timeToFirstClick.p90", equalTo(10000))
                .body("refinementRate", equalTo(0.25f))
                .body("abandonmentRate", equalTo(0.25f))
                .body("foundDesiredRate", equalTo(0.25f))
                .body("clickPositions.position", equalTo(List.of(0, 2)))
                .body("clickPositions.clicks", equalTo(List.of(2, 1)));
        given().get("/v1/search/metrics?includeBots=true&from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("searches", equalTo(5))
                .body("topQueries.query", equalTo(List.of("oud", "rose", "bot query")));
    }

    @Test
    void badParametersAreProblems() {
        Map<String, String> bad = Map.of(
                "to=" + H2, "from",
                "from=" + H + "&to=" + H2 + "&granularity=week", "granularity",
                "from=yesterday&to=" + H2, "from",
                "from=" + H2 + "&to=" + H, "to",
                "from=" + H + "&to=" + H2 + "&includeBots=yes", "includeBots");
        bad.forEach((query, parameter) -> given().get("/v1/sessions/metrics?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter)));
        given().get("/v1/search/metrics?from=" + H).then().statusCode(400).body("errors[0].parameter", equalTo("to"));
        given().get("/v1/search/queries").then().statusCode(400).body("errors[0].parameter", equalTo("sessionId"));
        given().get("/v1/sessions?limit=1001").then().statusCode(400).body("errors[0].parameter", equalTo("limit"));
        given().get("/v1/sessions?cursor=nope").then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void sessionsOfAUserArePagedByKeyset() {
        var first = given().get("/v1/sessions?userId=u1-" + RUN + "&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items.sessionId")).containsExactly("m-a-" + RUN);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotNull();
        var second = given().get("/v1/sessions?userId=u1-" + RUN + "&limit=1&cursor=" + cursor)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(second.getList("items.sessionId")).containsExactly("m-b-" + RUN);
        assertThat(second.getString("nextCursor")).isNull();
        given().get("/v1/sessions?userId=u1-" + RUN + "&from=" + H.plusSeconds(700) + "&to=" + H2)
                .then()
                .body("items.sessionId", equalTo(List.of("m-b-" + RUN)));
        given().get("/v1/search/queries?userId=u2-" + RUN + "&limit=3")
                .then()
                .statusCode(200)
                .body("items.searchId", equalTo(List.of("q1", "q2", "q3")))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }
}
