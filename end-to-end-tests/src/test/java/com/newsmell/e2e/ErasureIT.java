package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.infra.Sql;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, ADR 0032, on the one running system: a user with activity in every service and in the archive (a month
 * of the past written into the raw store and archived by event-archiver, run here as its CronJob runs it) is erased;
 * once the receipt says done (event-archiver's part after its next run), no table of any service's database and no
 * Parquet file of the archive holds the user id anywhere, the user is gone from every API, the other user of the same
 * stream keeps their numbers and archived rows, and a later event of the user is suppressed.
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

        // profile-service: a recompute makes the user's profile now (the nightly job would)
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                        .post("/v1/profiles/" + s.userA + "/recompute")
                        .then()
                        .statusCode(200));
        // the past: a cold month of both users, archived as Parquet and dropped from PostgreSQL
        Archive.writeColdMonth(java.util.List.of(s.userA, s.userB), 5);
        Archive archive = Archive.shared();
        archive.run();
        assertThat(archive.rows(row -> row.contains(s.userA))).isEqualTo(5);
        long archivedOfB = archive.rows(row -> row.contains(s.userB));
        assertThat(archivedOfB).isEqualTo(5);
        assertThat(Sql.count(
                        RunningSystem.database(RunningSystem.COLLECTOR),
                        "select count(*) from pg_class where relname = ?",
                        Archive.PARTITION))
                .isZero();
        // the user is in every service's database
        for (String service : RunningSystem.ALL) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(DatabaseSearch.mentions(RunningSystem.database(service), s.userA))
                            .as(service)
                            .isNotEmpty());
        }

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
        // event-archiver's next run rewrites the archive without the user and completes the receipt
        archive.run();
        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .get("/v1/privacy/requests/" + requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("done"))
                .body(
                        "services.find { it.service == 'event-archiver' }.tableGroups.find {"
                                + " it.tableGroup == 'archive-files' }.rows",
                        equalTo(5))
                .body("attempts", equalTo(1))
                .body("nextAttemptAt", org.hamcrest.Matchers.nullValue());

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
        assertThat(userEvents(s.userA)).isZero();

        // the proof: the user id is nowhere, in any text column of any table of any service, or in any archive file
        for (String service : RunningSystem.ALL) {
            String database = RunningSystem.database(service);
            assertThat(DatabaseSearch.tables(database)).as(service).isPositive();
            assertThat(DatabaseSearch.mentions(database, s.userA)).as(service).isEmpty();
        }
        assertThat(archive.rows(row -> row.contains(s.userA))).isZero();
        assertThat(archive.rows(row -> row.contains(s.userB))).isEqualTo(archivedOfB);
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
