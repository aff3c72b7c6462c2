package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.HOUSE_VIEW;
import static com.newsmell.contract.InteractionEventType.NAVIGATION_CLICK;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.contract.DeadLetterHeaders;
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
@QuarkusTestResource(ProfileTestResource.class)
class ProfileConsumerTest {

    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

    @Test
    void foldsAProfileFromItsEventsInAnyOrder() {
        String userId = "u-" + UUID.randomUUID();
        String first = "s-" + UUID.randomUUID();
        String second = "s-" + UUID.randomUUID();
        // Newest first, across two sessions and two batches: the rules must not depend on arrival order.
        WireEvents.publish(List.of(
                WireEvents.event(WISHLIST_ADD, second, T0.plusSeconds(90))
                        .perfumeId("p1")
                        .userId(userId)
                        .build(),
                WireEvents.event(RATING_COMPLETED, second, T0.plusSeconds(80))
                        .perfumeId("p1")
                        .userId(userId)
                        .build(),
                WireEvents.event(HOUSE_VIEW, second, T0.plusSeconds(60))
                        .houseId("h1")
                        .userId(userId)
                        .build(),
                WireEvents.event(SEARCH_PERFORMED, second, T0.plusSeconds(50))
                        .userId(userId)
                        .build()));
        WireEvents.publish(List.of(
                WireEvents.event(SEARCH_RESULT_CLICKED, first, T0.plusSeconds(40))
                        .perfumeId("p1")
                        .userId(userId)
                        .eventData(JsonNodeFactory.instance.objectNode().put("position", 0))
                        .build(),
                WireEvents.event(SEARCH_PERFORMED, first, T0.plusSeconds(30))
                        .userId(userId)
                        .build(),
                WireEvents.event(NAVIGATION_CLICK, first, T0.plusSeconds(25))
                        .userId(userId)
                        .build(),
                WireEvents.event(PERFUME_VIEW, first, T0.plusSeconds(20))
                        .perfumeId("p1")
                        .userId(userId)
                        .build(),
                WireEvents.event(PAGE_VIEW, first, T0).userId(userId).build()));

        awaitProfile(userId, 3, 3, 1, T0.plusSeconds(90));
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        String userId = "u-" + UUID.randomUUID();
        String sessionId = "s-" + UUID.randomUUID();
        UserInteractionEvent view =
                WireEvents.event(PAGE_VIEW, sessionId, T0).userId(userId).build();
        UserInteractionEvent search = WireEvents.event(SEARCH_PERFORMED, sessionId, T0.plusSeconds(1))
                .userId(userId)
                .build();
        WireEvents.publish(List.of(view, search, view, search));
        WireEvents.publish(List.of(
                view,
                search,
                WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(5))
                        .userId(userId)
                        .build()));

        awaitProfile(userId, 2, 1, 0, T0.plusSeconds(5));
    }

    @Test
    void anonymousAndBotEventsAreIgnored() {
        String userId = "u-" + UUID.randomUUID();
        String botOnlyUser = "u-" + UUID.randomUUID();
        String sessionId = "s-" + UUID.randomUUID();
        // One session key, so one partition: once the last event shows, all the earlier ones were consumed.
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(300)).build(),
                WireEvents.event(SEARCH_PERFORMED, sessionId, T0.plusSeconds(301))
                        .build(),
                WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(400))
                        .userId(userId)
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                WireEvents.event(SEARCH_PERFORMED, sessionId, T0.plusSeconds(401))
                        .userId(botOnlyUser)
                        .isBot(true)
                        .botReason("user-agent")
                        .build()));
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0).userId(userId).build()));

        awaitProfile(userId, 1, 0, 0, T0);
        given().get("/v1/profiles/" + botOnlyUser).then().statusCode(404);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String userId = "u-" + UUID.randomUUID();
        String sessionId = "s-" + UUID.randomUUID();
        ConsumerChecks.publishPoison(sessionId);
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0).userId(userId).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/profiles/" + userId)
                        .then()
                        .statusCode(200)
                        .body("totalPageViews", equalTo(1)));
        ConsumerChecks.awaitPoisonDeadLettered(sessionId, "profile-service");
    }

    // Issue #21: "An event with \u0000 in a string is answered 202, then the raw store and session-service
    // dead-letter it (PostgreSQL refuses NUL in text) while profile-service counts it". Decoding rejects it now
    // (ADR 0014), so it is dead-lettered here too, before its batch is applied, and counts nowhere.
    @Test
    void anEventHoldingANulIsDeadLetteredAndNotCounted() {
        String userId = "u-" + UUID.randomUUID();
        String sessionId = "s-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0)
                        .userId(userId)
                        .path("/perfumes/p1\u0000")
                        .build(),
                WireEvents.event(RATING_COMPLETED, sessionId, T0.plusSeconds(1))
                        .userId(userId)
                        .perfumeId("p1")
                        .eventData(JsonNodeFactory.instance.objectNode().put("source", "detail\u0000page"))
                        .build(),
                WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(2))
                        .userId(userId)
                        .build()));

        awaitProfile(userId, 1, 0, 0, T0.plusSeconds(2));
        assertThat(ConsumerChecks.awaitDeadLetters(sessionId, "profile-service", 2))
                .allSatisfy(dead ->
                        assertThat(dead.headers().get(DeadLetterHeaders.REASON)).contains("no-nul"));
    }

    @Test
    void aDatabaseOutagePausesTheConsumerWithoutLosingEvents() {
        String userId = "u-" + UUID.randomUUID();
        String sessionId = "s-" + UUID.randomUUID();
        ConsumerChecks.pausesDuringDatabaseOutage(
                "profile-service",
                WireEvents.interactionsTopic(),
                () -> WireEvents.publish(List.of(
                        WireEvents.event(PAGE_VIEW, sessionId, T0)
                                .userId(userId)
                                .build(),
                        WireEvents.event(SEARCH_PERFORMED, sessionId, T0.plusSeconds(1))
                                .userId(userId)
                                .build())),
                () -> Sql.count(
                                ProfileTestResource.DATABASE,
                                "select count(*) from user_behavior_profile"
                                        + " where user_id = ? and total_page_views = 1 and total_searches = 1",
                                userId)
                        == 1);
    }

    /** Waits until the user's profile, read through the API, has exactly these figures. */
    private static void awaitProfile(
            String userId, int pageViews, int searches, int interactions, Instant lastActiveDate) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/profiles/" + userId)
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo(userId))
                        .body("totalPageViews", equalTo(pageViews))
                        .body("totalSearches", equalTo(searches))
                        .body("totalInteractions", equalTo(interactions))
                        .body("lastActiveDate", equalTo(lastActiveDate.toString())));
    }

    @Test
    void unknownProfileIsAProblem() {
        given().get("/v1/profiles/nope-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
