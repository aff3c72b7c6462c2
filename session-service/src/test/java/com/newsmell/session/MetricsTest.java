package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_REFINED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Infra;
import com.newsmell.session.search.SearchFilter;
import com.newsmell.session.search.SearchQueryRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
    private static Instant rolledUpAfter;

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
        events.add(e.ev(SEARCH_REFINED, 50)
                .path("/search")
                .eventData(Scenarios.data("{\"searchId\":\"q5\",\"query\":\"oud noir\",\"resultsCount\":2}"))
                .build());
        Scenarios.Ctx f = ctx("f", H2.plusSeconds(900));
        events.add(search(f, 0, "{\"searchId\":\"q1\",\"query\":\"bot query\",\"resultsCount\":1}")
                .isBot(true)
                .build());

        Scenarios.Ctx g = ctx("g", H2.plusSeconds(1200));
        events.add(g.ev(PAGE_VIEW, 0).userId("u1-" + RUN).build());

        Api.publish(events, false);
        for (Scenarios.Ctx s : List.of(a, b, c, d, e, f, g)) {
            Api.awaitStoredEvents(
                    s.sid(),
                    events.stream().filter(x -> x.sessionId().equals(s.sid())).count());
        }
        Api.closeIdleSessions();
        rolledUpAfter = Instant.now();
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

    private static JsonPath sessionMetrics(String query) {
        return given().get("/v1/sessions/metrics?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> bucket(String query) {
        List<Map<String, Object>> buckets = sessionMetrics(query).getList("buckets");
        assertThat(buckets).hasSize(1);
        return buckets.get(0);
    }

    @Test
    void sessionMetricsPerHourLeaveBotsOut() {
        Map<String, Object> hour = bucket("from=" + H + "&to=" + H2);
        assertThat(hour)
                .containsEntry("start", H.toString())
                .containsEntry("end", H2.toString())
                .containsEntry("sessions", 3)
                .containsEntry("closedSessions", 3)
                .containsEntry("uniqueUsers", 1)
                .containsEntry("uniqueVisitors", 2)
                .containsEntry("durationSeconds", 120)
                .containsEntry("averageDuration", 40.0f)
                .containsEntry("bounces", 1)
                .containsEntry("bounceRate", 1 / 3f)
                .containsEntry("pageViews", 4)
                .containsEntry("pagesPerSession", 4 / 3f)
                .containsEntry("wishlistSessions", 1)
                .containsEntry("wishlistConversionRate", 1 / 3f)
                .containsEntry("collectionSessions", 0)
                .containsEntry("collectionConversionRate", 0f)
                .containsEntry("ratingSessions", 1)
                .containsEntry("ratingConversionRate", 1 / 3f)
                .containsEntry("reviewSessions", 0)
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
        JsonPath body = sessionMetrics("granularity=day&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS));
        Map<String, Object> bucket = body.getMap("buckets[0]");
        assertThat(body.getList("buckets")).hasSize(1);
        assertThat(bucket)
                .containsEntry("start", day.toString())
                .containsEntry("end", day.plus(1, ChronoUnit.DAYS).toString())
                .containsEntry("sessions", 5)
                .containsEntry("closedSessions", 5)
                .containsEntry("uniqueUsers", 2)
                .containsEntry("uniqueVisitors", 3)
                .containsEntry("averageDuration", 34.0f)
                .containsEntry("bounceRate", 0.4f)
                .containsEntry("pagesPerSession", 1.2f)
                .containsEntry("wishlistConversionRate", 0.2f)
                .containsEntry("ratingConversionRate", 0.2f);
        Map<String, Object> totals = body.getMap("totals");
        bucket.forEach((field, value) -> assertThat(totals).containsEntry(field, value));
    }

    @Test
    @DisplayName("#21: totals of a range come from its underlying counts: sums over sums, and users distinct over the"
            + " whole range (u1 is active in both hours: 1 + 2 users per hour, 2 in the day)")
    void totalsComeFromTheUnderlyingCounts() {
        Instant day = H.truncatedTo(ChronoUnit.DAYS);
        JsonPath body = sessionMetrics("from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS));
        assertThat(body.getString("from")).isEqualTo(day.toString());
        assertThat(body.getString("to")).isEqualTo(day.plus(1, ChronoUnit.DAYS).toString());
        assertThat(body.getList("buckets.start")).containsExactly(H.toString(), H2.toString());
        assertThat(body.getList("buckets.uniqueUsers")).containsExactly(1, 2);
        assertThat(body.getList("buckets.bounceRate")).containsExactly(1 / 3f, 0.5f);
        Map<String, Object> totals = body.getMap("totals");
        assertThat(totals)
                .as("the day's totals from hourly buckets are the day's own figures")
                .isEqualTo(sessionMetrics("granularity=day&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS))
                        .getMap("totals"));
        assertThat(totals)
                .containsEntry("uniqueUsers", 2)
                .containsEntry("bounces", 2)
                .containsEntry("durationSeconds", 170);
        assertThat(sessionMetrics("from=2001-01-01T00:00:00Z&to=2001-01-01T01:00:00Z")
                        .<String, Object>getMap("totals"))
                .containsEntry("sessions", 0)
                .containsEntry("uniqueVisitors", 0)
                .containsEntry("bounceRate", null)
                .containsEntry("pagesPerSession", null);
    }

    @Test
    @DisplayName(
            "#21: a range off the bucket grid is a 400 naming the parameter (01:40–01:50 gave 0 searches, 01:00–01:30"
                    + " the whole hour, a partial day mixed an hour's sessions with the day's unique users)")
    void aRangeOffTheGridIsRejected() {
        Instant day = H.truncatedTo(ChronoUnit.DAYS);
        Map<String, String> offGrid = Map.of(
                "/v1/search/metrics?from=" + H2.plusSeconds(100 * 60) + "&to=" + H2.plusSeconds(110 * 60), "from",
                "/v1/sessions/metrics?from=" + H + "&to=" + H.plusSeconds(30 * 60), "to",
                "/v1/sessions/metrics?granularity=day&from=" + day + "&to=" + H2, "to",
                "/v1/sessions/metrics?granularity=day&from=" + H + "&to=" + day.plus(1, ChronoUnit.DAYS), "from");
        offGrid.forEach((url, parameter) -> given().get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].rule", equalTo("grid")));
        given().get("/v1/sessions/metrics?from=" + day + "&to=" + day.plus(94, ChronoUnit.DAYS))
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("range"));
    }

    @Test
    @DisplayName("search metrics: every rate with its count; the SEARCH_REFINED 'oud noir' is a search of its own and"
            + " counts in popularity (#21); asOf is when the last rollup started")
    void searchMetrics() {
        var body = given().get("/v1/search/metrics?from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("from", equalTo(H2.toString()))
                .body("to", equalTo(H2.plus(1, ChronoUnit.HOURS).toString()))
                .body("totals.searches", equalTo(5))
                .body("totals.searchesWithClicks", equalTo(3))
                .body("totals.clickThroughRate", equalTo(0.6f))
                .body("totals.noResultSearches", equalTo(1))
                .body("totals.noResultRate", equalTo(0.2f))
                .body("totals.refinedSearches", equalTo(2))
                .body("totals.refinementRate", equalTo(0.4f))
                .body("totals.abandonedSearches", equalTo(2))
                .body("totals.abandonmentRate", equalTo(0.4f))
                .body("totals.foundDesiredSearches", equalTo(1))
                .body("totals.foundDesiredRate", equalTo(0.2f))
                .body("topQueries.query", equalTo(List.of("oud", "rose", "oud noir")))
                .body("topQueries.searches", equalTo(List.of(2, 2, 1)))
                .body("topNoResultQueries.query", equalTo(List.of("oud")))
                .body("topNoResultQueries.searches", equalTo(List.of(1)))
                .body("timeToFirstClick.searches", equalTo(3))
                .body("timeToFirstClick.median", equalTo(4000))
                .body("timeToFirstClick.p90", equalTo(10000))
                .body("clickPositions.position", equalTo(List.of(0, 2)))
                .body("clickPositions.clicks", equalTo(List.of(2, 1)))
                .extract()
                .jsonPath();
        assertThat(Instant.parse(body.getString("asOf"))).isBetween(rolledUpAfter, Instant.now());
        given().get("/v1/search/metrics?includeBots=true&from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("totals.searches", equalTo(6))
                .body("topQueries.query", equalTo(List.of("oud", "rose", "bot query", "oud noir")));
    }

    @Test
    @DisplayName("GET /v1/search/queries?q= searches the query texts of every user (full text, whole words, any case);"
            + " hasResults=false lists the zero-result searches")
    void searchQueriesAcrossUsers() {
        String range = "&from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS);
        given().get("/v1/search/queries?q=oud" + range)
                .then()
                .statusCode(200)
                .body("items.searchId", equalTo(List.of("q3", "q4", "q5")))
                .body("items.queryText", equalTo(List.of("oud", "Oud", "oud noir")))
                .body("items.searchType", equalTo(List.of("initial", "refinement", "refinement")))
                .body("items.refinesSearchId", equalTo(java.util.Arrays.asList(null, "q3", "q4")));
        given().get("/v1/search/queries?q=NOIR" + range)
                .then()
                .statusCode(200)
                .body("items.searchId", equalTo(List.of("q5")));
        given().get("/v1/search/queries?hasResults=false" + range)
                .then()
                .statusCode(200)
                .body("items.searchId", equalTo(List.of("q3")));
        var first = given().get("/v1/search/queries?q=rose&hasResults=true&limit=1" + range)
                .then()
                .statusCode(200)
                .body("items.searchId", equalTo(List.of("q1")))
                .extract()
                .jsonPath();
        given().get("/v1/search/queries?q=rose&hasResults=true&limit=1&cursor=" + first.getString("nextCursor") + range)
                .then()
                .statusCode(200)
                .body("items.searchId", equalTo(List.of("q2")))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    @Test
    @DisplayName("the seed's \"CREATE INDEX idx_search_query_text ON SearchQuery USING gin(to_tsvector(...))\" is a GIN"
            + " index, and the q= query of the API uses it (EXPLAIN over 20,000 searches in its range)")
    void theFullTextQueryUsesTheGinIndex() throws Exception {
        Instant from = Instant.parse("2001-01-01T00:00:00Z");
        SearchQueryRepository.Statement page = SearchQueryRepository.pageStatement(
                new SearchFilter(null, null, from, from.plus(90, ChronoUnit.DAYS), "oud", null), null, 101);
        Infra infra = Infra.shared();
        List<String> plan = new ArrayList<>();
        try (Connection connection = infra.postgres().connect(infra.database(SessionTestResource.DATABASE))) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("insert into search_query (session_id, search_id, timestamp, query_text, query_type,"
                        + " results_count, results_shown) select 'explain-' || n, 'q', timestamptz '" + from
                        + "' + n * interval '1 minute', 'filler query ' || n, 'text', 1, 1"
                        + " from generate_series(1, 20000) n");
                statement.execute("analyze search_query");
                try (var explain =
                        connection.prepareStatement("explain " + page.sql().replaceAll("\\?\\d+", "?"))) {
                    for (int i = 0; i < page.params().size(); i++) {
                        explain.setObject(i + 1, page.params().get(i));
                    }
                    try (var rows = explain.executeQuery()) {
                        while (rows.next()) {
                            plan.add(rows.getString(1));
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(String.join("\n", plan)).contains("Bitmap Index Scan on idx_search_query_text");
    }

    @Test
    @DisplayName("the OpenAPI document carries each figure's one-line definition (docs/metrics.md)")
    void theOpenApiFieldsCarryTheDefinitions() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "components.schemas.Row.properties.bounceRate.description",
                        equalTo("bounces ÷ closedSessions; null without closed sessions."))
                .body(
                        "components.schemas.Row.properties.uniqueVisitors.description",
                        containsString("else its sessionId"))
                .body(
                        "components.schemas.Totals.properties.clickThroughRate.description",
                        equalTo("searchesWithClicks ÷ searches; null without searches."))
                .body("components.schemas.SearchMetrics.properties.asOf.description", containsString("rollup job"))
                .body(
                        "components.schemas.SessionView.properties.interactions.description",
                        containsString("totalInteractions"))
                .body(
                        "components.schemas.SearchQueryView.properties.refinesSearchId.description",
                        containsString("refines"));
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
        given().get("/v1/search/queries").then().statusCode(400).body("errors[0].parameter", equalTo("from"));
        given().get("/v1/search/queries?from=" + H + "&to=" + H.plus(94, ChronoUnit.DAYS))
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"));
        given().get("/v1/search/queries?sessionId=x&q=" + "a".repeat(201))
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("q"));
        given().get("/v1/search/queries?sessionId=x&hasResults=maybe")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("hasResults"));
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
        given().get("/v1/sessions?userId=u1-" + RUN + "&limit=1&cursor=" + second.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.sessionId", equalTo(List.of("m-g-" + RUN)))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
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
