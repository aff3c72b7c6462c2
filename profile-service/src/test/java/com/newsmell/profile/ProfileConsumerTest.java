package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.HOUSE_VIEW;
import static com.newsmell.contract.InteractionEventType.NAVIGATION_CLICK;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/profiles/" + userId)
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo(userId))
                        .body("totalPageViews", equalTo(3))
                        .body("totalSearches", equalTo(2))
                        .body("lastActiveDate", equalTo(T0.plusSeconds(90).toString())));
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

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/profiles/" + userId)
                        .then()
                        .statusCode(200)
                        .body("totalPageViews", equalTo(2))
                        .body("totalSearches", equalTo(1))
                        .body("lastActiveDate", equalTo(T0.plusSeconds(5).toString())));
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

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/profiles/" + userId)
                        .then()
                        .statusCode(200)
                        .body("totalPageViews", equalTo(1))
                        .body("totalSearches", equalTo(0))
                        .body("lastActiveDate", equalTo(T0.toString())));
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

    @Test
    void unknownProfileIsAProblem() {
        given().get("/v1/profiles/nope-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
