package com.newsmell.recommendation;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.recommendation.RecommendationEvents.clicked;
import static com.newsmell.recommendation.RecommendationEvents.data;
import static com.newsmell.recommendation.RecommendationEvents.shown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consumer against the real broker and database, read back through the API. */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class FeedbackConsumerTest {

    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
    private static final String SOURCE = "recommendation-feedback-service";

    @Test
    void aShownThenClickedRecommendationIsViewedAndClicked() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(List.of(shown(sessionId, rec, "p-1", T0, 2)
                .userId("u-1")
                .eventData(data("collaborative", "homepage", 2, 0.75, 0.625))
                .build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get(feedback(rec)).then().statusCode(200).body("items[0].viewed", equalTo(true)));

        WireEvents.publish(List.of(
                clicked(sessionId, rec, "p-1", T0.plusSeconds(30)).userId("u-1").build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("recommendationId", equalTo(rec))
                        .body("items", hasSize(1))
                        .body("items[0].userId", equalTo("u-1"))
                        .body("items[0].perfumeId", equalTo("p-1"))
                        .body("items[0].source", equalTo("homepage"))
                        .body("items[0].algorithm", equalTo("collaborative"))
                        .body("items[0].position", equalTo(2))
                        .body("items[0].viewed", equalTo(true))
                        .body("items[0].clicked", equalTo(true))
                        .body("items[0].impressionTime", equalTo(T0.toString()))
                        .body(
                                "items[0].firstInteractionTime",
                                equalTo(T0.plusSeconds(30).toString()))
                        .body("items[0].confidence", equalTo(0.75f))
                        .body("items[0].similarityScore", equalTo(0.625f)));
    }

    @Test
    void aClickBeforeItsImpressionStillCountsAndTheEarliestEventsWin() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(
                List.of(clicked(sessionId, rec, "p-1", T0.plusSeconds(10)).build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items[0].userId", equalTo("session:" + sessionId))
                        .body("items[0].clicked", equalTo(true))
                        .body("items[0].viewed", equalTo(false))
                        .body("items[0].impressionTime", nullValue())
                        .body("items[0].algorithm", nullValue())
                        .body(
                                "items[0].firstInteractionTime",
                                equalTo(T0.plusSeconds(10).toString())));

        // Later events with earlier timestamps: the earliest SHOWN sets the impression and its context, the
        // earliest CLICKED the first interaction time, whatever the arrival order.
        WireEvents.publish(List.of(
                shown(sessionId, rec, "p-1", T0.plusSeconds(20), 5)
                        .eventData(data("trending", "email", 5, 0.5, 0.25))
                        .build(),
                shown(sessionId, rec, "p-1", T0, 1)
                        .eventData(data("content-based", "detail_page", 1, 0.875, null))
                        .build(),
                clicked(sessionId, rec, "p-1", T0.plusSeconds(5)).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].userId", equalTo("session:" + sessionId))
                        .body("items[0].viewed", equalTo(true))
                        .body("items[0].clicked", equalTo(true))
                        .body("items[0].impressionTime", equalTo(T0.toString()))
                        .body(
                                "items[0].firstInteractionTime",
                                equalTo(T0.plusSeconds(5).toString()))
                        .body("items[0].algorithm", equalTo("content-based"))
                        .body("items[0].source", equalTo("detail_page"))
                        .body("items[0].position", equalTo(1))
                        .body("items[0].confidence", equalTo(0.875f))
                        .body("items[0].similarityScore", nullValue()));
    }

    @Test
    void twoPerfumesOfOneRecommendationAreListedByPosition() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                shown(sessionId, rec, "p-b", T0, 1).userId("u-2").build(),
                shown(sessionId, rec, "p-a", T0, 0).userId("u-2").build(),
                clicked(sessionId, rec, "p-b", T0.plusSeconds(3)).userId("u-2").build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items.perfumeId", contains("p-a", "p-b"))
                        .body("items.position", contains(0, 1))
                        .body("items.viewed", contains(true, true))
                        .body("items.clicked", contains(false, true))
                        .body("items.userId", contains("u-2", "u-2")));
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        UserInteractionEvent show = shown(sessionId, rec, "p-1", T0, 0).build();
        UserInteractionEvent click =
                clicked(sessionId, rec, "p-1", T0.plusSeconds(1)).build();
        WireEvents.publish(List.of(show, click, show));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items[0].viewed", equalTo(true))
                        .body("items[0].clicked", equalTo(true)));
        String updatedAt = updatedAt(rec, "p-1");

        // The redelivery, then a fresh event on the same partition (same key) to know it has been consumed.
        WireEvents.publish(
                List.of(show, click, shown(sessionId, rec, "p-2", T0, 1).build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get(feedback(rec)).then().statusCode(200).body("items", hasSize(2)));

        assertThat(updatedAt(rec, "p-1")).isEqualTo(updatedAt);
        assertThat(Sql.count(
                        FeedbackTestResource.DATABASE,
                        "select count(*) from processed_event where event_id in (cast(? as uuid), cast(? as uuid))",
                        show.eventId(),
                        click.eventId()))
                .isEqualTo(2);
    }

    @Test
    void botTrafficIsIgnored() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                shown(sessionId, rec, "p-bot", T0, 0)
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                clicked(sessionId, rec, "p-bot", T0.plusSeconds(1))
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                shown(sessionId, rec, "p-human", T0, 1).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get(feedback(rec)).then().statusCode(200).body("items.perfumeId", contains("p-human")));
        assertThat(Sql.count(
                        FeedbackTestResource.DATABASE,
                        "select count(*) from recommendation_feedback where recommendation_id = ? and perfume_id = ?",
                        rec,
                        "p-bot"))
                .isZero();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        ConsumerChecks.publishPoison(sessionId);
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0).build(),
                shown(sessionId, rec, "p-1", T0, 0).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec)).then().statusCode(200));
        ConsumerChecks.awaitPoisonDeadLettered(sessionId, SOURCE);
    }

    @Test
    void aDatabaseOutagePausesTheConsumerWithoutLosingEvents() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        ConsumerChecks.pausesDuringDatabaseOutage(
                SOURCE,
                WireEvents.interactionsTopic(),
                () -> WireEvents.publish(List.of(
                        shown(sessionId, rec, "p-1", T0, 0).build(),
                        clicked(sessionId, rec, "p-1", T0.plusSeconds(1)).build())),
                () -> Sql.count(
                                FeedbackTestResource.DATABASE,
                                "select count(*) from recommendation_feedback"
                                        + " where recommendation_id = ? and viewed and clicked",
                                rec)
                        == 1);
    }

    @Test
    void unknownRecommendationIsAProblem() {
        given().get(feedback("nope-" + UUID.randomUUID()))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private static String feedback(String recommendationId) {
        return "/v1/recommendations/" + recommendationId + "/feedback";
    }

    private static String updatedAt(String recommendationId, String perfumeId) {
        return (String) Sql.query(
                        FeedbackTestResource.DATABASE,
                        "select cast(updated_at as text) as u from recommendation_feedback"
                                + " where recommendation_id = ? and perfume_id = ?",
                        recommendationId,
                        perfumeId)
                .get(0)
                .get("u");
    }
}
