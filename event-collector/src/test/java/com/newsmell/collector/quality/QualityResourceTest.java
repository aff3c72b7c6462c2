package com.newsmell.collector.quality;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue #20's data-quality view against the real broker and database: rejections, dead letters, samples, expiry. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class QualityResourceTest {

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    QualityRecorder recorder;

    @Inject
    QualityCleanup cleanup;

    private static String event(String eventType, String sessionId, String eventData) {
        return "{\"sessionId\":\"" + sessionId + "\",\"eventType\":\"" + eventType + "\",\"timestamp\":\""
                + Instant.now() + "\",\"path\":\"/p\",\"userId\":\"alice-" + sessionId + "\",\"eventData\":" + eventData
                + "}";
    }

    private static JsonPath quality(String groupBy) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        return given().queryParam("from", hour.minus(1, ChronoUnit.HOURS).toString())
                .queryParam("to", hour.plus(2, ChronoUnit.HOURS).toString())
                .queryParam("granularity", "hour")
                .queryParam("groupBy", groupBy)
                .get("/v1/quality")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> group(JsonPath answer, String value) {
        List<Map<String, Object>> groups = answer.getList("groups");
        return groups.stream()
                .filter(g -> value.equals(g.get("value")))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static int figure(Map<String, Object> group, String figure) {
        return group == null ? 0 : ((Number) ((Map<String, Object>) group.get("totals")).get(figure)).intValue();
    }

    @Test
    void rejectionsAreCountedByFieldAndRuleWithMaskedSamples() {
        String key = "q20-" + UUID.randomUUID();
        String field = "/eventData/" + key;
        String tooLong = "{\"" + key + "\":\"" + "x".repeat(2_049) + "\"}";
        given().contentType(ContentType.JSON)
                .body(event("FILTER_APPLIED", "s-" + key, tooLong))
                .post("/v1/events")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"events\":[" + event("FILTER_APPLIED", "s2-" + key, tooLong) + ","
                        + event("FILTER_APPLIED", "s3-" + key, "{}") + "]}")
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("rejected", equalTo(1));

        Map<String, Object> byField = group(quality("field"), field);
        assertThat(figure(byField, "rejected")).isEqualTo(2);
        assertThat(figure(group(quality("rule"), "max-length"), "rejected")).isGreaterThanOrEqualTo(2);
        assertThat(figure(group(quality("eventType"), "FILTER_APPLIED"), "rejected"))
                .isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(figure(group(quality("eventType"), "FILTER_APPLIED"), "accepted"))
                        .as("the valid event of the batch, once the raw store has it")
                        .isGreaterThanOrEqualTo(1));

        JsonPath samples = given().queryParam("rule", "max-length")
                .queryParam("eventType", "FILTER_APPLIED")
                .get("/v1/quality/samples")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = samples.getList("items");
        assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        assertThat(items.get(0).get("field")).isEqualTo(field);
        String body = samples.getString("items[0].body");
        assertThat(body).doesNotContain("alice", "s2-" + key).contains("***(2049)", "FILTER_APPLIED");
    }

    @Test
    void samplesAreCappedPerRuleAndExpire() throws Throwable {
        String key = "q20cap-" + UUID.randomUUID();
        for (int i = 0; i < 25; i++) {
            given().contentType(ContentType.JSON)
                    .body(event("BACK_BUTTON", key + "-" + i, "{}").replace("\"path\":\"/p\",", ""))
                    .post("/v1/events")
                    .then()
                    .statusCode(400);
        }
        assertThat(given().queryParam("rule", "required")
                        .queryParam("limit", 100)
                        .get("/v1/quality/samples")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"))
                .hasSize(20);

        VertxContextSupport.subscribeAndAwait(() -> cleanup.expire(Instant.now().plus(Duration.ofDays(8))));
        assertThat(given().get("/v1/quality/samples")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"))
                .isEmpty();
    }

    @Test
    void deadLettersOfEveryServiceAreCountedOncePerRecord() throws Throwable {
        String consumer = "q20-consumer-" + UUID.randomUUID();
        deadLetters
                .publish("k", event("PAGE_VIEW", "s", "{}"), "no perfume in the catalog", consumer)
                .await()
                .indefinitely();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> g = group(quality("consumer"), consumer);
            assertThat(figure(g, "deadLettered")).isEqualTo(1);
        });
        Map<String, Object> byRule = group(quality("rule"), "no perfume in the catalog");
        assertThat(figure(byRule, "deadLettered")).isGreaterThanOrEqualTo(1);

        // A redelivery of the same record (partition, offset) is not counted again.
        Instant at = Instant.now();
        for (int delivery = 0; delivery < 2; delivery++) {
            VertxContextSupport.subscribeAndAwait(
                    () -> recorder.deadLettered(0, 9_000_000_000L, at, consumer + "-again", "r", ""));
        }
        assertThat(figure(group(quality("consumer"), consumer + "-again"), "deadLettered"))
                .isEqualTo(1);
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("from", "2026-12-06")
                .queryParam("to", "2026-12-07")
                .queryParam("groupBy", "planet")
                .get("/v1/quality")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("groupBy"));
        given().get("/v1/quality").then().statusCode(400).body("errors[0].parameter", equalTo("from"));
        given().queryParam("limit", 0).get("/v1/quality/samples").then().statusCode(400);
    }
}
