package com.newsmell.collector.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class BatchIngestTest {

    @Test
    void mixedBatchStoresTheValidEventsAndDeadLettersTheInvalidOnes() {
        String sessionId = TestEvents.sessionId("mixed");
        ObjectNode good1 = TestEvents.pageView(sessionId);
        ObjectNode bad = TestEvents.rating(sessionId, "perfume-2", 7);
        ObjectNode good2 = TestEvents.perfumeView(sessionId, "perfume-2");

        postGoodBadGood(good1, bad, good2)
                .body(
                        "eventIds",
                        equalTo(List.of(
                                good1.get("eventId").asText(),
                                good2.get("eventId").asText())))
                .body("results", hasSize(3))
                .body("results[0].status", equalTo("accepted"))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].eventId", nullValue())
                .body("results[1].errors[0].pointer", equalTo("/events/1/eventData/ratings/overall"))
                .body("results[1].errors[0].rule", equalTo("range"))
                .body("results[2].eventId", equalTo(good2.get("eventId").asText()));

        await().atMost(Duration.ofSeconds(30)).until(() -> storedRows(sessionId) == 2);
        TopicReader.Read deadLetter = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> TopicReader.deadLetters(CollectorTestResource.deadLetterTopic(), sessionId),
                        l -> l.size() == 1)
                .get(0);
        assertThat(deadLetter.key()).isEqualTo(sessionId);
        assertThat(deadLetter.value()).contains(bad.get("eventId").asText());
        assertThat(deadLetter.headers().get(DeadLetterHeaders.REASON)).contains("/events/1/eventData/ratings/overall");
        assertThat(deadLetter.headers().get(DeadLetterHeaders.SOURCE)).isEqualTo("event-collector");
        assertThat(TopicReader.readAll(CollectorTestResource.interactionsTopic()))
                .noneMatch(r -> r.value().contains(bad.get("eventId").asText()));
    }

    // Issue #21, "Accepted means stored": an event with NUL in a string is refused at the door, naming the field;
    // in a batch it is rejected alone (ADR 0003: "valid events are accepted, invalid ones are reported per event")
    // and the others are stored.
    @Test
    void aNulEventInABatchIsRejectedAloneAndTheOthersAreStored() {
        String sessionId = TestEvents.sessionId("nul-batch");
        ObjectNode good1 = TestEvents.pageView(sessionId);
        ObjectNode nul = TestEvents.search(sessionId, "rose\u0000oud");
        ObjectNode good2 = TestEvents.search(sessionId, "rose oud");

        postGoodBadGood(good1, nul, good2)
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].errors.pointer", hasItem("/events/1/eventData/query"))
                .body("results[1].errors.rule", hasItem("no-nul"));

        await().atMost(Duration.ofSeconds(30)).until(() -> storedRows(sessionId) == 2);
        assertThat(Sql.count(
                        CollectorTestResource.DATABASE,
                        "select count(*) from user_interaction_event where event_id = cast(? as uuid)",
                        nul.get("eventId").asText()))
                .isZero();
        assertThat(TopicReader.readAll(CollectorTestResource.interactionsTopic()))
                .noneMatch(r -> r.value().contains(nul.get("eventId").asText()));
    }

    @Test
    void retryingTheSameBatchStoresEachEventOnce() {
        String sessionId = TestEvents.sessionId("retry");
        String body = TestEvents.batch(
                TestEvents.pageView(sessionId),
                TestEvents.perfumeView(sessionId, "perfume-3"),
                TestEvents.rating(sessionId, "perfume-3", 5));

        for (int attempt = 0; attempt < 3; attempt++) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/v1/events/batch")
                    .then()
                    .statusCode(202);
        }
        // All nine messages are on the topic; the store keeps one row per eventId.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(CollectorTestResource.interactionsTopic()).stream()
                                .filter(r -> sessionId.equals(r.key()))
                                .count()
                        == 9);
        String marker = TestEvents.sessionId("after-retry");
        given().contentType(ContentType.JSON)
                .body(TestEvents.pageView(marker).toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRows(marker) == 1);
        assertThat(storedRows(sessionId)).isEqualTo(3);
        assertThat(Sql.count(
                        CollectorTestResource.DATABASE,
                        "select count(distinct event_id) from user_interaction_event where session_id = ?",
                        sessionId))
                .isEqualTo(3);
    }

    @Test
    void batchAnswersInTheOrderOfTheRequest() {
        String sessionId = TestEvents.sessionId("order");
        ObjectNode[] events = new ObjectNode[50];
        for (int i = 0; i < events.length; i++) {
            events[i] = TestEvents.pageView(sessionId);
        }
        var ids = given().contentType(ContentType.JSON)
                .body(TestEvents.batch(events))
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(50))
                .extract()
                .<String>jsonPath()
                .getList("eventIds", String.class);
        for (int i = 0; i < events.length; i++) {
            assertThat(ids.get(i)).isEqualTo(events[i].get("eventId").asText());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRows(sessionId) == 50);
    }

    /** Posts the three events as a batch: 202, the two good ones accepted, the bad one rejected. */
    private static ValidatableResponse postGoodBadGood(ObjectNode good1, ObjectNode bad, ObjectNode good2) {
        return given().contentType(ContentType.JSON)
                .body(TestEvents.batch(good1, bad, good2))
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1));
    }

    static long storedRows(String sessionId) {
        return Sql.count(
                CollectorTestResource.DATABASE,
                "select count(*) from user_interaction_event where session_id = ?",
                sessionId);
    }
}
