package com.newsmell.collector.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/events/metrics} against the real raw store: events ingested through the API (so with the collector's
 * own enrichment: country, device, browser, os, source) into days of their own, counted exactly. The current period
 * is the two UTC days four and three days ago, the previous one the two days before; no other test writes there.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class EventMetricsResourceTest {

    private static final String IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    private static final String WINDOWS_CHROME =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    /** YAUAA knows no device, browser name aside, and no bot: deviceType and os stay empty. */
    private static final String UNKNOWN_CLIENT = "NewSmellTestClient/1.0";

    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String ID = UUID.randomUUID().toString().substring(0, 8);

    /** The current period [today - 4 d, today - 2 d) and the previous one [today - 6 d, today - 4 d), UTC days. */
    private static final LocalDate FROM = TODAY.minusDays(4);

    private static final LocalDate TO = TODAY.minusDays(2);

    private static boolean ingested;

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    private static ObjectNode event(ObjectNode event, String user, Instant timestamp, String referrer) {
        if (user == null) {
            event.remove("userId");
        } else {
            event.put("userId", user);
        }
        if (referrer != null) {
            event.put("referrer", referrer);
        }
        return event.put("timestamp", timestamp.toString());
    }

    private static String session(String name) {
        return "metrics-" + ID + "-" + name;
    }

    private static String user(String name) {
        return "metrics-" + ID + "-" + name;
    }

    private static void post(String userAgent, String country, ObjectNode... events) {
        RequestSpecification request = given().contentType(ContentType.JSON).header("User-Agent", userAgent);
        if (country != null) {
            request.header("CF-IPCountry", country);
        }
        request.body(TestEvents.batch(events))
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(events.length));
    }

    /**
     * The data set, ingested once. Current period (bots left out): 7 events, sessions s1-s5, users u1-u3.
     *
     * <pre>
     * event  session user day   type              country device   source
     * e1     s1      u1   D-4   PAGE_VIEW         DE      mobile   google.com
     * e2     s1      u1   D-4   PERFUME_VIEW      DE      mobile   google.com
     * e3     s2      -    D-3   PAGE_VIEW         DE      mobile   (direct)
     * e4     s3      u2   D-3   PAGE_VIEW         -       desktop  news.ycombinator.com
     * e5     s3      u2   D-3   SEARCH_PERFORMED  -       desktop  (direct)
     * e6     s4      u1   D-4   PAGE_VIEW         -       desktop  (direct)       at D-4 00:00:00.000, the start
     * e7     s5      u3   D-3   PAGE_VIEW         FR      -        (direct)       at D-3 23:59:59.999
     * bot    s6      -    D-3   PAGE_VIEW         DE      -        (direct)       Googlebot
     * late   s4      u1   D-2   PAGE_VIEW         -       desktop  (direct)       at D-2 00:00, the end: outside
     * </pre>
     *
     * Previous period: 3 events, sessions s7 and s8, user u4.
     */
    private static synchronized void ingestOnce() {
        if (ingested) {
            return;
        }
        LocalDate d4 = FROM;
        LocalDate d3 = FROM.plusDays(1);
        String google = "https://www.google.com/search?q=rose";
        post(
                IPHONE,
                "DE",
                event(TestEvents.pageView(session("s1")), user("u1"), at(d4, "01:00"), google),
                event(TestEvents.perfumeView(session("s1"), "p-1"), user("u1"), at(d4, "02:00"), google),
                event(TestEvents.pageView(session("s2")), null, at(d3, "05:00"), null));
        post(
                WINDOWS_CHROME,
                null,
                event(
                        TestEvents.pageView(session("s3")),
                        user("u2"),
                        at(d3, "06:00"),
                        "https://news.ycombinator.com/item"),
                event(TestEvents.search(session("s3"), "rose"), user("u2"), at(d3, "07:00"), null),
                event(TestEvents.pageView(session("s4")), user("u1"), at(d4, "00:00"), null),
                event(TestEvents.pageView(session("s4")), user("u1"), at(TO, "00:00"), null));
        post(UNKNOWN_CLIENT, "FR", event(TestEvents.pageView(session("s5")), user("u3"), at(d3, "23:59:59.999"), null));
        post(GOOGLEBOT, "DE", event(TestEvents.pageView(session("s6")), null, at(d3, "08:00"), null));
        post(
                IPHONE,
                "DE",
                event(TestEvents.pageView(session("s7")), user("u4"), at(FROM.minusDays(1), "10:00"), null),
                event(TestEvents.pageView(session("s7")), user("u4"), at(FROM.minusDays(1), "11:00"), null),
                event(TestEvents.pageView(session("s8")), null, at(FROM.minusDays(2), "12:00"), null));
        // Everything is in the raw store: 7 + 1 bot in the current period, 3 in the previous one, 1 just after.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().queryParam("from", FROM.minusDays(2).toString())
                                .queryParam("to", TO.plusDays(1).toString())
                                .queryParam("limit", 1000)
                                .get("/v1/events")
                                .then()
                                .statusCode(200)
                                .body("items.findAll { it.sessionId.startsWith('metrics-" + ID + "') }", hasSize(12)));
        ingested = true;
    }

    private static RequestSpecification metrics() {
        return given().queryParam("from", FROM.toString()).queryParam("to", TO.toString());
    }

    private static JsonPath ok(RequestSpecification request) {
        return request.get("/v1/events/metrics")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .extract()
                .jsonPath();
    }

    // Issue #22: events, sessions, users per day and in totals, from the raw store; the totals count distinct sessions
    // and users over the whole window (not sums of the buckets); bots out unless includeBots; every bucket listed.
    @Test
    void totalsAndDayBucketsCountTheRawStoreExactly() {
        ingestOnce();
        metrics()
                .get("/v1/events/metrics")
                .then()
                .statusCode(200)
                .body("from", equalTo(JsonConvention.format(at(FROM, "00:00"))))
                .body("to", equalTo(JsonConvention.format(at(TO, "00:00"))))
                .body("tz", equalTo("UTC"))
                .body("granularity", equalTo("day"))
                .body("asOf", startsWith(TODAY.toString().substring(0, 4)))
                .body("totals.events", equalTo(7))
                .body("totals.sessions", equalTo(5))
                .body("totals.users", equalTo(3))
                .body("buckets", hasSize(2))
                .body("buckets[0].start", equalTo(JsonConvention.format(at(FROM, "00:00"))))
                .body("buckets[0].events", equalTo(3))
                .body("buckets[0].sessions", equalTo(2))
                .body("buckets[0].users", equalTo(1))
                .body("buckets[1].start", equalTo(JsonConvention.format(at(FROM.plusDays(1), "00:00"))))
                .body("buckets[1].events", equalTo(4))
                .body("buckets[1].sessions", equalTo(3))
                .body("buckets[1].users", equalTo(2))
                .body("$", not(hasKey("filters")))
                .body("$", not(hasKey("breakdown")))
                .body("$", not(hasKey("compare")));

        JsonPath bots = ok(metrics().queryParam("includeBots", "true"));
        assertThat(bots.getInt("totals.events")).isEqualTo(8);
        assertThat(bots.getInt("totals.sessions")).isEqualTo(6);
        assertThat(bots.getInt("totals.users")).isEqualTo(3);
        assertThat(bots.getInt("buckets[1].events")).isEqualTo(5);

        // Hour buckets, UTC: 00:00 e6, 01:00 e1, 02:00 e2, 03:00 nothing; two distinct sessions over the window, though
        // the buckets' sessions add up to three.
        JsonPath hours = ok(given().queryParam("from", at(FROM, "00:00").toString())
                .queryParam("to", at(FROM, "04:00").toString())
                .queryParam("granularity", "hour"));
        assertThat(hours.getList("buckets.events", Integer.class)).containsExactly(1, 1, 1, 0);
        assertThat(hours.getList("buckets.start", String.class))
                .containsExactly(
                        JsonConvention.format(at(FROM, "00:00")),
                        JsonConvention.format(at(FROM, "01:00")),
                        JsonConvention.format(at(FROM, "02:00")),
                        JsonConvention.format(at(FROM, "03:00")));
        assertThat(hours.getInt("totals.events")).isEqualTo(3);
        assertThat(hours.getInt("totals.sessions")).isEqualTo(2);
        assertThat(hours.getInt("totals.users")).isEqualTo(1);
        assertThat(hours.getString("granularity")).isEqualTo("hour");
    }

    // ADR 0015: "rows without one are broken down as (unknown) ... the values' totals add up to the totals"; most
    // events first; the source is the referrer's host without www., (direct) without one.
    @Test
    void breakdownsAddUpToTheTotalsWithUnknown() {
        ingestOnce();
        JsonPath country = ok(metrics().queryParam("breakdown", "country"));
        assertThat(country.getString("breakdown.dimension")).isEqualTo("country");
        assertThat(country.getList("breakdown.items.value", String.class)).containsExactly("DE", "(unknown)", "FR");
        assertThat(country.getList("breakdown.items.totals.events", Integer.class))
                .containsExactly(3, 3, 1);
        assertThat(country.getList("breakdown.items.totals.sessions", Integer.class))
                .containsExactly(2, 2, 1);
        assertThat(country.getList("breakdown.items.totals.users", Integer.class))
                .containsExactly(1, 2, 1);
        assertThat(country.getInt("totals.events")).isEqualTo(7);
        assertThat(country.getList("buckets")).isNull();

        JsonPath device = ok(metrics().queryParam("breakdown", "deviceType"));
        assertThat(device.getList("breakdown.items.value", String.class))
                .containsExactly("desktop", "mobile", "(unknown)");
        assertThat(device.getList("breakdown.items.totals.events", Integer.class))
                .containsExactly(3, 3, 1);

        JsonPath type = ok(metrics().queryParam("breakdown", "eventType"));
        assertThat(type.getList("breakdown.items.value", String.class))
                .containsExactly("PAGE_VIEW", "PERFUME_VIEW", "SEARCH_PERFORMED");
        assertThat(type.getList("breakdown.items.totals.events", Integer.class)).containsExactly(5, 1, 1);

        // Paged: limit 2, then the cursor; no value twice, none missing.
        JsonPath first = ok(metrics().queryParam("breakdown", "source").queryParam("limit", 2));
        assertThat(first.getList("breakdown.items.value", String.class)).containsExactly("(direct)", "google.com");
        assertThat(first.getList("breakdown.items.totals.events", Integer.class))
                .containsExactly(4, 2);
        JsonPath second = ok(metrics()
                .queryParam("breakdown", "source")
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("breakdown.nextCursor")));
        assertThat(second.getList("breakdown.items.value", String.class)).containsExactly("news.ycombinator.com");
        assertThat(second.getList("breakdown.items.totals.events", Integer.class))
                .containsExactly(1);
        assertThat(second.getString("breakdown.nextCursor")).isNull();

        JsonPath os = ok(metrics().queryParam("breakdown", "os"));
        assertThat(os.getList("breakdown.items.value", String.class)).contains("iOS", "(unknown)");
        assertThat(os.getList("breakdown.items.totals.events", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(7);
    }

    // ADR 0015: filters with ==, != and | (any of), (unknown) for no value; echoed; every condition must hold.
    @Test
    void filtersSelectExactly() {
        ingestOnce();
        Map<String, List<Integer>> expected = Map.of(
                "country==DE", List.of(3, 2, 1),
                "country!=DE", List.of(4, 3, 3),
                "deviceType==mobile|desktop", List.of(6, 4, 2),
                "deviceType==(unknown)", List.of(1, 1, 1),
                "deviceType!=(unknown)", List.of(6, 4, 2),
                "country==(unknown);eventType==PAGE_VIEW", List.of(2, 2, 2),
                "source==google.com|news.ycombinator.com", List.of(3, 2, 2),
                "eventCategory==SEARCH|VIEW;browser!=Safari", List.of(4, 3, 3));
        expected.forEach((filters, figures) -> {
            JsonPath answer = ok(metrics().queryParam("filters", filters));
            assertThat(List.of(
                            answer.getInt("totals.events"),
                            answer.getInt("totals.sessions"),
                            answer.getInt("totals.users")))
                    .as(filters)
                    .isEqualTo(figures);
            assertThat(answer.getList("buckets.events", Integer.class).stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .as(filters + ": the buckets add up")
                    .isEqualTo(figures.get(0));
        });
        metrics()
                .queryParam("filters", "country==DE;deviceType==mobile|(unknown)")
                .get("/v1/events/metrics")
                .then()
                .statusCode(200)
                .body("filters.country", equalTo("==DE"))
                .body("filters.deviceType", equalTo("==mobile|(unknown)"))
                .body("totals.events", equalTo(3));
    }

    // ADR 0015: "compare is {from, to, totals, change: {figure: {difference, percent}}}, the previous period being as
    // long as this one, just before it".
    @Test
    void comparesWithThePreviousPeriod() {
        ingestOnce();
        metrics()
                .queryParam("compare", "previous_period")
                .get("/v1/events/metrics")
                .then()
                .statusCode(200)
                .body("totals.events", equalTo(7))
                .body("compare.from", equalTo(JsonConvention.format(at(FROM.minusDays(2), "00:00"))))
                .body("compare.to", equalTo(JsonConvention.format(at(FROM, "00:00"))))
                .body("compare.totals.events", equalTo(3))
                .body("compare.totals.sessions", equalTo(2))
                .body("compare.totals.users", equalTo(1))
                .body("compare.change.events.difference", equalTo(4))
                .body("compare.change.events.percent", equalTo(133.33f))
                .body("compare.change.sessions.difference", equalTo(3))
                .body("compare.change.sessions.percent", equalTo(150.0f))
                .body("compare.change.users.difference", equalTo(2))
                .body("compare.change.users.percent", equalTo(200.0f));
        // A previous period without events: no percent.
        given().queryParam("from", FROM.minusDays(30).toString())
                .queryParam("to", FROM.minusDays(29).toString())
                .queryParam("compare", "previous_period")
                .get("/v1/events/metrics")
                .then()
                .statusCode(200)
                .body("compare.change.events.difference", equalTo(0))
                .body("compare.change.events", not(hasKey("percent")));
    }

    // ADR 0015: "day buckets are the days of tz": 23:30 and 00:30 in Berlin are on two days, though both are on
    // one UTC day.
    @Test
    void dayBucketsAreDaysOfTheTimeZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate day = TODAY.minusDays(2);
        String path = "/berlin-" + UUID.randomUUID();
        String session = TestEvents.sessionId("berlin");
        Instant lateEvening = day.atTime(23, 30).atZone(berlin).toInstant();
        Instant afterMidnight = day.plusDays(1).atTime(0, 30).atZone(berlin).toInstant();
        Instant evening = day.plusDays(1).atTime(20, 0).atZone(berlin).toInstant();
        post(
                IPHONE,
                "DE",
                event(TestEvents.pageView(session).put("path", path), null, lateEvening, null),
                event(TestEvents.pageView(session).put("path", path), null, afterMidnight, null),
                event(TestEvents.pageView(session).put("path", path), null, evening, null));
        RequestSpecification request = given().queryParam("from", day.toString())
                .queryParam("to", day.plusDays(2).toString())
                .queryParam("tz", "Europe/Berlin")
                .queryParam("filters", "path==" + path);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(ok(request).getInt("totals.events")).isEqualTo(3));
        JsonPath answer = ok(request);
        assertThat(answer.getString("tz")).isEqualTo("Europe/Berlin");
        assertThat(answer.getString("from"))
                .isEqualTo(JsonConvention.format(day.atStartOfDay(berlin).toInstant()));
        assertThat(answer.getList("buckets.start", String.class))
                .containsExactly(
                        JsonConvention.format(day.atStartOfDay(berlin).toInstant()),
                        JsonConvention.format(
                                day.plusDays(1).atStartOfDay(berlin).toInstant()));
        assertThat(answer.getList("buckets.events", Integer.class)).containsExactly(1, 2);
        assertThat(lateEvening.atZone(ZoneOffset.UTC).toLocalDate())
                .as("both on one UTC day")
                .isEqualTo(afterMidnight.atZone(ZoneOffset.UTC).toLocalDate());
    }

    // ADR 0015: "Accept: text/csv answers the rows (... a breakdown's values, the buckets ...) with a header row".
    @Test
    void answersCsv() {
        ingestOnce();
        String buckets = metrics()
                .accept("text/csv")
                .get("/v1/events/metrics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(buckets.split("\r\n"))
                .containsExactly(
                        "start,events,sessions,users",
                        JsonConvention.format(at(FROM, "00:00")) + ",3,2,1",
                        JsonConvention.format(at(FROM.plusDays(1), "00:00")) + ",4,3,2");
        String breakdown = metrics()
                .accept("text/csv")
                .queryParam("breakdown", "country")
                .get("/v1/events/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(breakdown.split("\r\n"))
                .containsExactly(
                        "value,totals.events,totals.sessions,totals.users", "DE,3,2,1", "(unknown),3,2,2", "FR,1,1,1");
    }

    // ADR 0015: strictness; every enum value checked, filter values of enum dimensions too; ranges on the grid.
    @Test
    void badParametersAreProblemsNamingThem() {
        // parameter=value to add, the parameter and rule the problem names
        String[][] cases = {
            {"country", "DE", "country", "unknown"},
            {"from", "2026-12-02", "from", "repeated"},
            {"filters", "deviceType==phone", "filters", "enum"},
            {"filters", "eventType==VIEW", "filters", "enum"},
            {"filters", "houseId==h-1", "filters", "enum"},
            {"filters", "country=DE", "filters", "format"},
            {"breakdown", "entryPage", "breakdown", "enum"},
            {"granularity", "week", "granularity", "enum"},
            {"compare", "yesterday", "compare", "enum"},
            {"includeBots", "maybe", "includeBots", "type"},
            {"limit", "0", "limit", "range"},
            {"cursor", "garbage", "cursor", "format"}
        };
        for (String[] c : cases) {
            metrics()
                    .queryParam(c[0], c[1])
                    .get("/v1/events/metrics")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].parameter", equalTo(c[2]))
                    .body("errors[0].rule", equalTo(c[3]));
        }
        given().get("/v1/events/metrics")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("required"));
        given().queryParam("from", TO.toString())
                .queryParam("to", FROM.toString())
                .get("/v1/events/metrics")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("after-from"));
        // hours are UTC hours in every zone; the days of a zone 30 minutes off UTC are not on whole UTC hours
        given().queryParam("from", "2026-01-01T10:30:00Z")
                .queryParam("to", "2026-01-05T00:00:00Z")
                .queryParam("granularity", "hour")
                .queryParam("tz", "Asia/Kolkata")
                .get("/v1/events/metrics")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("grid"));
        given().queryParam("from", "2026-01-01")
                .queryParam("to", "2026-01-05")
                .queryParam("tz", "Asia/Kolkata")
                .get("/v1/events/metrics")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("tz"))
                .body("errors[0].rule", equalTo("grid"));
        given().queryParam("from", "2026-01-01")
                .queryParam("to", "2026-05-01")
                .queryParam("granularity", "hour")
                .get("/v1/events/metrics")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("max-range"));
        given().queryParam("from", FROM.toString())
                .queryParam("to", TO.toString())
                .header("Accept", "application/xml")
                .get("/v1/events/metrics")
                .then()
                .statusCode(406);
    }

    // ADR 0015: the OpenAPI types every parameter.
    @Test
    void theOpenApiTypesEveryParameter() {
        JsonPath openapi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String metrics = "paths.'/v1/events/metrics'.get.parameters";
        assertThat(openapi.getList(metrics + ".name", String.class))
                .containsExactlyInAnyOrder(
                        "from",
                        "to",
                        "tz",
                        "granularity",
                        "includeBots",
                        "breakdown",
                        "filters",
                        "compare",
                        "limit",
                        "cursor");
        assertThat(openapi.getString(metrics + ".find { it.name == 'from' }.schema.format"))
                .isEqualTo("date-time");
        assertThat(openapi.getList(metrics + ".find { it.name == 'breakdown' }.schema.enum", String.class))
                .containsExactlyElementsOf(EventDimension.NAMES);
        assertThat(openapi.getInt(metrics + ".find { it.name == 'limit' }.schema.maximum"))
                .isEqualTo(1000);
        assertThat(openapi.getString(metrics + ".find { it.name == 'includeBots' }.schema.type"))
                .isEqualTo("boolean");
        // The window, paging and metrics parameters are the toolkit's @BeanParams; from and to stay required here.
        assertThat(openapi.getBoolean(metrics + ".find { it.name == 'from' }.required"))
                .isTrue();
        assertThat(openapi.getBoolean(metrics + ".find { it.name == 'to' }.required"))
                .isTrue();
        assertThat(openapi.getString(metrics + ".find { it.name == 'to' }.schema.format"))
                .isEqualTo("date-time");
        assertThat(openapi.getList(metrics + ".find { it.name == 'granularity' }.schema.enum", String.class))
                .containsExactly("hour", "day");
        assertThat(openapi.getList(metrics + ".find { it.name == 'compare' }.schema.enum", String.class))
                .containsExactly("previous_period");
        assertThat(openapi.getString(metrics + ".find { it.name == 'tz' }.schema.default"))
                .isEqualTo("UTC");
        String list = "paths.'/v1/events'.get.parameters";
        assertThat(openapi.getList(list + ".find { it.name == 'eventType' }.schema.enum", String.class))
                .hasSize(43)
                .contains("PAGE_VIEW", "RECOMMENDATION_FEEDBACK", "USER_REGISTERED");
        assertThat(openapi.getBoolean(list + ".find { it.name == 'type' }.deprecated"))
                .isTrue();
        assertThat(openapi.getMap("paths.'/v1/events'.get.responses.'200'.content"))
                .containsKeys("application/json", "text/csv");
        assertThat(openapi.getString(list + ".find { it.name == 'to' }.schema.format"))
                .isEqualTo("date-time");
        assertThat(openapi.getList(list + ".name", String.class))
                .containsExactlyInAnyOrder(
                        "userId", "sessionId", "perfumeId", "eventType", "type", "from", "to", "tz", "limit", "cursor");
        assertThat(openapi.getString(list + ".find { it.name == 'from' }.required"))
                .isNull();
        assertThat(openapi.getInt(list + ".find { it.name == 'limit' }.schema.maximum"))
                .isEqualTo(1000);
        // The batch takes one query parameter: the write key of a beacon (ADR 0065).
        assertThat(openapi.getList("paths.'/v1/events/batch'.post.parameters.name", String.class))
                .containsExactly("writeKey");
        // The list's items are the contract's events, not Jackson's ObjectNode class.
        String page = openapi.getString(
                        "paths.'/v1/events'.get.responses.'200'.content.'application/json'.schema.'$ref'")
                .replace("#/components/schemas/", "");
        assertThat(openapi.getString("components.schemas." + page + ".properties.items.items.'$ref'"))
                .isEqualTo("#/components/schemas/UserInteractionEvent");
        assertThat(openapi.getString("components.schemas.UserInteractionEvent.type"))
                .isEqualTo("object");
    }

    // Issue #22 item 4: the ingest endpoints take no query parameters; the strict filter leaves a plain POST alone.
    @Test
    void ingestIsUnaffectedByTheStrictParameterFilter() {
        String session = TestEvents.sessionId("strict-post");
        given().contentType(ContentType.JSON)
                .header("User-Agent", IPHONE)
                .body(TestEvents.pageView(session).toString())
                .post("/v1/events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        given().contentType(ContentType.JSON)
                .header("User-Agent", IPHONE)
                .body(TestEvents.batch(TestEvents.pageView(session)))
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("results", hasSize(1))
                .body("results[0]", hasKey("eventId"));
        given().contentType(ContentType.JSON)
                .queryParam("debug", "1")
                .body(TestEvents.pageView(session).toString())
                .post("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("debug"))
                .body("errors[0].rule", equalTo("unknown"));
    }
}
