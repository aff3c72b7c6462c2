package com.newsmell.collector.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The read API and the operational endpoints, against the real raw store. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class EventQueryResourceTest {

    /** Health and metrics are on the management interface (its root is /q), not on the API port (ADR 0075). */
    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void pagesThroughASessionWithACursor() {
        String sessionId = TestEvents.sessionId("paging");
        ObjectNode[] events = new ObjectNode[5];
        Instant base = Instant.now().minusSeconds(60);
        for (int i = 0; i < events.length; i++) {
            events[i] = TestEvents.pageView(sessionId);
            events[i].put("timestamp", base.plusSeconds(i).toString());
            events[i].put("path", "/page/" + i);
        }
        given().contentType(ContentType.JSON)
                .body(TestEvents.batch(events))
                .post("/v1/events/batch")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("sessionId", sessionId)
                        .get("/v1/events")
                        .then()
                        .body("items", hasSize(5)));

        String cursor = given().queryParam("sessionId", sessionId)
                .queryParam("limit", 2)
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].path", equalTo("/page/0"))
                .body("items[1].path", equalTo("/page/1"))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        String next = given().queryParam("sessionId", sessionId)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/v1/events")
                .then()
                .body("items[0].path", equalTo("/page/2"))
                .body("items[1].path", equalTo("/page/3"))
                .extract()
                .path("nextCursor");
        given().queryParam("sessionId", sessionId)
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/v1/events")
                .then()
                .body("items", hasSize(1))
                .body("items[0].path", equalTo("/page/4"))
                .body("nextCursor", nullValue());

        given().queryParam("sessionId", sessionId)
                .queryParam("type", "PAGE_VIEW")
                .queryParam("from", base.plusSeconds(1).toString())
                .queryParam("to", base.plusSeconds(3).toString())
                .get("/v1/events")
                .then()
                .body("items", hasSize(2));
    }

    // ADR 0030: the answer covers the hot and warm range and says where older data lives.
    @Test
    void everyAnswerSaysWhereOlderDataLives() {
        given().queryParam("userId", "nobody-" + java.util.UUID.randomUUID())
                .get("/v1/events")
                .then()
                .statusCode(200)
                .header(ArchiveHeaders.BEFORE, startsWith("20"))
                .header(ArchiveHeaders.LOCATION, containsString("year=YYYY/month=MM/event_type="));
    }

    @Test
    void badQueryParametersAreProblemsNamingTheParameter() {
        given().get("/v1/events")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("required"))
                .body("errors[0].detail", containsString("userId, sessionId or perfumeId"));
        given().queryParam("userId", "u")
                .queryParam("limit", 5000)
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"))
                .body("errors[0].rule", equalTo("range"));
        given().queryParam("userId", "u")
                .queryParam("limit", "ten")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"))
                .body("errors[0].rule", equalTo("type"));
        given().queryParam("userId", "u")
                .queryParam("type", "NOPE")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("type"))
                .body("errors[0].rule", equalTo("enum"));
        given().queryParam("userId", "u")
                .queryParam("from", "yesterday")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("format"));
        given().queryParam("userId", "u")
                .queryParam("cursor", "garbage")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    /** Yesterday (UTC) at the given time: inside the accepted lateness, and far from the other tests' events. */
    private static Instant yesterdayAt(String time) {
        return LocalDate.now(ZoneOffset.UTC)
                .minusDays(1)
                .atTime(LocalTime.parse(time))
                .toInstant(ZoneOffset.UTC);
    }

    private static void ingest(ObjectNode... events) {
        given().contentType(ContentType.JSON)
                .header("User-Agent", BROWSER)
                .body(TestEvents.batch(events))
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(events.length));
    }

    private static ObjectNode at(ObjectNode event, Instant timestamp) {
        return event.put("timestamp", timestamp.toString());
    }

    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

    // Issue #22: "Raw event exploration: GET /v1/events?eventType=&from=&to= without a user filter, bounded range";
    // ADR 0015: a list bounded by time echoes its window; instants with exactly three fractional digits.
    @Test
    void listsByEventTypeAndTimeWithoutAUser() {
        Instant from = yesterdayAt("03:00:00");
        Instant to = yesterdayAt("03:10:00");
        String session = TestEvents.sessionId("by-type");
        ingest(
                at(TestEvents.perfumeView(session, "p-1"), from),
                at(TestEvents.perfumeView(session, "p-2"), from.plusMillis(1500)),
                at(TestEvents.perfumeView(TestEvents.sessionId("by-type"), "p-3"), to.minusMillis(1)),
                at(TestEvents.pageView(session), from.plusSeconds(60)),
                at(TestEvents.pageView(session), from.plusSeconds(120)),
                at(TestEvents.perfumeView(session, "p-4"), to),
                at(TestEvents.perfumeView(session, "p-5"), from.minusMillis(1)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("from", from.toString())
                        .queryParam("to", yesterdayAt("03:20:00").toString())
                        .get("/v1/events")
                        .then()
                        .body("items", hasSize(6)));

        given().queryParam("eventType", "PERFUME_VIEW")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("items.perfumeId", contains("p-1", "p-2", "p-3"))
                .body("items[0].timestamp", equalTo(JsonConvention.format(from)))
                .body("items[1].timestamp", equalTo(JsonConvention.format(from.plusMillis(1500))))
                .body("items[0].receivedAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
                .body("items[0].userId", equalTo("user-1"))
                .body("items[0]", not(hasKey("sentAt")))
                .body("nextCursor", nullValue())
                .body("from", equalTo(JsonConvention.format(from)))
                .body("to", equalTo(JsonConvention.format(to)))
                .body("tz", equalTo("UTC"));
        // The deprecated name still works.
        given().queryParam("type", "PAGE_VIEW")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        given().queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(5));
    }

    // ADR 0015: "a list bounded by time alone ... 93 days"; a reversed range is to/after-from; unknown parameters
    // (includeBots is not one of the raw list's: it lists bots too) are 400 naming them.
    @Test
    void aTimeOnlyListIsBounded() {
        given().queryParam("eventType", "PAGE_VIEW")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("required"));
        given().queryParam("from", "2026-01-01")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("required"));
        given().queryParam("from", "2026-01-01")
                .queryParam("to", "2026-04-04T00:00:01Z")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("max-range"));
        given().queryParam("from", "2026-01-01")
                .queryParam("to", "2026-04-04")
                .get("/v1/events")
                .then()
                .statusCode(200);
        given().queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("after-from"));
        given().queryParam("sessionId", "s")
                .queryParam("from", "2026-03-02T00:00:00Z")
                .queryParam("to", "2026-03-01T00:00:00Z")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].rule", equalTo("after-from"));
        given().queryParam("sessionId", "s")
                .queryParam("includeBots", "false")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("includeBots"))
                .body("errors[0].rule", equalTo("unknown"));
        given().queryParam("sessionId", "s")
                .queryParam("eventType", "PAGE_VIEW")
                .queryParam("type", "PAGE_VIEW")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("type"))
                .body("errors[0].rule", equalTo("repeated"));
        given().queryParam("sessionId", "s")
                .queryParam("tz", "Berlin")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("tz"))
                .body("errors[0].rule", equalTo("zone"));
    }

    // ADR 0015: keyset paging on (timestamp, eventId) over a time-only list: every event once, in order, even when
    // several share a timestamp.
    @Test
    void keysetPagesATimeOnlyListWithoutDuplicatesOrGaps() {
        Instant from = yesterdayAt("04:00:00");
        Instant to = yesterdayAt("04:10:00");
        String session = TestEvents.sessionId("keyset");
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // pairs of events share a timestamp: only the eventId orders them
            events.add(at(TestEvents.pageView(session), from.plusSeconds(i / 2).plusNanos(250_000)));
        }
        ingest(events.toArray(ObjectNode[]::new));
        Set<String> expected = new HashSet<>();
        events.forEach(e -> expected.add(e.get("eventId").asText()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("sessionId", session)
                        .get("/v1/events")
                        .then()
                        .body("items", hasSize(8)));

        List<String> seen = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("from", from.toString())
                    .queryParam("to", to.toString())
                    .queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.get("/v1/events").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.eventId", String.class));
            times.addAll(page.getList("items.timestamp", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(times).isSorted();
    }

    // ADR 0015: "Every list ... produces application/json and text/csv": the items, with a header row.
    @Test
    void answersCsvWithAHeaderRow() {
        String session = TestEvents.sessionId("csv");
        Instant base = yesterdayAt("05:00:00");
        ObjectNode withComma = at(TestEvents.pageView(session), base.plusSeconds(1));
        withComma.put("path", "/perfumes/a,b");
        ingest(at(TestEvents.pageView(session), base), withComma);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("sessionId", session)
                        .get("/v1/events")
                        .then()
                        .body("items", hasSize(2)));

        String csv = given().accept("text/csv")
                .queryParam("sessionId", session)
                .get("/v1/events")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header)
                .contains("eventId", "sessionId", "eventType", "timestamp", "path", "eventData.title", "isBot");
        assertThat(lines.get(1)).contains(JsonConvention.format(base)).contains(session);
        assertThat(lines.get(2)).contains("\"/perfumes/a,b\"");
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get(live).then().statusCode(200);
        given().get(ready).then().statusCode(200);
        given().get(metrics).then().statusCode(200).body(containsString("newsmell_"));
        assertThat(live.getPort()).isNotEqualTo(RestAssured.port);
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().get(path).then().statusCode(404);
        }
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/events/batch"));
        given().get("/no/such/route").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .delete("/v1/events")
                .then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"));
    }
}
