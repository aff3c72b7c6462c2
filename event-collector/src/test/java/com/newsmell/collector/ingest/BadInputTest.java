package com.newsmell.collector.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of bad inputs (issue #21 adds NUL and lone surrogates): each gets the right 4xx as application/problem+json naming the field and the
 * rule; nothing of it reaches the topic or the raw store; the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class BadInputTest {

    // Health and metrics: on the management interface, not the API port (ADR 0075).
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readyUrl;

    /** Every bad request's events carry this marker in their sessionId. */
    private static final String MARKER = "bad-input-marker";

    record Case(
            String name,
            String path,
            String contentType,
            Function<String, byte[]> body,
            int status,
            String pointer,
            String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                        single("broken JSON", s -> "{\"sessionId\": \"" + s + "\", ", "", "syntax"),
                        bytes(
                                "non-UTF-8 body",
                                s -> withBadByte(TestEvents.pageView(s).toString()),
                                "",
                                "encoding"),
                        single("body is an array", s -> "[" + TestEvents.pageView(s) + "]", "", "type"),
                        single("empty body", s -> "", "", "required"),
                        event("unknown eventType", e -> e.put("eventType", "PERFUME_SNIFFED"), "/eventType", "enum"),
                        event(
                                "category does not match",
                                e -> e.put("eventCategory", "SEARCH"),
                                "/eventCategory",
                                "mismatch"),
                        event("unknown category", e -> e.put("eventCategory", "SNIFF"), "/eventCategory", "enum"),
                        event("missing sessionId", e -> e.remove("sessionId"), "/sessionId", "required"),
                        event("missing path", e -> e.remove("path"), "/path", "required"),
                        event("missing eventType", e -> e.remove("eventType"), "/eventType", "required"),
                        event("missing timestamp", e -> e.remove("timestamp"), "/timestamp", "required"),
                        event("sessionId is a number", e -> e.put("sessionId", 42), "/sessionId", "type"),
                        event("timestamp not ISO", e -> e.put("timestamp", "yesterday"), "/timestamp", "format"),
                        event("eventId not a UUID", e -> e.put("eventId", "abc"), "/eventId", "format"),
                        event("duration negative", e -> e.put("duration", -5), "/duration", "range"),
                        event("duration is text", e -> e.put("duration", "long"), "/duration", "type"),
                        event("eventData is a string", e -> e.put("eventData", "x"), "/eventData", "type"),
                        event(
                                "scrollDepth 150",
                                e -> ((ObjectNode) e.get("eventData")).put("scrollDepth", 150),
                                "/eventData/scrollDepth",
                                "range"),
                        // Issue #21, "Accepted means stored": PostgreSQL refuses NUL in text and jsonb, and a lone
                        // surrogate has no UTF-8 form, so neither can be stored: 400 naming the field.
                        event(
                                "NUL in a string of eventData",
                                e -> ((ObjectNode) e.get("eventData")).put("title", "Per\u0000fumes"),
                                "/eventData/title",
                                "no-nul"),
                        event("NUL in path", e -> e.put("path", "/perfumes/\u0000"), "/path", "no-nul"),
                        bytes(
                                "lone surrogate in referrer",
                                s -> {
                                    ObjectNode e = TestEvents.pageView(s);
                                    e.put("referrer", "https://example.org/\uD800");
                                    return TestEvents.escapedJson(e);
                                },
                                "/referrer",
                                "utf-16"),
                        event("deviceType unknown", e -> e.put("deviceType", "fridge"), "/deviceType", "enum"),
                        event(
                                "page source unknown",
                                e -> ((ObjectNode) e.get("eventData")).put("source", "pigeon"),
                                "/eventData/source",
                                "enum"),
                        rating("rating of 7", 7, "/eventData/ratings/overall", "range"),
                        rating("rating of 0", 0, "/eventData/ratings/overall", "range"),
                        event(
                                "rating without perfumeId",
                                e -> {
                                    e.put("eventType", "RATING_COMPLETED");
                                    e.putObject("eventData")
                                            .putObject("ratings")
                                            .put("overall", 4);
                                },
                                "/perfumeId",
                                "required"),
                        event(
                                "noteType unknown",
                                e -> {
                                    e.put("eventType", "NOTES_EXPANDED");
                                    e.put("perfumeId", "p1");
                                    e.putObject("eventData").put("noteType", "middle");
                                },
                                "/eventData/noteType",
                                "enum"),
                        event(
                                "tradePreference unknown",
                                e -> {
                                    e.put("eventType", "COLLECTION_ADD");
                                    e.put("perfumeId", "p1");
                                    e.putObject("eventData").put("tradePreference", "gift");
                                },
                                "/eventData/tradePreference",
                                "enum"),
                        event(
                                "searchType unknown",
                                e -> {
                                    e.put("eventType", "SEARCH_PERFORMED");
                                    e.putObject("eventData")
                                            .put("query", "rose")
                                            .put("searchType", "random");
                                },
                                "/eventData/searchType",
                                "enum"),
                        event(
                                "timestamp 2 days ahead",
                                e -> e.put(
                                        "timestamp",
                                        Instant.now().plus(Duration.ofDays(2)).toString()),
                                "/timestamp",
                                "range"),
                        event(
                                "timestamp 8 days old",
                                e -> e.put(
                                        "timestamp",
                                        Instant.now().minus(Duration.ofDays(8)).toString()),
                                "/timestamp",
                                "range"),
                        event(
                                "eventData too deep",
                                e -> {
                                    ObjectNode node = e.putObject("eventData");
                                    for (int i = 0; i < 12; i++) {
                                        node = node.putObject("n");
                                    }
                                },
                                "/eventData/n/n/n/n/n/n/n/n",
                                "max-depth"),
                        event(
                                "eventData over 32 KB",
                                e -> {
                                    ObjectNode data = e.putObject("eventData");
                                    for (int i = 0; i < 40; i++) {
                                        data.put("k" + i, "x".repeat(1000));
                                    }
                                },
                                "/eventData",
                                "max-size"),
                        batch("batch without events", s -> "{\"items\": []}", "/events", "required"),
                        batch("batch events not an array", s -> "{\"events\": {}}", "/events", "type"),
                        batch("batch empty", s -> "{\"events\": []}", "/events", "min-items"),
                        batch("batch of 501", BadInputTest::oversizeBatch, "/events", "max-items"),
                        batch(
                                "batch whose only event is bad",
                                s -> {
                                    ObjectNode e = TestEvents.pageView(s);
                                    e.remove("path");
                                    return TestEvents.batch(e);
                                },
                                "/events/0/path",
                                "required"),
                        new Case(
                                "body over 1 MB",
                                "/v1/events/batch",
                                "application/json",
                                s -> ("{\"events\": [\"" + "x".repeat(1_100_000) + "\"]}")
                                        .getBytes(StandardCharsets.UTF_8),
                                413,
                                null,
                                null),
                        new Case(
                                "text/plain",
                                "/v1/events",
                                "text/plain",
                                s -> TestEvents.pageView(s).toString().getBytes(StandardCharsets.UTF_8),
                                415,
                                null,
                                null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void answersAProblemNamingTheFieldAndTheRule(Case c) {
        String sessionId = TestEvents.sessionId(MARKER);
        var response = given().contentType(c.contentType())
                .body(c.body().apply(sessionId))
                .post(c.path())
                .then()
                .statusCode(c.status())
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(c.status()))
                .body("type", startsWith("https://"))
                .body("title", org.hamcrest.Matchers.notNullValue());
        if (c.pointer() != null) {
            response.body("errors.pointer", hasItem(c.pointer())).body("errors.rule", hasItem(c.rule()));
        }
        given().get(readyUrl).then().statusCode(200);
    }

    @Test
    void nothingOfARejectedRequestIsStoredOrPublished() {
        badInputs().forEach(args -> {
            Case c = (Case) args.get()[0];
            given().contentType(c.contentType())
                    .body(c.body().apply(TestEvents.sessionId(MARKER)))
                    .post(c.path());
        });
        // A valid event sent afterwards reaches the store; by then any bad one would have, too.
        String sentinel = TestEvents.sessionId("sentinel");
        given().contentType("application/json")
                .body(TestEvents.pageView(sentinel).toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                CollectorTestResource.DATABASE,
                                "select count(*) from user_interaction_event where session_id = ?",
                                sentinel)
                        == 1);

        assertThat(Sql.count(
                        CollectorTestResource.DATABASE,
                        "select count(*) from user_interaction_event where session_id like ?",
                        MARKER + "%"))
                .isZero();
        assertThat(TopicReader.readAll(CollectorTestResource.interactionsTopic()))
                .noneMatch(r -> r.value().contains(MARKER));
        assertThat(TopicReader.readAll(CollectorTestResource.deadLetterTopic()))
                .noneMatch(r -> r.value().contains(MARKER));
        given().get(readyUrl).then().statusCode(200);
    }

    private static Case single(String name, Function<String, String> body, String pointer, String rule) {
        return new Case(
                name,
                "/v1/events",
                "application/json",
                s -> body.apply(s).getBytes(StandardCharsets.UTF_8),
                400,
                pointer,
                rule);
    }

    private static Case bytes(String name, Function<String, byte[]> body, String pointer, String rule) {
        return new Case(name, "/v1/events", "application/json", body, 400, pointer, rule);
    }

    private static Case batch(String name, Function<String, String> body, String pointer, String rule) {
        return new Case(
                name,
                "/v1/events/batch",
                "application/json",
                s -> body.apply(s).getBytes(StandardCharsets.UTF_8),
                400,
                pointer,
                rule);
    }

    private static Case event(
            String name, java.util.function.Consumer<ObjectNode> change, String pointer, String rule) {
        return single(
                name,
                s -> {
                    ObjectNode e = TestEvents.pageView(s);
                    change.accept(e);
                    return e.toString();
                },
                pointer,
                rule);
    }

    private static Case rating(String name, int overall, String pointer, String rule) {
        return single(name, s -> TestEvents.rating(s, "perfume-9", overall).toString(), pointer, rule);
    }

    private static String oversizeBatch(String sessionId) {
        ObjectNode[] events = new ObjectNode[501];
        Arrays.setAll(events, i -> TestEvents.pageView(sessionId));
        return TestEvents.batch(events);
    }

    private static byte[] withBadByte(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(utf8, utf8.length);
        int at = json.indexOf("Perfumes");
        bad[at] = (byte) 0xC3; // a lone lead byte followed by ASCII: malformed UTF-8
        return bad;
    }

    // issue #21: "%00 in any path parameter" was a 500, and "a 414 has no problem body" (ADR 0013)
    @Test
    void hostileParametersAreProblemsNotServerErrors() {
        given().urlEncodingEnabled(false)
                .get("/v1/events?userId=a%00b")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].rule", equalTo("no-nul"));
        given().urlEncodingEnabled(false)
                .get("/v1/events?userId=" + "x".repeat(9_000))
                .then()
                .statusCode(414)
                .contentType(startsWith("application/problem+json"));
        given().urlEncodingEnabled(false)
                .get("/v1/events?userId=u&from=%2B999999999-12-31T23%3A59%3A59Z")
                .then()
                .statusCode(400)
                .body("errors.rule", hasItem("range"));
    }
}
