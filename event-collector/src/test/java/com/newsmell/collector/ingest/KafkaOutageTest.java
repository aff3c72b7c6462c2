package com.newsmell.collector.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.collector.TestPerfumes;
import com.newsmell.infra.Infra;
import com.newsmell.infra.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Kafka stopped: 503 with Retry-After (never 2xx), readiness down; Kafka back: accepted again. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class KafkaOutageTest {

    // Health and metrics: on the management interface, not the API port (ADR 0075).
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readyUrl;

    @TestHTTPResource(value = "/health/live", management = true)
    URL liveUrl;

    @Test
    void answers503WhileKafkaIsDownAndAcceptsAgainWhenItIsBack() {
        KafkaBroker broker = Infra.shared()
                .broker()
                .orElseThrow(() -> new IllegalStateException(
                        "this test stops the embedded broker; it cannot run against an external one"));
        String sessionId = TestEvents.sessionId("outage");
        broker.stop();
        try {
            given().contentType(ContentType.JSON)
                    .body(TestEvents.pageView(sessionId).toString())
                    .post("/v1/events")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(503));
            given().contentType(ContentType.JSON)
                    .body(TestEvents.batch(TestEvents.pageView(sessionId)))
                    .post("/v1/events/batch")
                    .then()
                    .statusCode(503);
            // The catalog feed too (issue #11): answered only after Kafka acknowledged, so 503 + Retry-After.
            given().contentType(ContentType.JSON)
                    .body(TestPerfumes.perfume("p-outage").toString())
                    .put("/v1/catalog/perfumes/p-outage")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .contentType(startsWith("application/problem+json"));
            given().delete("/v1/catalog/perfumes/p-outage").then().statusCode(503);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get(readyUrl).then().statusCode(503));
            // It keeps answering: liveness stays up and reads still work.
            given().get(liveUrl).then().statusCode(200);
            given().queryParam("sessionId", sessionId).get("/v1/events").then().statusCode(200);
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().contentType(ContentType.JSON)
                        .body(TestEvents.pageView(sessionId).toString())
                        .post("/v1/events")
                        .then()
                        .statusCode(202));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(readyUrl).then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).until(() -> BatchIngestTest.storedRows(sessionId) >= 1);
    }
}
