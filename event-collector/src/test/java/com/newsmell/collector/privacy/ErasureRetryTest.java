package com.newsmell.collector.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.contract.ErasureAck;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0032's retries against Kafka and PostgreSQL: only the collector runs here, so the four other services never
 * acknowledge; the erasure-retries job publishes the request again once the first delay (2 minutes) has passed, the
 * services' acknowledgements of the re-published request complete it, the receipt counts the attempts, the rows the
 * collector acknowledged first are kept (its second erasure finds nothing), and nothing more is published after.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class ErasureRetryTest {

    private static final List<String> NOT_RUNNING_HERE =
            List.of("session-service", "profile-service", "perfume-stats-service", "recommendation-feedback-service");

    @Test
    void aRequestWhoseAcknowledgementsAreMissingIsPublishedAgainUntilEveryServiceAcknowledges() {
        String user = "retry-" + UUID.randomUUID();
        ObjectNode event = TestEvents.pageView(TestEvents.sessionId("retry"));
        event.put("userId", user);
        given().contentType(ContentType.JSON)
                .body(event.toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                CollectorTestResource.DATABASE,
                                "select count(*) from user_interaction_event where user_id = ?",
                                user)
                        == 1);
        String requestId = given().delete("/v1/users/" + user + "/data")
                .then()
                .statusCode(202)
                .extract()
                .path("requestId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> receipt(requestId)
                        .body("services.find { it.service == 'event-collector' }.status", equalTo("done"))
                        .body("attempts", equalTo(1))
                        .body("nextAttemptAt", notNullValue()));
        Instant requestedAt = Instant.parse(receipt(requestId).extract().path("requestedAt"));

        runRetries(requestedAt.plus(Duration.ofMinutes(1))); // before the first delay: nothing is due
        assertThat(publications(requestId)).isEqualTo(1);

        Instant retriedAt = requestedAt.plus(Duration.ofMinutes(3));
        runRetries(retriedAt);
        assertThat(publications(requestId)).isEqualTo(2);
        receipt(requestId)
                .body("attempts", equalTo(2))
                .body("lastAttemptAt", equalTo(retriedAt.toString()))
                // the next wait is twice the first
                .body(
                        "nextAttemptAt",
                        equalTo(retriedAt.plus(Duration.ofMinutes(4)).toString()))
                .body("services.find { it.service == 'session-service' }.status", equalTo("pending"));
        // the collector erases again on the second publication and finds nothing: its first acknowledgement stands
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(Infra.shared().topic(ServiceConfig.PRIVACY_ACKS)).stream()
                                .filter(r -> requestId.equals(r.key()))
                                .count()
                        == 2);
        receipt(requestId)
                .body(
                        "services.find { it.service == 'event-collector' }.tableGroups.find {"
                                + " it.tableGroup == 'raw-events' }.rows",
                        equalTo(1));

        // the services that missed the first publication answer the second
        TopicReader.write(
                Infra.shared().topic(ServiceConfig.PRIVACY_ACKS),
                NOT_RUNNING_HERE.stream()
                        .map(service -> Map.entry(
                                requestId,
                                new ErasureAck(
                                                requestId,
                                                service,
                                                ErasureAck.DONE,
                                                Instant.now(),
                                                Map.of("sessions", 1L),
                                                null)
                                        .toJson()))
                        .toList());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> receipt(requestId)
                        .body("services.find { it.service == 'session-service' }.status", equalTo("done"))
                        .body(
                                "services.find { it.service == 'recommendation-feedback-service' }.status",
                                equalTo("done"))
                        .body("nextAttemptAt", nullValue())
                        .body("attempts", equalTo(2))
                        // event-archiver acknowledges after its daily run, through the database, not Kafka
                        .body("status", equalTo("pending")));
        assertThat(Sql.count(
                        CollectorTestResource.DATABASE,
                        "select count(*) from privacy_request where request_id = cast(? as uuid)"
                                + " and retry_user_id is null",
                        requestId))
                .isOne();

        runRetries(requestedAt.plus(Duration.ofHours(2)));
        assertThat(publications(requestId)).isEqualTo(2);
    }

    // the gauges, on the management interface (ADR 0075)
    @TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @Test
    void aRequestWhosePublicationsAreUsedUpIsCountedAsStalled() {
        String user = "stalled-" + UUID.randomUUID();
        String requestId = given().delete("/v1/users/" + user + "/data")
                .then()
                .statusCode(202)
                .extract()
                .path("requestId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> receipt(requestId).body("nextAttemptAt", notNullValue()));
        Instant requestedAt = Instant.parse(receipt(requestId).extract().path("requestedAt"));
        // the services never acknowledge here: 5 more publications (6 in all) use the attempts up
        for (int day = 1; day <= 5; day++) {
            runRetries(requestedAt.plus(Duration.ofDays(day)));
        }
        receipt(requestId).body("attempts", equalTo(6)).body("nextAttemptAt", nullValue());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                given().get(metrics).then().extract().asString())
                        .containsPattern("(?m)^newsmell_erasure_requests_open\\{[^}]*state=\"stalled\"} [1-9]"));
    }

    private static io.restassured.response.ValidatableResponse receipt(String requestId) {
        return given().get("/v1/privacy/requests/" + requestId).then().statusCode(200);
    }

    private static long publications(String requestId) {
        return TopicReader.readAll(CollectorTestResource.privacyRequestsTopic()).stream()
                .filter(r -> requestId.equals(r.key()))
                .count();
    }

    private static void runRetries(Instant now) {
        given().queryParam("now", now.toString())
                .post("/v1/jobs/erasure-retries/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
    }
}
