package com.newsmell.collector.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ingest through HTTP, checked on the real topic and in the real raw store. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class EventIngestResourceTest {

    private static final String IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @Test
    void acceptedEventIsOnTheTopicKeyedBySessionAndInTheRawStore() {
        String sessionId = TestEvents.sessionId("ingest");
        ObjectNode event = TestEvents.perfumeView(sessionId, "perfume-1");
        String eventId = event.get("eventId").asText();

        given().contentType(ContentType.JSON)
                .body(event.toString())
                .post("/v1/events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("eventIds", equalTo(List.of(eventId)));

        TopicReader.Read record = TopicReader.readAll(CollectorTestResource.interactionsTopic()).stream()
                .filter(r -> sessionId.equals(r.key()))
                .findFirst()
                .orElseThrow();
        JsonNode wire = EventCodec.fromJson(record.value()).eventData();
        assertThat(wire.get("title").asText()).isEqualTo("Perfumes");
        assertThat(EventCodec.fromJson(record.value()).schemaVersion())
                .isEqualTo(UserInteractionEvent.CURRENT_SCHEMA_VERSION);
        assertThat(record.value()).contains("\"schemaVersion\":" + UserInteractionEvent.CURRENT_SCHEMA_VERSION);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("sessionId", sessionId)
                        .get("/v1/events")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].eventId", equalTo(eventId))
                        .body("items[0].eventCategory", equalTo("VIEW"))
                        .body("items[0].perfumeId", equalTo("perfume-1")));
    }

    /**
     * ADR 0040: the schemaVersion a client sent is kept as sent (a SchemaVer, or an integer model) while the event is
     * stamped with the current model; a superseded model inside its acceptance window is accepted with Deprecation
     * and Sunset headers (model 1's window is configured open until 2027-03-01).
     */
    @Test
    void theSentSchemaVersionIsKeptAndASupersededModelIsAcceptedWithDeprecationHeaders() {
        String sessionId = TestEvents.sessionId("schemaver");
        ObjectNode current = TestEvents.pageView(sessionId);
        current.put("schemaVersion", "2-1-0");
        ObjectNode integer = TestEvents.pageView(sessionId);
        integer.put("schemaVersion", 2);
        ObjectNode superseded = TestEvents.pageView(sessionId);
        superseded.put("schemaVersion", 1);

        given().contentType(ContentType.JSON)
                .body(current.toString())
                .post("/v1/events")
                .then()
                .statusCode(202)
                .header("Deprecation", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON)
                .body(integer.toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        given().contentType(ContentType.JSON)
                .body(TestEvents.batch(superseded))
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .header(
                        "Deprecation",
                        equalTo("@" + Instant.parse("2026-12-01T00:00:00Z").getEpochSecond()))
                .header("Sunset", equalTo("Mon, 1 Mar 2027 00:00:00 GMT"));

        await().atMost(Duration.ofSeconds(30)).until(() -> BatchIngestTest.storedRows(sessionId) == 3);
        var stored = Sql.query(
                CollectorTestResource.DATABASE,
                "select event_id::text as id, schema_version, schema_version_sent from user_interaction_event"
                        + " where session_id = ?",
                sessionId);
        java.util.Map<String, Object> sent = new java.util.HashMap<>();
        stored.forEach(row -> {
            assertThat(row).containsEntry("schema_version", UserInteractionEvent.CURRENT_SCHEMA_VERSION);
            sent.put((String) row.get("id"), row.get("schema_version_sent"));
        });
        assertThat(sent)
                .containsEntry(current.get("eventId").asText(), "2-1-0")
                .containsEntry(integer.get("eventId").asText(), "2")
                .containsEntry(superseded.get("eventId").asText(), "1");
    }

    @Test
    void serverAssignsEventIdDerivesCategoryAndEnriches() {
        String sessionId = TestEvents.sessionId("enrich");
        ObjectNode event = TestEvents.pageView(sessionId);
        event.remove("eventId");
        Instant clientTime = Instant.parse("2020-01-01T10:00:00Z");
        // The client's clock is years off; sentAt is 2 s after the event on that same clock.
        event.put("timestamp", clientTime.toString());
        event.put("sentAt", clientTime.plusSeconds(2).toString());

        Instant before = Instant.now();
        String eventId = given().contentType(ContentType.JSON)
                .header("User-Agent", IPHONE)
                .header("X-Forwarded-For", "203.0.113.77, 10.0.0.1")
                .header("CF-IPCountry", "fr")
                .body(event.toString())
                .post("/v1/events")
                .then()
                .statusCode(202)
                .body("eventIds[0]", matchesPattern("[0-9a-f-]{36}"))
                .extract()
                .path("eventIds[0]");

        JsonNode stored = awaitStored(sessionId);
        assertThat(stored.get("eventId").asText()).isEqualTo(eventId);
        assertThat(stored.get("eventCategory").asText()).isEqualTo("VIEW");
        assertThat(stored.get("userAgent").asText()).isEqualTo(IPHONE);
        assertThat(stored.get("deviceType").asText()).isEqualTo("mobile");
        assertThat(stored.get("os").asText()).isEqualTo("iOS");
        assertThat(stored.get("browser").asText()).isEqualTo("Safari");
        assertThat(stored.get("isBot").asBoolean()).isFalse();
        assertThat(stored.get("ipPrefix").asText()).isEqualTo("203.0.113.0/24");
        assertThat(stored.toString()).doesNotContain("203.0.113.77");
        assertThat(stored.get("location").asText()).isEqualTo("FR");
        assertThat(Instant.parse(stored.get("clientTimestamp").asText())).isEqualTo(clientTime);
        Instant corrected = Instant.parse(stored.get("timestamp").asText());
        Instant receivedAt = Instant.parse(stored.get("receivedAt").asText());
        assertThat(corrected).isEqualTo(receivedAt.minusSeconds(2));
        assertThat(receivedAt).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void botsAreFlaggedWithAReason() {
        String sessionId = TestEvents.sessionId("bot");
        given().contentType(ContentType.JSON)
                .header("User-Agent", GOOGLEBOT)
                .body(TestEvents.pageView(sessionId).toString())
                .post("/v1/events")
                .then()
                .statusCode(202);

        JsonNode stored = awaitStored(sessionId);
        assertThat(stored.get("isBot").asBoolean()).isTrue();
        assertThat(stored.get("botReason").asText()).contains("Robot");
    }

    @Test
    void userAgentInTheBodyWinsOverTheHeader() {
        String sessionId = TestEvents.sessionId("ua-body");
        ObjectNode event = TestEvents.pageView(sessionId);
        event.put("userAgent", GOOGLEBOT);
        given().contentType(ContentType.JSON)
                .header("User-Agent", IPHONE)
                .body(event.toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        assertThat(awaitStored(sessionId).get("isBot").asBoolean()).isTrue();
    }

    // Issue #21, "The seed's types": "A `number` accepts decimals (stored without loss)": a real browser's page view
    // (viewDuration 1234.5, scrollDepth 55.5), a rating of 4.5 and an image view's pageScrollPosition and timeOnPage
    // ("read where the seed puts them": on the event) are accepted and stored exactly as sent.
    @Test
    void decimalNumbersAreAcceptedAndStoredExactly() {
        String sessionId = TestEvents.sessionId("decimals");
        ObjectNode view = TestEvents.perfumeView(sessionId, "perfume-decimal");
        ((ObjectNode) view.get("eventData")).put("viewDuration", 1234.5).put("scrollDepth", 55.5);
        ObjectNode rating = TestEvents.rating(sessionId, "perfume-decimal", 4);
        ((ObjectNode) rating.get("eventData").get("ratings")).put("overall", 4.5);
        rating.put("value", 4.25);
        ObjectNode image = TestEvents.perfumeView(sessionId, "perfume-decimal");
        image.put("eventType", "IMAGE_VIEWED").put("pageScrollPosition", 812.5).put("timeOnPage", 15234.5);
        image.putObject("eventData").put("imageIndex", 1).put("viewDuration", 2000.5);

        given().contentType(ContentType.JSON)
                .body(TestEvents.batch(view, rating, image))
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(3));

        await().atMost(Duration.ofSeconds(30)).until(() -> BatchIngestTest.storedRows(sessionId) == 3);
        var stored = Sql.query(
                CollectorTestResource.DATABASE,
                "select event_data ->> 'viewDuration' as view_duration, event_data ->> 'scrollDepth' as scroll_depth,"
                        + " event_data -> 'ratings' ->> 'overall' as overall, value, page_scroll_position,"
                        + " time_on_page from user_interaction_event where session_id = ? order by event_type",
                sessionId);
        assertThat(stored.get(0))
                .containsEntry("view_duration", "2000.5")
                .containsEntry("page_scroll_position", 812.5)
                .containsEntry("time_on_page", 15234.5);
        assertThat(stored.get(1)).containsEntry("view_duration", "1234.5").containsEntry("scroll_depth", "55.5");
        assertThat(stored.get(2)).containsEntry("overall", "4.5").containsEntry("value", 4.25);
    }

    /**
     * Issue #21, "Accepted means stored": "A test sends a corpus of awkward strings (NUL, lone surrogates, 4-byte
     * characters, right-to-left marks, 10,000 combining marks) and checks that every 2xx event is in the raw store
     * and [...] every other one got a 4xx." Each string goes into a value of eventData, a key of eventData and the
     * referrer (a text column), sent as UTF-8 and as JSON escapes: an event answered 202 is in the raw store byte
     * for byte; NUL and lone surrogates are refused with 400 naming the field (rules no-nul, utf-16).
     */
    @Test
    void awkwardStringsAreStoredByteForByteOrRefusedWithA4xx() {
        List<AwkwardPost> accepted = new ArrayList<>();
        List<AwkwardPost> refused = new ArrayList<>();
        for (Awkward awkward : Awkward.CORPUS) {
            for (AwkwardField field : AwkwardField.values()) {
                for (boolean escaped : new boolean[] {false, true}) {
                    if (!escaped && awkward.utf8() == null) {
                        continue; // a lone surrogate has no UTF-8 form: it can only come as a JSON escape
                    }
                    AwkwardPost post = new AwkwardPost(awkward, field, escaped, TestEvents.sessionId("awkward"));
                    var response = given().contentType("application/json; charset=UTF-8")
                            .body(post.body())
                            .post("/v1/events");
                    if (response.statusCode() == 202) {
                        assertThat(awkward.expected())
                                .as("%s was accepted", post)
                                .isNotEqualTo(Awkward.Expected.REFUSED);
                        accepted.add(post);
                    } else {
                        assertThat(response.statusCode()).as("%s", post).isBetween(400, 499);
                        assertThat(awkward.expected())
                                .as("%s was refused: %s", post, response.asString())
                                .isNotEqualTo(Awkward.Expected.STORED);
                        assertThat(response.contentType()).startsWith("application/problem+json");
                        if (awkward.rule() != null) {
                            assertThat(response.jsonPath().getList("errors.pointer", String.class))
                                    .as("%s", post)
                                    .contains(field.pointer(awkward));
                            assertThat(response.jsonPath().getList("errors.rule", String.class))
                                    .as("%s", post)
                                    .contains(awkward.rule());
                        }
                        refused.add(post);
                    }
                }
            }
        }
        for (AwkwardPost post : accepted) {
            byte[] stored = await().atMost(Duration.ofSeconds(30)).until(post::stored, java.util.Objects::nonNull);
            assertThat(stored)
                    .as("%s, as stored", post)
                    .isEqualTo(post.awkward().utf8());
        }
        for (AwkwardPost post : refused) {
            assertThat(BatchIngestTest.storedRows(post.sessionId()))
                    .as("nothing of %s is stored", post)
                    .isZero();
        }
    }

    /** An awkward string and what must become of it. */
    record Awkward(String label, String text, Expected expected, String rule) {

        enum Expected {
            STORED,
            REFUSED,
            /** Stored, or refused by a limit (10,000 combining marks are longer than a string may be). */
            EITHER
        }

        static final List<Awkward> CORPUS = List.of(
                new Awkward("NUL inside", "rose \u0000 oud", Expected.REFUSED, "no-nul"),
                new Awkward("NUL alone", "\u0000", Expected.REFUSED, "no-nul"),
                new Awkward("lone high surrogate", "rose \uD83C oud", Expected.REFUSED, "utf-16"),
                new Awkward("lone low surrogate", "\uDF39 rose", Expected.REFUSED, "utf-16"),
                new Awkward(
                        "4-byte characters", "rose \uD83C\uDF39 clef \uD834\uDD1E \uD841\uDF0E", Expected.STORED, null),
                new Awkward(
                        "joined emoji",
                        "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
                        Expected.STORED,
                        null),
                new Awkward(
                        "right-to-left marks",
                        "\u200F\u0639\u0637\u0631\u200E \u05D5\u05E8\u05D3 \u202Eoverride\u202C",
                        Expected.STORED,
                        null),
                new Awkward("1,000 combining marks", "e" + "\u0301".repeat(1_000), Expected.STORED, null),
                new Awkward("10,000 combining marks", "Z" + "\u0336".repeat(10_000), Expected.EITHER, null),
                new Awkward("the text \\u0000", "not a NUL: \\u0000", Expected.STORED, null),
                new Awkward("control characters", "\u0001\u001F\u007F tab\t newline\n return\r", Expected.STORED, null),
                new Awkward("BOM, noncharacter", "\uFEFFbom \uFFFF \uFFFD", Expected.STORED, null));

        /** The text's UTF-8 bytes; null when it has none (a lone surrogate). */
        byte[] utf8() {
            try {
                var bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
                byte[] out = new byte[bytes.remaining()];
                bytes.get(out);
                return out;
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }

    /** Where an awkward string goes: a value of eventData, a key of eventData, the referrer column. */
    enum AwkwardField {
        EVENT_DATA_VALUE {
            @Override
            void place(ObjectNode event, String text) {
                ((ObjectNode) event.get("eventData")).put("query", text);
            }

            @Override
            String pointer(Awkward awkward) {
                return "/eventData/query";
            }

            @Override
            String storedSql() {
                return "select convert_to(event_data ->> 'query', 'UTF8') as v from user_interaction_event"
                        + " where event_id = ?";
            }
        },
        EVENT_DATA_KEY {
            @Override
            void place(ObjectNode event, String text) {
                ((ObjectNode) event.get("eventData")).put(text, 1);
            }

            @Override
            String pointer(Awkward awkward) {
                return "/eventData"; // a member name is named by its object: no answer repeats the string
            }

            @Override
            String storedSql() {
                return "select convert_to(k, 'UTF8') as v from user_interaction_event, jsonb_object_keys(event_data) k"
                        + " where event_id = ? and k not in ('query', 'queryLength', 'queryWords', 'filters',"
                        + " 'resultsCount', 'resultsShown', 'hasResults', 'searchType')";
            }
        },
        REFERRER {
            @Override
            void place(ObjectNode event, String text) {
                event.put("referrer", text);
            }

            @Override
            String pointer(Awkward awkward) {
                return "/referrer";
            }

            @Override
            String storedSql() {
                return "select convert_to(referrer, 'UTF8') as v from user_interaction_event where event_id = ?";
            }
        };

        abstract void place(ObjectNode event, String text);

        /** The JSON pointer a refusal names. */
        abstract String pointer(Awkward awkward);

        /** The stored string's UTF-8 bytes, by event_id. */
        abstract String storedSql();
    }

    /** One request of the corpus: a search event with the awkward string in one field, as UTF-8 or as escapes. */
    record AwkwardPost(Awkward awkward, AwkwardField field, boolean escaped, String sessionId, ObjectNode event) {

        AwkwardPost(Awkward awkward, AwkwardField field, boolean escaped, String sessionId) {
            this(awkward, field, escaped, sessionId, TestEvents.search(sessionId, "rose"));
            field.place(event, awkward.text());
        }

        byte[] body() {
            return escaped ? TestEvents.escapedJson(event) : event.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The stored string's bytes, null while the row is not there. */
        byte[] stored() {
            var rows = Sql.query(
                    CollectorTestResource.DATABASE,
                    field.storedSql(),
                    UUID.fromString(event.get("eventId").asText()));
            return rows.isEmpty() ? null : (byte[]) rows.get(0).get("v");
        }

        @Override
        public String toString() {
            return awkward.label() + " in " + field + (escaped ? " (JSON escapes)" : " (UTF-8)");
        }
    }

    static JsonNode awaitStored(String sessionId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> EventCodec.mapper()
                                .readTree(given().queryParam("sessionId", sessionId)
                                        .get("/v1/events")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .asString())
                                .get("items"),
                        items -> items.size() == 1)
                .get(0);
    }
}
