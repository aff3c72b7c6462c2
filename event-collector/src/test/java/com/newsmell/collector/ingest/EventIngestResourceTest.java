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
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        assertThat(EventCodec.fromJson(record.value()).schemaVersion()).isEqualTo(1);
        assertThat(record.value()).contains("\"schemaVersion\":1");

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
