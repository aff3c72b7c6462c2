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
import static org.hamcrest.Matchers.nullValue;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Infra;
import com.newsmell.infra.Sql;
import com.newsmell.session.search.SearchFilter;
import com.newsmell.session.search.SearchQueryRepository;
import com.newsmell.toolkit.api.JsonConvention;
import com.newsmell.toolkit.api.TrafficSource;
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

        List<Scenarios.Ctx> dst = dimensionsAndDstDays(events);

        Api.publish(events, false);
        List<Scenarios.Ctx> all = new ArrayList<>(List.of(a, b, c, d, e, f, g));
        all.addAll(dst);
        for (Scenarios.Ctx s : all) {
            Api.awaitStoredEvents(
                    s.sid(),
                    events.stream().filter(x -> x.sessionId().equals(s.sid())).count());
        }
        Api.closeIdleSessions();
        rolledUpAfter = Instant.now();
        Api.rollup();
    }

    /** A referrer of 2,000 random CJK characters: 6,000 bytes, more than a btree entry may hold (2,704 bytes). */
    static final String LONG_REFERRER = "https://example.org/"
            + new java.util.Random(22)
                    .ints(2000, 0x4E00, 0x9FFF)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    /**
     * Sessions around the DST changes of Europe/Berlin (2026-03-29: 23 hours; 2026-10-25: 25 hours), with every
     * dimension set, missing or odd: the Berlin days 2026-03-28, 29 and 30 hold 1, 4 (+1 bot) and 1 human sessions.
     */
    private static List<Scenarios.Ctx> dimensionsAndDstDays(List<UserInteractionEvent> events) {
        String user = "dst-user-" + RUN;
        Scenarios.Ctx d1 = ctx("d1", Instant.parse("2026-03-28T22:30:00Z")); // Berlin 03-28 23:30
        events.add(d1.ev(PAGE_VIEW, 0)
                .path("/home")
                .userId(user)
                .location("DE")
                .referrer("https://www.google.com/search?q=rose")
                .build());
        events.add(d1.ev(PERFUME_VIEW, 60).path("/perfume/p1").perfumeId("p1").build());
        Scenarios.Ctx d2 = ctx("d2", Instant.parse("2026-03-28T23:30:00Z")); // Berlin 03-29 00:30
        events.add(d2.ev(PAGE_VIEW, 0)
                .path("/home")
                .deviceType("mobile")
                .browser("Safari")
                .os("iOS")
                .location("FR")
                .build());
        Scenarios.Ctx d3 = ctx("d3", Instant.parse("2026-03-29T10:00:00Z")); // no device, browser, os, country, page
        for (double at : new double[] {0, 30.5}) {
            events.add(d3.ev(WISHLIST_ADD, at)
                    .path("/perfume/p2")
                    .perfumeId("p2")
                    .deviceType(null)
                    .browser(null)
                    .os(null)
                    .referrer("https://newsmell.dev/x")
                    .build());
        }
        Scenarios.Ctx d4 = ctx("d4", Instant.parse("2026-03-29T21:30:00Z")); // Berlin 03-29 23:30 (CEST)
        events.add(d4.ev(PAGE_VIEW, 0)
                .path("/search")
                .deviceType("tablet")
                .browser("Chrome")
                .os("Android")
                .location("DE")
                .referrer("not a url")
                .build());
        events.add(d4.ev(PERFUME_VIEW, 15.25)
                .path("/perfume/p3")
                .perfumeId("p3")
                .deviceType("tablet")
                .build());
        Scenarios.Ctx d5 = ctx("d5", Instant.parse("2026-03-29T13:00:00Z"));
        events.add(d5.ev(PAGE_VIEW, 0)
                .path("/home")
                .location("DE")
                .referrer(LONG_REFERRER)
                .build());
        events.add(
                d5.ev(RATING_COMPLETED, 5).path("/perfume/p2").perfumeId("p2").build());
        Scenarios.Ctx d6 = ctx("d6", Instant.parse("2026-03-29T12:00:00Z"));
        events.add(d6.ev(PAGE_VIEW, 0).path("/home").isBot(true).location("US").build());
        Scenarios.Ctx d7 = ctx("d7", Instant.parse("2026-03-29T22:30:00Z")); // Berlin 03-30 00:30
        events.add(d7.ev(PAGE_VIEW, 0)
                .path("/home")
                .userId(user)
                .browser("Chrome")
                .os("Windows")
                .location("DE")
                .referrer("https://www.google.com/")
                .build());
        Scenarios.Ctx o1 = ctx("o1", Instant.parse("2026-10-24T22:30:00Z")); // Berlin 10-25 00:30 (CEST)
        Scenarios.Ctx o2 = ctx("o2", Instant.parse("2026-10-25T22:30:00Z")); // Berlin 10-25 23:30 (CET)
        Scenarios.Ctx o3 = ctx("o3", Instant.parse("2026-10-25T23:30:00Z")); // Berlin 10-26 00:30
        for (Scenarios.Ctx o : List.of(o1, o2, o3)) {
            events.add(o.ev(PAGE_VIEW, 0).path("/home").build());
        }
        return List.of(d1, d2, d3, d4, d5, d6, d7, o1, o2, o3);
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

    /** An instant as the API writes it: UTC, three fractional digits. */
    static String iso(Instant instant) {
        return JsonConvention.format(instant);
    }

    @Test
    void sessionMetricsPerHourLeaveBotsOut() {
        Map<String, Object> hour = bucket("granularity=hour&from=" + H + "&to=" + H2);
        assertThat(hour)
                .containsEntry("start", iso(H))
                .containsEntry("end", iso(H2))
                .containsEntry("sessions", 3)
                .containsEntry("closedSessions", 3)
                .containsEntry("uniqueUsers", 1)
                .containsEntry("uniqueVisitors", 2)
                .containsEntry("durationMs", 120_000)
                .containsEntry("averageDurationMs", 40_000.0f)
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
    @DisplayName("deviceType=desktop (deprecated) is filters=deviceType==desktop; bots count with includeBots=true")
    void sessionMetricsByDeviceTypeAndWithBots() {
        Map<String, Object> desktop = bucket("granularity=hour&from=" + H + "&to=" + H2 + "&deviceType=desktop");
        assertThat(desktop)
                .containsEntry("sessions", 2)
                .containsEntry("uniqueUsers", 1)
                .containsEntry("averageDurationMs", 45_000.0f)
                .containsEntry("bounceRate", 0.5f)
                .containsEntry("pagesPerSession", 1.5f)
                .containsEntry("ratingConversionRate", 0f);
        assertThat(bucket("granularity=hour&from=" + H + "&to=" + H2 + "&filters=deviceType==desktop"))
                .isEqualTo(desktop);
        assertThat(sessionMetrics("granularity=hour&from=" + H + "&to=" + H2 + "&deviceType=desktop")
                        .getString("filters.deviceType"))
                .isEqualTo("==desktop");
        assertThat(bucket("granularity=hour&from=" + H + "&to=" + H2 + "&includeBots=true"))
                .containsEntry("sessions", 4)
                .containsEntry("uniqueUsers", 2)
                .containsEntry("averageDurationMs", 30_000.0f)
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
                .containsEntry("start", iso(day))
                .containsEntry("end", iso(day.plus(1, ChronoUnit.DAYS)))
                .containsEntry("sessions", 5)
                .containsEntry("closedSessions", 5)
                .containsEntry("uniqueUsers", 2)
                .containsEntry("uniqueVisitors", 3)
                .containsEntry("averageDurationMs", 34_000.0f)
                .containsEntry("bounceRate", 0.4f)
                .containsEntry("pagesPerSession", 1.2f)
                .containsEntry("wishlistConversionRate", 0.2f)
                .containsEntry("ratingConversionRate", 0.2f);
        Map<String, Object> totals = body.getMap("totals");
        bucket.remove("start");
        bucket.remove("end");
        assertThat(totals).isEqualTo(bucket);
    }

    @Test
    @DisplayName("#21: totals of a range come from its underlying counts: sums over sums, and users distinct over the"
            + " whole range (u1 is active in both hours: 1 + 2 users per hour, 2 in the day)")
    void totalsComeFromTheUnderlyingCounts() {
        Instant day = H.truncatedTo(ChronoUnit.DAYS);
        JsonPath body = sessionMetrics("granularity=hour&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS));
        assertThat(body.getString("from")).isEqualTo(iso(day));
        assertThat(body.getString("to")).isEqualTo(iso(day.plus(1, ChronoUnit.DAYS)));
        assertThat(body.getList("buckets"))
                .as("every hour of the day, 0 where none started")
                .hasSize(24);
        assertThat(body.getList("buckets.findAll { it.sessions > 0 }.start")).containsExactly(iso(H), iso(H2));
        assertThat(body.getList("buckets.findAll { it.sessions > 0 }.uniqueUsers"))
                .containsExactly(1, 2);
        assertThat(body.getList("buckets.findAll { it.sessions > 0 }.bounceRate"))
                .containsExactly(1 / 3f, 0.5f);
        Map<String, Object> totals = body.getMap("totals");
        assertThat(totals)
                .as("the day's totals from hourly buckets are the day's own figures")
                .isEqualTo(sessionMetrics("granularity=day&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS))
                        .getMap("totals"));
        assertThat(totals)
                .containsEntry("uniqueUsers", 2)
                .containsEntry("bounces", 2)
                .containsEntry("durationMs", 170_000)
                .containsEntry("durationSeconds", 170);
        assertThat(sessionMetrics("granularity=hour&from=2001-01-01T00:00:00Z&to=2001-01-01T01:00:00Z")
                        .<String, Object>getMap("totals"))
                .containsEntry("sessions", 0)
                .containsEntry("uniqueVisitors", 0)
                .doesNotContainKey("bounceRate")
                .doesNotContainKey("pagesPerSession");
    }

    @Test
    @DisplayName(
            "#21: a range off the bucket grid is a 400 naming the parameter (01:40–01:50 gave 0 searches, 01:00–01:30"
                    + " the whole hour, a partial day mixed an hour's sessions with the day's unique users)")
    void aRangeOffTheGridIsRejected() {
        Instant day = H.truncatedTo(ChronoUnit.DAYS);
        Map<String, String> offGrid = Map.of(
                "/v1/search/metrics?from=" + H2.plusSeconds(100 * 60) + "&to=" + H2.plusSeconds(110 * 60), "from",
                "/v1/sessions/metrics?granularity=hour&from=" + H + "&to=" + H.plusSeconds(30 * 60), "to",
                "/v1/sessions/metrics?from=" + H + "&to=" + H2, "from",
                "/v1/sessions/metrics?granularity=day&from=" + day + "&to=" + H2, "to",
                "/v1/sessions/metrics?granularity=day&from=" + H + "&to=" + day.plus(1, ChronoUnit.DAYS), "from");
        offGrid.forEach((url, parameter) -> given().get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].rule", equalTo("grid")));
        given().get("/v1/sessions/metrics?granularity=hour&from=" + day + "&to=" + day.plus(94, ChronoUnit.DAYS))
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("max-range"));
    }

    @Test
    @DisplayName("search metrics: every rate with its count; the SEARCH_REFINED 'oud noir' is a search of its own and"
            + " counts in popularity (#21); asOf is when the last rollup started; durations in ms (the old names kept)")
    void searchMetrics() {
        var body = given().get("/v1/search/metrics?from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("from", equalTo(iso(H2)))
                .body("to", equalTo(iso(H2.plus(1, ChronoUnit.HOURS))))
                .body("tz", equalTo("UTC"))
                .body("granularity", nullValue())
                .body("buckets", nullValue())
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
                .body("totals.topQueries.query", equalTo(List.of("oud", "rose", "oud noir")))
                .body("totals.topQueries.searches", equalTo(List.of(2, 2, 1)))
                .body("totals.topNoResultQueries.query", equalTo(List.of("oud")))
                .body("totals.topNoResultQueries.searches", equalTo(List.of(1)))
                .body("totals.timeToFirstClickSearches", equalTo(3))
                .body("totals.medianTimeToFirstClickMs", equalTo(4000))
                .body("totals.p90TimeToFirstClickMs", equalTo(10000))
                .body("timeToFirstClick.searches", equalTo(3))
                .body("timeToFirstClick.median", equalTo(4000))
                .body("timeToFirstClick.p90", equalTo(10000))
                .body("totals.clickPositions.position", equalTo(List.of(0, 2)))
                .body("totals.clickPositions.clicks", equalTo(List.of(2, 1)))
                .extract()
                .jsonPath();
        assertThat(Instant.parse(body.getString("asOf"))).isBetween(rolledUpAfter, Instant.now());
        given().get("/v1/search/metrics?includeBots=true&from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("totals.searches", equalTo(6))
                .body("totals.topQueries.query", equalTo(List.of("oud", "rose", "bot query", "oud noir")));
        for (String size : List.of("limit=1", "top=1")) {
            given().get("/v1/search/metrics?" + size + "&from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                    .then()
                    .statusCode(200)
                    .body("totals.topQueries.query", equalTo(List.of("oud")));
        }
    }

    @Test
    @DisplayName("search metrics with granularity: one bucket per hour (or day of tz) with the searches and their"
            + " rates, every bucket of the window; the top queries page through GET /v1/search/metrics/top-queries")
    void searchMetricsBucketsAndTopQueries() {
        given().get("/v1/search/metrics?granularity=hour&from=" + H2 + "&to=" + H2.plus(2, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("granularity", equalTo("hour"))
                .body("buckets.start", equalTo(List.of(iso(H2), iso(H2.plus(1, ChronoUnit.HOURS)))))
                .body("buckets.searches", equalTo(List.of(5, 0)))
                .body("buckets[0].clickThroughRate", equalTo(0.6f))
                .body("buckets[1].clickThroughRate", nullValue())
                .body("totals.searches", equalTo(5));
        String window = "&from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS);
        JsonPath first = given().get("/v1/search/metrics/top-queries?limit=2" + window)
                .then()
                .statusCode(200)
                .body("items.query", equalTo(List.of("oud", "rose")))
                .body("items.searches", equalTo(List.of(2, 2)))
                .body("from", equalTo(iso(H2)))
                .body("tz", equalTo("UTC"))
                .extract()
                .jsonPath();
        given().get("/v1/search/metrics/top-queries?limit=2&cursor=" + first.getString("nextCursor") + window)
                .then()
                .statusCode(200)
                .body("items.query", equalTo(List.of("oud noir")))
                .body("nextCursor", nullValue());
        given().get("/v1/search/metrics/top-queries?metric=noResultSearches" + window)
                .then()
                .statusCode(200)
                .body("items.query", equalTo(List.of("oud")));
        given().get("/v1/search/metrics/top-queries?metric=clicks" + window)
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("metric"))
                .body("errors[0].rule", equalTo("enum"));
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
    @DisplayName("the filters use the (dimension, start_time) indexes: country by idx_user_session_location_start,"
            + " a referrer by the prefix index idx_user_session_referrer_start (EXPLAIN over 20,000 sessions)")
    void theFiltersUseTheDimensionIndexes() throws Exception {
        Instant from = Instant.parse("2001-01-01T00:00:00Z");
        Infra infra = Infra.shared();
        Map<String, String> plans = new java.util.LinkedHashMap<>();
        try (Connection connection = infra.postgres().connect(infra.database(SessionTestResource.DATABASE))) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("insert into user_session (session_id, start_time, last_event_time, location,"
                        + " referrer, source) select 'explain-' || n, timestamptz '" + from
                        + "' + n * interval '1 minute', timestamptz '" + from + "', 'C' || (n % 100),"
                        + " 'https://r' || n || '.example/', 'r' || n || '.example' from generate_series(1, 20000) n");
                statement.execute("analyze user_session");
                for (String filter : List.of("country==C7", "referrer==https://r7.example/")) {
                    List<Object> params = new ArrayList<>();
                    String where = com.newsmell.session.metrics.SessionDimensions.where(
                            com.newsmell.toolkit.api.Filters.parse(
                                    filter, com.newsmell.session.metrics.SessionDimensions.NAMES),
                            params);
                    String sql = "explain select count(*) from user_session where start_time >= timestamptz '"
                            + from + "' and start_time < timestamptz '" + from.plus(90, ChronoUnit.DAYS) + "' and "
                            + where;
                    java.util.regex.Matcher placeholders =
                            java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
                    List<Object> bound = new ArrayList<>();
                    while (placeholders.find()) {
                        bound.add(params.get(Integer.parseInt(placeholders.group(1)) - 1));
                    }
                    try (var explain = connection.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
                        for (int i = 0; i < bound.size(); i++) {
                            explain.setObject(i + 1, bound.get(i));
                        }
                        StringBuilder plan = new StringBuilder();
                        try (var rows = explain.executeQuery()) {
                            while (rows.next()) {
                                plan.append(rows.getString(1)).append('\n');
                            }
                        }
                        plans.put(filter, plan.toString());
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(plans.get("country==C7")).contains("idx_user_session_location_start");
        assertThat(plans.get("referrer==https://r7.example/")).contains("idx_user_session_referrer_start");
    }

    @Test
    @DisplayName("the OpenAPI document carries each figure's one-line definition (docs/metrics.md)")
    void theOpenApiFieldsCarryTheDefinitions() {
        String sessionMetrics = "paths.'/v1/sessions/metrics'.get.parameters.find { it.name == '%s' }.";
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "components.schemas.SessionMetricsTotals.properties.bounceRate.description",
                        equalTo("bounces ÷ closedSessions; absent without closed sessions."))
                .body(
                        "components.schemas.SessionMetricsTotals.properties.uniqueVisitors.description",
                        containsString("else its sessionId"))
                .body("components.schemas.SessionMetricsTotals.properties.averageDuration.deprecated", equalTo(true))
                .body(
                        "components.schemas.SessionMetricsBucket.properties.averageDurationMs.description",
                        containsString("milliseconds"))
                .body(
                        "components.schemas.SearchMetricsTotals.properties.clickThroughRate.description",
                        equalTo("searchesWithClicks ÷ searches; absent without searches."))
                .body("components.schemas.SearchMetricsAnswer.properties.timeToFirstClick.deprecated", equalTo(true))
                .body("components.schemas.SearchMetricsAnswer.properties.topQueries.deprecated", equalTo(true))
                .body(
                        "components.schemas.SessionView.properties.interactions.description",
                        containsString("totalInteractions"))
                .body(
                        "components.schemas.SearchQueryView.properties.refinesSearchId.description",
                        containsString("refines"))
                .body(sessionMetrics.formatted("from") + "schema.format", equalTo("date-time"))
                .body(
                        sessionMetrics.formatted("breakdown") + "schema.enum",
                        equalTo(List.of(
                                "country",
                                "deviceType",
                                "browser",
                                "os",
                                "source",
                                "referrer",
                                "entryPage",
                                "exitPage")))
                .body(sessionMetrics.formatted("granularity") + "schema.enum", equalTo(List.of("hour", "day")))
                .body(sessionMetrics.formatted("compare") + "schema.enum", equalTo(List.of("previous_period")))
                .body(sessionMetrics.formatted("limit") + "schema.maximum", equalTo(1000))
                .body(sessionMetrics.formatted("deviceType") + "deprecated", equalTo(true))
                .body("paths.'/v1/search/metrics'.get.parameters.find { it.name == 'top' }.deprecated", equalTo(true));
    }

    @Test
    void badParametersAreProblems() {
        Map<String, String> bad = Map.of(
                "to=" + H2, "from",
                "from=" + H + "&to=" + H2 + "&granularity=week", "granularity",
                "granularity=hour&from=yesterday&to=" + H2, "from",
                "granularity=hour&from=" + H2 + "&to=" + H, "to",
                "granularity=hour&from=" + H + "&to=" + H2 + "&includeBots=yes", "includeBots");
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

    /** The Berlin days 2026-03-28 to 2026-03-30 (inclusive): 1, 4 and 1 human sessions. */
    private static final String MARCH = "from=2026-03-28&to=2026-03-31&tz=Europe/Berlin";

    private static List<Integer> ints(JsonPath body, String path) {
        return body.getList(path, Integer.class);
    }

    @Test
    @DisplayName("breakdown: the totals per value, most sessions first, then by value; sessions without a value are"
            + " (unknown), so the values' additive figures add up to the totals; paged with limit and cursor")
    void breakdownValuesAddUpToTheTotals() {
        JsonPath country = sessionMetrics(MARCH + "&breakdown=country");
        assertThat(country.getString("breakdown.dimension")).isEqualTo("country");
        assertThat(country.getList("buckets")).isNull();
        assertThat(country.getList("breakdown.items.value")).containsExactly("DE", "(unknown)", "FR");
        assertThat(ints(country, "breakdown.items.totals.sessions")).containsExactly(4, 1, 1);
        for (String figure : List.of(
                "sessions",
                "closedSessions",
                "durationMs",
                "durationSeconds",
                "bounces",
                "pageViews",
                "wishlistSessions",
                "ratingSessions")) {
            assertThat(ints(country, "breakdown.items.totals." + figure).stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .as(figure)
                    .isEqualTo(country.getInt("totals." + figure));
        }
        assertThat(country.<String, Object>getMap("totals"))
                .containsEntry("sessions", 6)
                .containsEntry("durationMs", 110_750)
                .containsEntry("durationSeconds", 110)
                .containsEntry("bounces", 2)
                .containsEntry("pageViews", 7)
                .containsEntry("uniqueUsers", 1)
                .containsEntry("uniqueVisitors", 5);

        JsonPath source = sessionMetrics(MARCH + "&breakdown=source");
        assertThat(source.getList("breakdown.items.value"))
                .as("the referrer's host without www., (direct) without one or without a host")
                .containsExactly("(direct)", "google.com", "example.org", "newsmell.dev");
        assertThat(ints(source, "breakdown.items.totals.sessions")).containsExactly(2, 2, 1, 1);
        assertThat(sessionMetrics(MARCH + "&breakdown=deviceType").getList("breakdown.items.value"))
                .containsExactly("desktop", "(unknown)", "mobile", "tablet");
        assertThat(sessionMetrics(MARCH + "&breakdown=entryPage").getList("breakdown.items.value"))
                .containsExactly("/home", "(unknown)", "/search");
        assertThat(sessionMetrics(MARCH + "&breakdown=referrer").getList("breakdown.items.value"))
                .as("a 6,000-byte referrer is stored and indexed (its first 512 characters)")
                .contains(LONG_REFERRER, "(unknown)");
        assertThat(sessionMetrics(MARCH + "&breakdown=country&includeBots=true").getList("breakdown.items.value"))
                .containsExactly("DE", "(unknown)", "FR", "US");

        JsonPath first = sessionMetrics(MARCH + "&breakdown=browser&limit=2");
        assertThat(first.getList("breakdown.items.value")).containsExactly("Chrome", "Firefox");
        JsonPath second =
                sessionMetrics(MARCH + "&breakdown=browser&limit=2&cursor=" + first.getString("breakdown.nextCursor"));
        assertThat(second.getList("breakdown.items.value")).containsExactly("(unknown)", "Safari");
        assertThat(second.getString("breakdown.nextCursor")).isNull();
        assertThat(second.<String, Object>getMap("totals")).isEqualTo(first.getMap("totals"));
    }

    @Test
    @DisplayName("filters: == and != with | (any of) and (unknown), ; (and); values of deviceType checked; the"
            + " answer echoes them")
    void filtersSelectSessions() {
        Map<String, Integer> sessions = new java.util.LinkedHashMap<>();
        sessions.put("country==DE", 4);
        sessions.put("country!=DE", 2); // FR and the session without a country
        sessions.put("country==FR|(unknown)", 2);
        sessions.put("country!=(unknown)", 5);
        sessions.put("deviceType==(unknown)", 1);
        sessions.put("deviceType==mobile|tablet", 2);
        sessions.put("country==DE;deviceType!=desktop", 1);
        sessions.put("source==google.com", 2);
        sessions.put("referrer==https://newsmell.dev/x", 1);
        sessions.put("entryPage==/home;exitPage==/home", 3);
        sessions.put("os==iOS|Android;browser!=Safari", 1);
        sessions.forEach((filter, expected) -> {
            JsonPath body = given().queryParam("filters", filter)
                    .get("/v1/sessions/metrics?" + MARCH)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(body.getInt("totals.sessions")).as(filter).isEqualTo(expected);
            assertThat(ints(body, "buckets.sessions").stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .as(filter)
                    .isEqualTo(expected);
        });
        given().queryParam("filters", "country==DE;deviceType!=desktop")
                .get("/v1/sessions/metrics?" + MARCH)
                .then()
                .body("filters.country", equalTo("==DE"))
                .body("filters.deviceType", equalTo("!=desktop"));
        Map<String, String[]> bad = Map.of(
                "filters=deviceType==phone", new String[] {"filters", "enum"},
                "deviceType=phone", new String[] {"deviceType", "enum"},
                "filters=city==Berlin", new String[] {"filters", "enum"},
                "filters=country", new String[] {"filters", "format"},
                "deviceType=mobile&filters=deviceType==tablet", new String[] {"deviceType", "repeated"},
                "breakdown=city", new String[] {"breakdown", "enum"},
                "compare=last_year", new String[] {"compare", "enum"});
        bad.forEach((query, error) -> given().get("/v1/sessions/metrics?" + MARCH + "&" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(error[0]))
                .body("errors[0].rule", equalTo(error[1])));
    }

    @Test
    @DisplayName("compare=previous_period: the previous period's totals are those of a direct query of that period,"
            + " and the change of every figure is computed (from the rollup and from the sessions alike)")
    void compareWithThePreviousPeriod() {
        JsonPath body = sessionMetrics("from=2026-03-29&to=2026-03-30&tz=Europe/Berlin&compare=previous_period");
        assertThat(body.getString("compare.from")).isEqualTo("2026-03-27T23:00:00.000Z");
        assertThat(body.getString("compare.to")).isEqualTo("2026-03-28T23:00:00.000Z");
        assertThat(body.<String, Object>getMap("compare.totals"))
                .isEqualTo(sessionMetrics("from=2026-03-28&to=2026-03-29&tz=Europe/Berlin")
                        .getMap("totals"));
        assertThat(body.getInt("totals.sessions")).isEqualTo(4);
        assertThat(body.getInt("compare.totals.sessions")).isEqualTo(1);
        assertThat(body.getDouble("compare.change.sessions.difference")).isEqualTo(3.0);
        assertThat(body.getDouble("compare.change.sessions.percent")).isEqualTo(300.0);
        assertThat(body.getDouble("compare.change.uniqueUsers.difference")).isEqualTo(-1.0);
        assertThat(body.getDouble("compare.change.wishlistSessions.difference")).isEqualTo(1.0);
        assertThat(body.getString("compare.change.wishlistSessions.percent"))
                .as("no percent of a previous 0")
                .isNull();

        JsonPath filtered = sessionMetrics(
                "from=2026-03-29&to=2026-03-30&tz=Europe/Berlin&compare=previous_period&filters=country==DE");
        assertThat(filtered.<String, Object>getMap("compare.totals"))
                .isEqualTo(sessionMetrics("from=2026-03-28&to=2026-03-29&tz=Europe/Berlin&filters=country==DE")
                        .getMap("totals"));
        assertThat(filtered.getDouble("compare.change.sessions.difference")).isEqualTo(1.0);
        assertThat(filtered.getDouble("compare.change.sessions.percent")).isEqualTo(100.0);
        assertThat(sessionMetrics(MARCH + "&breakdown=country&compare=previous_period")
                        .getInt("compare.totals.sessions"))
                .isZero();
    }

    @Test
    @DisplayName("tz=Europe/Berlin: day buckets are the days of Berlin, 23 hours on 2026-03-29 and 25 on 2026-10-25;"
            + " dates are the start of that day in tz; UTC days differ")
    void dayBucketsAreTheDaysOfTheTimeZone() {
        JsonPath march = sessionMetrics(MARCH);
        assertThat(march.getString("tz")).isEqualTo("Europe/Berlin");
        assertThat(march.getString("granularity")).as("the default").isEqualTo("day");
        assertThat(march.getString("from")).isEqualTo("2026-03-27T23:00:00.000Z");
        assertThat(march.getString("to")).isEqualTo("2026-03-30T22:00:00.000Z");
        assertThat(march.getList("buckets.start"))
                .containsExactly("2026-03-27T23:00:00.000Z", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z");
        assertThat(march.getList("buckets.end"))
                .containsExactly("2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", "2026-03-30T22:00:00.000Z");
        assertThat(ints(march, "buckets.sessions")).containsExactly(1, 4, 1);
        assertThat(ints(sessionMetrics("from=2026-03-28&to=2026-03-31"), "buckets.sessions"))
                .as("the same sessions by UTC day")
                .containsExactly(2, 4, 0);
        assertThat(ints(sessionMetrics(MARCH + "&filters=country!=FR"), "buckets.sessions"))
                .as("from the sessions: the same days")
                .containsExactly(1, 3, 1);

        JsonPath october = sessionMetrics("from=2026-10-25&to=2026-10-27&tz=Europe/Berlin");
        assertThat(october.getList("buckets.start"))
                .containsExactly("2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z");
        assertThat(ints(october, "buckets.sessions")).containsExactly(2, 1);
        given().get("/v1/sessions/metrics?from=2026-03-29&to=2026-03-30&tz=Asia/Kolkata")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("tz"))
                .body("errors[0].rule", equalTo("grid"));
        given().get("/v1/sessions/metrics?from=2026-03-29&to=2026-03-30&tz=Berlin")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("tz"))
                .body("errors[0].rule", equalTo("zone"));
    }

    @Test
    @DisplayName("without breakdown and filters the figures come from the hourly rollup, otherwise from user_session:"
            + " the totals (and buckets) of the two are exactly equal for the same range")
    void theRollupAndTheSessionsGiveTheSameFigures() {
        Instant day = H.truncatedTo(ChronoUnit.DAYS);
        for (String window : List.of(
                MARCH,
                MARCH + "&includeBots=true",
                "granularity=hour&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS),
                "granularity=hour&includeBots=true&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS))) {
            JsonPath rollup = sessionMetrics(window);
            JsonPath rows = sessionMetrics(window + "&filters=browser!=Netscape");
            assertThat(rollup.getInt("totals.sessions")).as(window).isPositive();
            assertThat(rows.<String, Object>getMap("totals")).as(window).isEqualTo(rollup.getMap("totals"));
            assertThat(rows.getList("buckets")).as(window).isEqualTo(rollup.getList("buckets"));
            assertThat(sessionMetrics(window + "&breakdown=os").<String, Object>getMap("totals"))
                    .as(window)
                    .isEqualTo(rollup.getMap("totals"));
        }
    }

    @Test
    @DisplayName("Accept: text/csv answers the rows with a header row: buckets, breakdown values, list items, or"
            + " the totals of a totals-only answer")
    void csvExports() {
        String buckets = given().accept("text/csv")
                .get("/v1/sessions/metrics?" + MARCH)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        List<String> lines = buckets.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("start,end,sessions,closedSessions,uniqueUsers,uniqueVisitors,durationMs,");
        assertThat(lines.get(2)).startsWith("2026-03-28T23:00:00.000Z,2026-03-29T22:00:00.000Z,4,4,");

        List<String> values = given().accept("text/csv")
                .get("/v1/sessions/metrics?" + MARCH + "&breakdown=country")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        assertThat(values.get(0)).startsWith("value,totals.sessions,");
        assertThat(values).hasSize(4);
        assertThat(values.get(2)).startsWith("(unknown),1,");

        List<String> sessions = given().accept("text/csv")
                .get("/v1/sessions?from=2026-03-29&to=2026-03-30&tz=Europe/Berlin")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        assertThat(sessions.get(0)).startsWith("sessionId,");
        assertThat(sessions).hasSize(6);

        List<String> search = given().accept("text/csv")
                .get("/v1/search/metrics?from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        assertThat(search).hasSize(2);
        assertThat(search.get(0)).startsWith("searches,searchesWithClicks,clickThroughRate,");
        assertThat(search.get(1)).startsWith("5,3,0.6,");

        given().accept("text/csv")
                .get("/v1/search/queries?userId=u2-" + RUN)
                .then()
                .statusCode(200)
                .body(containsString("searchId,sessionId,userId,timestamp,queryText"));
    }

    @Test
    @DisplayName("an unknown or repeated query parameter is 400 naming it (country= and timezone= were ignored)")
    void unknownParametersAreRejected() {
        Map<String, String> unknown = Map.of(
                "/v1/sessions/metrics?" + MARCH + "&country=DE",
                "country",
                "/v1/sessions/metrics?" + MARCH + "&timezone=Europe/Berlin",
                "timezone",
                "/v1/search/metrics?from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS) + "&houseId=x",
                "houseId",
                "/v1/sessions?userId=x&sessionId=y",
                "sessionId",
                "/v1/search/queries?sessionId=x&perfumeId=y",
                "perfumeId");
        unknown.forEach((url, parameter) -> given().get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].rule", equalTo("unknown")));
        given().get("/v1/sessions/metrics?" + MARCH + "&breakdown=os&breakdown=browser")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("breakdown"))
                .body("errors[0].rule", equalTo("repeated"));
    }

    @Test
    @DisplayName("lists take dates in tz and echo their window; a reversed range is to/after-from; across users the"
            + " search queries' range is at most 93 days (to/max-range)")
    void listsTakeDatesAndEchoTheirWindow() {
        given().get("/v1/sessions?from=2026-03-29&to=2026-03-30&tz=Europe/Berlin")
                .then()
                .statusCode(200)
                .body("from", equalTo("2026-03-28T23:00:00.000Z"))
                .body("to", equalTo("2026-03-29T22:00:00.000Z"))
                .body("tz", equalTo("Europe/Berlin"))
                .body(
                        "items.sessionId",
                        equalTo(List.of("m-d2-" + RUN, "m-d3-" + RUN, "m-d6-" + RUN, "m-d5-" + RUN, "m-d4-" + RUN)));
        given().get("/v1/search/queries?from=" + H2 + "&to=" + H2.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200)
                .body("from", equalTo(iso(H2)))
                .body("items", org.hamcrest.Matchers.hasSize(6));
        for (String list : List.of("/v1/sessions", "/v1/search/queries")) {
            given().get(list + "?from=2026-03-30&to=2026-03-29")
                    .then()
                    .statusCode(400)
                    .body("errors[0].parameter", equalTo("to"))
                    .body("errors[0].rule", equalTo("after-from"));
        }
        given().get("/v1/search/queries?from=2026-01-01&to=2026-04-05")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("max-range"));
    }

    @Test
    @DisplayName("a session's source is the referrer's host (TrafficSource); durationMs beside the seed's seconds;"
            + " V4's SQL twin of the rule (which filled the rows stored before) gives the same source; one"
            + " (dimension, start_time) index per dimension, named as in ADR 0015")
    void theSourceOfASession() {
        assertThat(Api.session("m-d1-" + RUN))
                .containsEntry("source", "google.com")
                .containsEntry("duration", 60)
                .containsEntry("durationMs", 60_000);
        assertThat(Api.session("m-d4-" + RUN))
                .containsEntry("source", "(direct)")
                .containsEntry("durationMs", 15_250);
        List<String> referrers = List.of(
                "",
                "   ",
                "https://www.google.com/search?q=rose",
                "HTTPS://WWW.Example.COM.:8080/x",
                "http://user:pw@host.example/",
                "//cdn.example.net/a.js",
                "android-app://com.google.android.gm",
                "not a url",
                "mailto:someone@example.com",
                "http://[::1]:8080/x",
                "https://www./",
                "http://host_name.example/",
                "file:///etc/passwd",
                "https://bücher.example/");
        for (String referrer : referrers) {
            assertThat(Sql.query(SessionTestResource.DATABASE, "select traffic_source(?) as s", referrer)
                            .get(0)
                            .get("s"))
                    .as(referrer)
                    .isEqualTo(TrafficSource.of(referrer));
        }
        assertThat(Sql.query(SessionTestResource.DATABASE, "select traffic_source(null) as s")
                        .get(0)
                        .get("s"))
                .isEqualTo(TrafficSource.of(null));
        assertThat(Sql.query(
                                SessionTestResource.DATABASE,
                                "select indexname, indexdef from pg_indexes where tablename = 'user_session'")
                        .stream()
                        .map(r -> r.get("indexname"))
                        .toList())
                .contains(
                        "idx_user_session_location_start",
                        "idx_user_session_device_type_start",
                        "idx_user_session_browser_start",
                        "idx_user_session_os_start",
                        "idx_user_session_source_start",
                        "idx_user_session_referrer_start",
                        "idx_user_session_entry_page_start",
                        "idx_user_session_exit_page_start");
    }
}
