package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.IdentityLinks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.session.usersession.VisitorSessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0064 against the real broker and database: events without a sessionId are sessionised by visitor (in order, out
 * of order, redelivered, across the idle gap), and identity links stitch the anonymous visitor's sessions and searches
 * to the user, whichever of the link and the events comes first.
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class IdentityStitchingTest {

    private static final String DB = SessionTestResource.DATABASE;
    private static final Instant T0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    /** A sessionless page view of the anonymous visitor, {@code minutes} after T0. */
    private static UserInteractionEvent anonymous(String anonymousId, double minutes) {
        return WireEvents.event(PAGE_VIEW, null, T0.plusMillis((long) (minutes * 60_000)))
                .anonymousId(anonymousId)
                .build();
    }

    private static String derived(String anonymousId, double minutes) {
        return VisitorSessions.sessionId("anonymous:" + anonymousId, T0.plusMillis((long) (minutes * 60_000)));
    }

    private static long sessionsOf(String anonymousId) {
        return Sql.count(DB, "select count(*) from user_session where visitor_id = ?", "anonymous:" + anonymousId);
    }

    @Test
    void inOrderEventsWithoutASessionIdMakeTheVisitorsSessionsAcrossTheIdleGap() {
        String anon = "a-" + UUID.randomUUID();
        List<UserInteractionEvent> events =
                List.of(anonymous(anon, 0), anonymous(anon, 10), anonymous(anon, 29), anonymous(anon, 60));
        Api.publish(events, true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/v1/sessions/" + derived(anon, 0))
                    .then()
                    .statusCode(200)
                    .body("pageViews", equalTo(3))
                    .body("userId", nullValue());
            given().get("/v1/sessions/" + derived(anon, 60))
                    .then()
                    .statusCode(200)
                    .body("pageViews", equalTo(1));
        });
        assertThat(sessionsOf(anon)).isEqualTo(2);
    }

    @Test
    void outOfOrderAndRedeliveredEventsGiveTheSessionsOfInOrderOnes() {
        String anon = "a-" + UUID.randomUUID();
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                anonymous(anon, 0),
                anonymous(anon, 20),
                anonymous(anon, 40), // bridges 20 and 55 once all are in
                anonymous(anon, 55),
                anonymous(anon, 100)));
        events.add(events.get(2)); // a redelivery
        Collections.shuffle(events, new Random(64));
        // the latest first, then the rest in the shuffled order, one record at a time
        Api.publish(List.of(anonymous(anon, 100)), false);
        Api.publish(events, true);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/v1/sessions/" + derived(anon, 0))
                    .then()
                    .statusCode(200)
                    .body("pageViews", equalTo(4))
                    .body(
                            "lastEventTime",
                            equalTo(T0.plus(Duration.ofMinutes(55)).toString()));
            given().get("/v1/sessions/" + derived(anon, 100))
                    .then()
                    .statusCode(200)
                    .body("pageViews", equalTo(2)); // two distinct eventIds at minute 100
            assertThat(sessionsOf(anon)).isEqualTo(2);
        });
    }

    @Test
    void aLinkAfterTheEventsStitchesTheSessionsAndTheirSearches() {
        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        String withSession = "s-" + UUID.randomUUID();
        Api.publish(
                List.of(
                        anonymous(anon, 0),
                        WireEvents.event(PAGE_VIEW, withSession, T0.plusSeconds(5))
                                .anonymousId(anon)
                                .build(),
                        WireEvents.event(SEARCH_PERFORMED, withSession, T0.plusSeconds(10))
                                .anonymousId(anon)
                                .path("/search")
                                .eventData(Scenarios.data("{\"searchId\":\"q1\",\"query\":\"rose\","
                                        + "\"resultsCount\":5,\"resultsShown\":5,\"searchType\":\"initial\"}"))
                                .build()),
                false);
        Api.awaitStoredEvents(withSession, 2);
        Api.awaitStoredEvents(derived(anon, 0), 1);
        given().get("/v1/sessions/" + withSession).then().body("userId", nullValue());

        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plus(Duration.ofMinutes(1))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/v1/sessions/" + withSession).then().body("userId", equalTo(user));
            given().get("/v1/sessions/" + derived(anon, 0)).then().body("userId", equalTo(user));
            given().queryParam("userId", user)
                    .get("/v1/search/queries")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1));
        });
        assertThat(Sql.count(DB, "select count(*) from user_session where anonymous_id = ?", anon))
                .isEqualTo(2);

        // a later anonymous event of the linked visitor is the user's at once
        Api.publish(List.of(anonymous(anon, 90)), false);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/sessions/" + derived(anon, 90))
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo(user)));

        // erasing the user erases the stitched sessions and the link
        ErasureAck ack = Erasures.awaitAck(Erasures.request(user), "session-service");
        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup()).containsEntry("sessions", 3L).containsEntry("identity-links", 1L);
        assertThat(Sql.count(DB, "select count(*) from session_event where anonymous_id = ?", anon))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from identity_link where anonymous_id = ?", anon))
                .isZero();
    }

    @Test
    void aLinkBeforeTheEventsGivesTheSameSessions() {
        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        IdentityLinks.publish(IdentityLinks.link(anon, user, T0));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(DB, "select count(*) from identity_link where anonymous_id = ?", anon) == 1);

        Api.publish(List.of(anonymous(anon, 0), anonymous(anon, 5)), true);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/sessions/" + derived(anon, 0))
                        .then()
                        .statusCode(200)
                        .body("pageViews", equalTo(2))
                        .body("userId", equalTo(user)));
    }

    @Test
    void aRedeliveredOrOlderLinkChangesNothingAndPoisonIsDeadLettered() {
        String anon = "a-" + UUID.randomUUID();
        String marker = "poison-" + UUID.randomUUID();
        IdentityLinks.publishRaw(anon, "{\"anonymousId\":\"" + marker + "\"}");
        IdentityLinks.publish(
                IdentityLinks.link(anon, "u-new", T0.plusSeconds(10)),
                IdentityLinks.link(anon, "u-new", T0.plusSeconds(10)),
                IdentityLinks.link(anon, "u-old", T0));
        Api.publish(List.of(anonymous(anon, 0)), false);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/sessions/" + derived(anon, 0))
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo("u-new")));
        var dead = ConsumerChecks.awaitDeadLetters(marker, "session-service-identity-links", 1);
        assertThat(dead.get(0).headers().get(DeadLetterHeaders.REASON)).startsWith("invalid identity-links record");
    }
}
