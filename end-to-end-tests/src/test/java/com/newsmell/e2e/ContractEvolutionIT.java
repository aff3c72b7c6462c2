package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #20, ADR 0040: events written against PERFUME_VIEW and RECOMMENDATION_SHOWN 2-0-0, and events written against
 * a 2-0-1 that adds an optional field to each (an ADDITION: SchemaReleaseCheckTest shows the evolution check takes it
 * as 2-0-1), are both accepted, and every consumer processes both: the raw store (keeping the new field), sessions,
 * profiles, perfume stats and the recommendation ledger.
 */
class ContractEvolutionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void eventsOfVersion200And201AreIngestedAndProcessedByEveryConsumer() throws Exception {
        List<Writer> writers = List.of(new Writer("2-0-0"), new Writer("2-0-1"));
        for (Writer w : writers) {
            assertThat(post(w.view())).isEqualTo(202);
            assertThat(post(w.shown())).isEqualTo(202);
        }
        for (Writer w : writers) {
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode events = json(RunningSystem.COLLECTOR, "/v1/events?sessionId=" + w.session);
                assertThat(events.path("items")).as(w.version).hasSize(2);
                for (JsonNode e : events.path("items")) {
                    assertThat(e.path("schemaVersionSent").asText())
                            .as("the raw store keeps the version sent")
                            .isEqualTo(w.version);
                    assertThat(e.path("schemaVersion").asInt())
                            .as("read by the model")
                            .isEqualTo(2);
                    if (w.added()) {
                        assertThat(e.path("eventData")
                                        .has(w.addedField(e.path("eventType").asText())))
                                .as("the raw store keeps the field added in 2-0-1")
                                .isTrue();
                    }
                }
            });
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(json(RunningSystem.SESSIONS, "/v1/sessions/" + w.session)
                                    .path("entryPage")
                                    .asText())
                            .as(w.version)
                            .isEqualTo("/perfumes/" + w.perfume));
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                            .get("/v1/profiles/" + w.user)
                            .then()
                            .statusCode(200));
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                            .get("/v1/perfumes/" + w.perfume + "/stats")
                            .then()
                            .statusCode(200)
                            .body("totalViews", equalTo(1)));
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                            .get("/v1/recommendations/" + w.recommendation + "/feedback")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize(1)));
        }
    }

    private static int post(ObjectNode event) {
        return given().baseUri(system.url(RunningSystem.COLLECTOR))
                .contentType(ContentType.JSON)
                .body(event.toString())
                .post("/v1/events")
                .statusCode();
    }

    private static JsonNode json(String service, String path) throws Exception {
        return ScriptedStream.JSON.readTree(given().baseUri(system.url(service))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** A client writing against one version of the two schemas, with ids of its own. */
    private static final class Writer {
        final String version;
        final String id = UUID.randomUUID().toString().substring(0, 8);
        final String session = "evolution-s-" + id;
        final String user = "evolution-u-" + id;
        final String perfume = "evolution-p-" + id;
        final String recommendation = "evolution-r-" + id;
        final String timestamp = Instant.now().minusSeconds(5).toString();

        Writer(String version) {
            this.version = version;
        }

        boolean added() {
            return version.equals("2-0-1");
        }

        String addedField(String eventType) {
            return eventType.equals("PERFUME_VIEW") ? "perfumeVariant" : "slotLabel";
        }

        ObjectNode view() {
            ObjectNode event = envelope("PERFUME_VIEW");
            ObjectNode data = event.putObject("eventData");
            data.put("title", "Evolution")
                    .put("viewDuration", 1500)
                    .put("scrollDepth", 40)
                    .put("source", "direct")
                    .put("deviceType", "desktop");
            data.putObject("viewport").put("width", 1280).put("height", 800);
            if (added()) {
                data.put("perfumeVariant", "100ml refill");
            }
            return event;
        }

        ObjectNode shown() {
            ObjectNode event = envelope("RECOMMENDATION_SHOWN");
            event.put("recommendationId", recommendation);
            ObjectNode data = event.putObject("eventData")
                    .put("algorithm", "trending")
                    .put("source", "homepage")
                    .put("position", 0);
            if (added()) {
                data.put("slotLabel", "Because you viewed");
            }
            return event;
        }

        private ObjectNode envelope(String type) {
            ObjectNode event = ScriptedStream.JSON.createObjectNode();
            event.put("eventType", type)
                    .put("schemaVersion", version) // the SchemaVer it was written against (ADR 0040)
                    .put("sessionId", session)
                    .put("userId", user)
                    .put("perfumeId", perfume)
                    .put("timestamp", timestamp)
                    .put("path", "/perfumes/" + perfume)
                    .put("userAgent", ScriptedStream.BROWSER);
            return event;
        }
    }
}
