package com.newsmell.collector.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The collector's operational meters (issue 18) at /q/metrics after traffic, against the real broker and database:
 * the ingest counters by type and source and by rejection rule, and the consumer-side meters every service shares
 * (its raw-store consumer: batch time, freshness, lag), the job meters, the pool, the rate-limit counter and the
 * open erasure requests.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class OperationalMetricsTest {

    // Health and metrics: on the management interface, not the API port (ADR 0075).
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Test
    void trafficShowsUpInTheCollectorsMeters() {
        String sessionId = TestEvents.sessionId("metrics");
        ObjectNode event = TestEvents.perfumeView(sessionId, "perfume-1");
        given().contentType(ContentType.JSON)
                .body(event.toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        ObjectNode invalid = TestEvents.perfumeView(sessionId, "perfume-1");
        invalid.remove("eventType");
        given().contentType(ContentType.JSON)
                .body(invalid.toString())
                .post("/v1/events")
                .then()
                .statusCode(400);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(metrics())
                        .contains(
                                "newsmell_events_ingested_total{event_type=\"PERFUME_VIEW\",service=\"event-collector\","
                                        + "source=\"single\"}")
                        .contains("newsmell_events_rejected_total{reason=\"required\",service=\"event-collector\"}")
                        .contains(
                                "newsmell_events_dead_lettered_total{reason=\"invalid_event\",service=\"event-collector\"}")
                        .contains("newsmell_batch_processing_seconds_bucket{channel=\"interactions\"")
                        .contains("newsmell_event_freshness_seconds_bucket{service=\"event-collector\",le=")
                        .contains("newsmell_consumer_lag_records{partition=\"0\",service=\"event-collector\",topic=\""
                                + CollectorTestResource.interactionsTopic() + "\"}")
                        .contains(
                                "newsmell_job_rows_total{job_name=\"perfume-view-audit\",service=\"event-collector\"}")
                        .contains("newsmell_job_last_success_timestamp_seconds{job_name=\"perfume-view-audit\"")
                        .contains("newsmell_db_pool_connections{service=\"event-collector\",state=\"in_use\"}")
                        .contains("newsmell_db_pool_connections{service=\"event-collector\",state=\"idle\"}")
                        .contains("newsmell_db_pool_connections{service=\"event-collector\",state=\"waiting\"}")
                        .contains("newsmell_rate_limited_requests_total{limit=\"api\",service=\"event-collector\"} 0.0")
                        .contains("newsmell_erasure_requests_open{service=\"event-collector\",state=\"stalled\"}")
                        .contains("newsmell_erasure_requests_open{service=\"event-collector\",state=\"waiting\"}")
                        .contains("http_server_requests_seconds_count{")
                        .contains("http_server_requests_seconds_bucket{")
                        .contains("jvm_memory_used_bytes{"));
        // the raw store's writes opened the pool: its connections are in use or idle, as Vert.x counts them
        String metrics = metrics();
        assertThat(value(metrics, "newsmell_db_pool_connections{service=\"event-collector\",state=\"in_use\"}")
                        + value(metrics, "newsmell_db_pool_connections{service=\"event-collector\",state=\"idle\"}"))
                .isEqualTo(value(metrics, "sql_pool_active{") + value(metrics, "sql_pool_idle{"))
                .isPositive();
    }

    /** The value of the first sample line starting with {@code prefix}. */
    private static double value(String metrics, String prefix) {
        String line = metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + prefix));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private String metrics() {
        return given().get(metricsUrl).then().statusCode(200).extract().asString();
    }
}
