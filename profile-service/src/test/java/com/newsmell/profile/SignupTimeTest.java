package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.USER_REGISTERED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0020: each user's signup time, kept by the consumer in the batch's transaction and served by GET
 * /v1/profiles/{userId}: the earliest USER_REGISTERED (signupSource registered), else the first counted event
 * (first-event); any arrival order and any redelivery give the same.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class SignupTimeTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);

    private static UserInteractionEvent.Builder event(InteractionEventType type, String userId, Instant at) {
        return WireEvents.event(type, "s-" + userId, at).userId(userId);
    }

    private static UserInteractionEvent registered(String userId, Instant at) {
        return event(USER_REGISTERED, userId, at)
                .path("/signup")
                .eventData(JsonNodeFactory.instance.objectNode().put("signupMethod", "email"))
                .build();
    }

    /** Waits until the profile shows this lastActiveDate (every event up to it applied), then checks the signup. */
    private static void awaitSignup(String userId, Instant lastActive, Instant signupAt, String source) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/profiles/" + userId)
                        .then()
                        .statusCode(200)
                        .body("lastActiveDate", equalTo(JsonConvention.format(lastActive))));
        given().get("/v1/profiles/" + userId)
                .then()
                .statusCode(200)
                .body("signupAt", equalTo(JsonConvention.format(signupAt)))
                .body("signupSource", equalTo(source));
    }

    private static Instant firstEventAt(String userId) {
        List<Map<String, Object>> rows = Sql.query(
                ProfileTestResource.DATABASE,
                "select first_event_at from user_behavior_profile where user_id = ?",
                userId);
        Object at = rows.get(0).get("first_event_at");
        return ((java.sql.Timestamp) at).toInstant();
    }

    @Test
    void withoutARegistrationTheFirstEventIsTheSignupInAnyOrder() {
        String userId = "u-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                event(SEARCH_PERFORMED, userId, T0.plusSeconds(30)).build(),
                event(PAGE_VIEW, userId, T0.plusSeconds(20)).build()));
        WireEvents.publish(List.of(
                event(PAGE_VIEW, userId, T0.plusSeconds(10)).build(),
                event(PAGE_VIEW, userId, T0.plusSeconds(40)).build()));

        awaitSignup(userId, T0.plusSeconds(40), T0.plusSeconds(10), "first-event");
    }

    @Test
    void aRegistrationWinsOverEarlierEventsAndTheEarliestRegistrationWins() {
        String userId = "u-" + UUID.randomUUID();
        // browsing first (the client knew the userId before the signup event was sent)
        WireEvents.publish(List.of(event(PAGE_VIEW, userId, T0).build()));
        awaitSignup(userId, T0, T0, "first-event");

        // the registration arrives: it is the signup, although an event came before it
        UserInteractionEvent signup = registered(userId, T0.plusSeconds(50));
        WireEvents.publish(List.of(signup));
        awaitSignup(userId, T0.plusSeconds(50), T0.plusSeconds(50), "registered");

        // a later registration (a client retry with a new eventId) changes nothing; a redelivery neither
        WireEvents.publish(List.of(registered(userId, T0.plusSeconds(90)), signup));
        awaitSignup(userId, T0.plusSeconds(90), T0.plusSeconds(50), "registered");

        // an earlier one, arriving late: the earliest registration wins
        WireEvents.publish(List.of(
                registered(userId, T0.plusSeconds(45)),
                event(PAGE_VIEW, userId, T0.plusSeconds(120)).build()));
        awaitSignup(userId, T0.plusSeconds(120), T0.plusSeconds(45), "registered");

        assertThat(firstEventAt(userId)).as("the first event is still kept").isEqualTo(T0);
    }

    @Test
    void aRegistrationAloneMakesAProfile() {
        String userId = "u-" + UUID.randomUUID();
        WireEvents.publish(List.of(registered(userId, T0.plusSeconds(5))));

        awaitSignup(userId, T0.plusSeconds(5), T0.plusSeconds(5), "registered");
        given().get("/v1/profiles?limit=1000&from=" + T0 + "&to=" + T0.plusSeconds(6))
                .then()
                .statusCode(200)
                .body("items.signupSource", hasItem("registered"))
                .body(
                        "items.find { it.userId == '" + userId + "' }.signupAt",
                        equalTo(JsonConvention.format(T0.plusSeconds(5))));
    }

    @Test
    void aBotsRegistrationCountsNowhere() {
        String userId = "u-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                event(USER_REGISTERED, userId, T0.minusSeconds(60))
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                event(PAGE_VIEW, userId, T0.plusSeconds(7)).build()));

        awaitSignup(userId, T0.plusSeconds(7), T0.plusSeconds(7), "first-event");
    }
}
