package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, ADR 0032, through HTTP only on the one running system: a user with activity in every service is erased;
 * the receipt says every service is done (event-archiver, which does not run here, stays pending), the user is gone
 * from every API, the other user of the same stream is untouched, and a later event of the user is suppressed.
 */
class ErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void aUserErasedEverywhereWithAReceiptAndSuppressedAfterwards() throws Exception {
        ScriptedStream s = new ScriptedStream();
        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .contentType(ContentType.JSON)
                .body(s.batchBody())
                .post("/v1/events/batch")
                .then()
                .statusCode(202);
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                        .get("/v1/sessions/" + s.sessionA1)
                        .then()
                        .statusCode(200));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                        .get("/v1/sessions/" + s.sessionB1)
                        .then()
                        .statusCode(200)
                        .body("pageViews", equalTo(2)));

        String requestId = given().baseUri(system.url(RunningSystem.COLLECTOR))
                .delete("/v1/users/" + s.userA + "/data")
                .then()
                .statusCode(202)
                .extract()
                .path("requestId");

        await().atMost(WAIT).untilAsserted(() -> {
            var receipt = given().baseUri(system.url(RunningSystem.COLLECTOR))
                    .get("/v1/privacy/requests/" + requestId)
                    .then()
                    .statusCode(200);
            for (String service : RunningSystem.ALL) {
                receipt.body("services.find { it.service == '" + service + "' }.status", equalTo("done"));
            }
            receipt.body("services.find { it.service == 'event-archiver' }.status", equalTo("pending"))
                    .body("status", equalTo("pending"));
        });

        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .queryParam("userId", s.userA)
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().baseUri(system.url(RunningSystem.SESSIONS))
                .get("/v1/sessions/" + s.sessionA1)
                .then()
                .statusCode(404);
        given().baseUri(system.url(RunningSystem.PROFILES))
                .get("/v1/profiles/" + s.userA)
                .then()
                .statusCode(404);
        given().baseUri(system.url(RunningSystem.SESSIONS))
                .get("/v1/sessions/" + s.sessionB1)
                .then()
                .statusCode(200)
                .body("userId", equalTo(s.userB))
                .body("pageViews", equalTo(2));

        // a later event of the erased user is accepted by the API but suppressed: it reaches no service, while an
        // event of the other user posted with it does
        JsonNode events = ScriptedStream.JSON.readTree(s.batchBody()).path("events");
        int before = userEvents(s.userB);
        ObjectNode body = ScriptedStream.JSON.createObjectNode();
        var batch = body.putArray("events");
        for (String user : java.util.List.of(s.userA, s.userB)) {
            for (JsonNode event : events) {
                if (event.path("userId").asText().equals(user)) {
                    ObjectNode later = event.deepCopy(); // the user's first event of the stream, again, now
                    later.put("eventId", UUID.randomUUID().toString());
                    later.put("timestamp", Instant.now().toString());
                    batch.add(later);
                    break;
                }
            }
        }
        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .contentType(ContentType.JSON)
                .body(body.toString())
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2));
        await().atMost(WAIT).until(() -> userEvents(s.userB) == before + 1);
        org.assertj.core.api.Assertions.assertThat(userEvents(s.userA)).isZero();
    }

    private static int userEvents(String user) {
        return given().baseUri(system.url(RunningSystem.COLLECTOR))
                .queryParam("userId", user)
                .queryParam("limit", 1000)
                .get("/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }
}
