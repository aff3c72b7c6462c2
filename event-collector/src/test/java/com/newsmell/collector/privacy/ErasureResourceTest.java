package com.newsmell.collector.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.contract.UserHash;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0032 on the collector, against Kafka and PostgreSQL: DELETE /v1/users/{userId}/data answers 202 with a request
 * id, the request is on privacy-requests, the collector's own erasure empties the raw store of the user and
 * acknowledges, the receipt lists it (the other services pending), and a later event of the user is suppressed and
 * counted under the user's keyed hash only.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class ErasureResourceTest {

    private static final String DB = CollectorTestResource.DATABASE;

    @Test
    void anErasureEmptiesTheRawStoreAcknowledgesAndSuppressesLaterEvents() {
        String user = "erase-" + UUID.randomUUID();
        String other = "keep-" + UUID.randomUUID();
        String session = TestEvents.sessionId("erase");
        post(withUser(TestEvents.pageView(session), user));
        post(withUser(TestEvents.perfumeView(session, "perfume-1"), user));
        post(withUser(TestEvents.pageView(TestEvents.sessionId("keep")), other));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                DB, "select count(*) from user_interaction_event where user_id in (?, ?)", user, other)
                        == 3);

        String requestId = given().delete("/v1/users/" + user + "/data")
                .then()
                .statusCode(202)
                .header("Location", containsString("/v1/privacy/requests/"))
                .body("status", equalTo("pending"))
                .extract()
                .path("requestId");

        assertThat(TopicReader.readAll(CollectorTestResource.privacyRequestsTopic()).stream()
                        .filter(r -> requestId.equals(r.key())))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains(user));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/privacy/requests/" + requestId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("pending"))
                        .body("services.find { it.service == 'event-collector' }.status", equalTo("done"))
                        .body(
                                "services.find { it.service == 'event-collector' }.tableGroups.find {"
                                        + " it.tableGroup == 'raw-events' }.rows",
                                equalTo(2))
                        .body("services.find { it.service == 'session-service' }.status", equalTo("pending"))
                        .body("remainingCopies", hasSize(4)));
        assertThat(Sql.count(DB, "select count(*) from user_interaction_event where user_id = ?", user))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from user_interaction_event where user_id = ?", other))
                .isOne();
        assertThat(Sql.count(DB, "select count(*) from privacy_request where user_hash like ?", "%" + user + "%"))
                .isZero();

        ObjectNode later = withUser(TestEvents.pageView(session), user);
        post(later);
        String hash = UserHash.of("dev-only-privacy-key", user);
        assertThat(Sql.count(
                        DB, "select coalesce(sum(events), 0) from suppressed_event_count where user_hash = ?", hash))
                .isOne();
        assertThat(TopicReader.readAll(CollectorTestResource.interactionsTopic()).stream()
                        .filter(r -> r.value().contains(later.get("eventId").asText())))
                .isEmpty();
    }

    @Test
    void anUnknownOrMalformedRequestIdIsAProblem() {
        given().get("/v1/privacy/requests/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/privacy/requests/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].rule", equalTo("uuid"));
    }

    private static ObjectNode withUser(ObjectNode event, String user) {
        event.put("userId", user);
        return event;
    }

    private static void post(ObjectNode event) {
        given().contentType(ContentType.JSON)
                .body(event.toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
    }
}
