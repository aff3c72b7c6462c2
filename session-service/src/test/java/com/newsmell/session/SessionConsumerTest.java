package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.NAVIGATION_CLICK;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.session.Scenarios.data;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.Statements;
import com.newsmell.infra.TopicReader;
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
@QuarkusTestResource(SessionTestResource.class)
class SessionConsumerTest {

    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    @Test
    void foldsASessionFromItsEvents() {
        String sessionId = "s-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0).build(),
                WireEvents.event(PERFUME_VIEW, sessionId, T0.plusSeconds(20))
                        .perfumeId("p1")
                        .build(),
                WireEvents.event(NAVIGATION_CLICK, sessionId, T0.plusSeconds(30))
                        .build(),
                WireEvents.event(WISHLIST_ADD, sessionId, T0.plusSeconds(40))
                        .perfumeId("p1")
                        .userId("u-7")
                        .build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/sessions/" + sessionId)
                        .then()
                        .statusCode(200)
                        .body("sessionId", equalTo(sessionId))
                        .body("userId", equalTo("u-7"))
                        .body("startTime", equalTo(T0.toString()))
                        .body("endTime", nullValue())
                        .body("duration", nullValue())
                        .body("closed", equalTo(false))
                        .body("lastEventTime", equalTo(T0.plusSeconds(40).toString()))
                        .body("pageViews", equalTo(2))
                        .body("perfumesViewed", equalTo(1))
                        .body("addedToWishlist", equalTo(true))
                        .body("interactions", equalTo(0))); // a WISHLIST_ADD is no RATING/REVIEW/COLLECTION event
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        String sessionId = "s-" + UUID.randomUUID();
        UserInteractionEvent view = WireEvents.event(PAGE_VIEW, sessionId, T0).build();
        WireEvents.publish(List.of(view, view));
        WireEvents.publish(List.of(
                view, WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(5)).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get("/v1/sessions/" + sessionId).then().body("pageViews", equalTo(2)));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String sessionId = "s-" + UUID.randomUUID();
        ConsumerChecks.publishPoison(sessionId);
        WireEvents.publish(List.of(WireEvents.event(PAGE_VIEW, sessionId, T0).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get("/v1/sessions/" + sessionId).then().statusCode(200));
        ConsumerChecks.awaitPoisonDeadLettered(sessionId, "session-service");
    }

    @Test
    void anEventWithoutAPathIsFoldedAndOneWithoutAnyIdIsDeadLettered() {
        String sessionId = "s-" + UUID.randomUUID();
        String noPath = EventCodec.toJsonNode(
                        WireEvents.event(PAGE_VIEW, sessionId, T0).build())
                .without("path")
                .toString();
        UserInteractionEvent orphan = WireEvents.event(PAGE_VIEW, sessionId, T0).build();
        String noId = EventCodec.toJsonNode(orphan).without("sessionId").toString();
        WireEvents.publishRaw(sessionId, noPath, noId);
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(1)).build()));

        // a path is optional (ADR 0061): the session has both views
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/sessions/" + sessionId)
                        .then()
                        .statusCode(200)
                        .body("pageViews", equalTo(2)));
        // without a sessionId, an anonymousId or a userId there is nothing to sessionise by
        List<TopicReader.Read> dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> fromThisService(TopicReader.deadLetters(WireEvents.deadLetterTopic(), orphan.eventId())),
                        l -> l.size() == 1);
        assertThat(dead.get(0).headers().get(DeadLetterHeaders.REASON)).startsWith("invalid event");
    }

    @Test
    void aClickOfAnUnknownSearchIsDeadLetteredWhenItsSessionCloses() {
        String sessionId = "s-" + UUID.randomUUID();
        Instant old = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        WireEvents.publish(List.of(
                WireEvents.event(SEARCH_PERFORMED, sessionId, old)
                        .path("/search")
                        .eventData(json("{\"searchId\":\"known\",\"query\":\"rose\"}"))
                        .build(),
                WireEvents.event(SEARCH_RESULT_CLICKED, sessionId, old.plusSeconds(5))
                        .path("/search")
                        .eventData(
                                json("{\"searchId\":\"ghost-" + sessionId + "\",\"position\":1,\"perfumeId\":\"p1\"}"))
                        .build()));
        Api.awaitStoredEvents(sessionId, 2);
        // Kept while the session is open: its search may still arrive.
        assertThat(fromThisService(TopicReader.deadLetters(WireEvents.deadLetterTopic(), "ghost-" + sessionId)))
                .isEmpty();

        Api.closeIdleSessions();

        List<TopicReader.Read> dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> fromThisService(
                                TopicReader.deadLetters(WireEvents.deadLetterTopic(), "ghost-" + sessionId)),
                        l -> !l.isEmpty());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).headers().get(DeadLetterHeaders.REASON))
                .isEqualTo("unknown searchId ghost-" + sessionId);
        assertThat(dead.get(0).key()).isEqualTo(sessionId);
        // The known search is unaffected, and a second close run sends nothing twice.
        given().get("/v1/sessions/" + sessionId).then().body("closed", equalTo(true));
        given().queryParam("sessionId", sessionId)
                .get("/v1/search/queries")
                .then()
                .body("items.searchId", equalTo(List.of("known")))
                .body("items[0].clickedPositions", equalTo(List.of()));
        Api.closeIdleSessions();
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, old.plusSeconds(9)).build()));
        Api.awaitStoredEvents(sessionId, 3);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> given().get("/v1/sessions/" + sessionId).then().body("pageViews", equalTo(1)));
        assertThat(fromThisService(TopicReader.deadLetters(WireEvents.deadLetterTopic(), "ghost-" + sessionId)))
                .hasSize(1);
    }

    private static List<TopicReader.Read> fromThisService(List<TopicReader.Read> records) {
        return records.stream()
                .filter(r -> "session-service".equals(r.headers().get(DeadLetterHeaders.SOURCE)))
                .toList();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(String s) {
        return Scenarios.data(s);
    }

    @Test
    void aDatabaseOutagePausesTheConsumerWithoutLosingEvents() {
        String sessionId = "s-" + UUID.randomUUID();
        ConsumerChecks.pausesDuringDatabaseOutage(
                "session-service",
                WireEvents.interactionsTopic(),
                () -> WireEvents.publish(List.of(
                        WireEvents.event(PAGE_VIEW, sessionId, T0).build(),
                        WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(1))
                                .build())),
                () -> Sql.count(
                                SessionTestResource.DATABASE,
                                "select count(*) from user_session where session_id = ? and page_views = 2",
                                sessionId)
                        == 1);
    }

    /**
     * The fast path (ADR 0070): events that come after the session's last one update its running state without
     * reading its stored events; an event out of order re-folds it from them, with the same result as in order. A
     * window in which the close job ran (it re-folds idle sessions of other tests) is tried again with a new session.
     */
    @Test
    void eventsInOrderSkipTheRefoldAndAnEventOutOfOrderRefolds() {
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> {
            String sessionId = "s-" + UUID.randomUUID();
            WireEvents.publish(
                    List.of(WireEvents.event(PAGE_VIEW, sessionId, T0).build()));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            given().get("/v1/sessions/" + sessionId).then().statusCode(200));
            Statements.Sent inOrder = Statements.during(() -> {
                WireEvents.publish(List.of(
                        WireEvents.event(SEARCH_PERFORMED, sessionId, T0.plusSeconds(10))
                                .path("/search")
                                .eventData(data("{\"searchId\":\"q1\",\"query\":\"rose\"}"))
                                .build(),
                        WireEvents.event(SEARCH_RESULT_CLICKED, sessionId, T0.plusSeconds(14))
                                .path("/search")
                                .eventData(data("{\"searchId\":\"q1\",\"position\":2,\"perfumeId\":\"p1\"}"))
                                .build()));
                WireEvents.publish(List.of(WireEvents.event(PERFUME_VIEW, sessionId, T0.plusSeconds(20))
                        .perfumeId("p1")
                        .build()));
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> given().get("/v1/sessions/" + sessionId)
                                .then()
                                .body("pageViews", equalTo(2))
                                .body(
                                        "lastEventTime",
                                        equalTo(T0.plusSeconds(20).toString())));
            });
            assertThat(inOrder.statements()).noneMatch(SessionConsumerTest::closeJob);
            assertThat(inOrder.readsOf("session_event")).isZero();
            given().get("/v1/search/queries?sessionId=" + sessionId)
                    .then()
                    .body("items[0].timeToFirstClickMs", equalTo(4000))
                    .body("items[0].clickedPositions[0]", equalTo(2));

            Statements.Sent late = Statements.during(() -> {
                WireEvents.publish(List.of(WireEvents.event(PAGE_VIEW, sessionId, T0.minusSeconds(5))
                        .path("/home")
                        .build()));
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> given().get("/v1/sessions/" + sessionId)
                                .then()
                                .body("startTime", equalTo(T0.minusSeconds(5).toString()))
                                .body("entryPage", equalTo("/home"))
                                .body("pageViews", equalTo(3)));
            });
            assertThat(late.readsOf("session_event")).isPositive();
        });
    }

    /** The close job's first statement: the open sessions idle long enough. */
    private static boolean closeJob(String sql) {
        String s = sql.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("select") && s.contains("from user_session") && s.contains("last_event_time<=");
    }

    @Test
    void unknownSessionIsAProblem() {
        given().get("/v1/sessions/nope-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
