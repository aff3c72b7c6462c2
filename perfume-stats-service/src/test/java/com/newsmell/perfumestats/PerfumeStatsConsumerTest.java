package com.newsmell.perfumestats;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer against the real broker and database, read back through the API. The events of one session
 * share a partition, so they are consumed in the order published: each test ends a session with a marker
 * event and waits for it, which proves every earlier event of the session has been applied.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class PerfumeStatsConsumerTest {

    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

    @Test
    void countsViewsExactly() {
        String perfumeId = perfume();
        String sessionId = session();
        WireEvents.publish(List.of(
                view(sessionId, perfumeId, T0),
                view(sessionId, perfumeId, T0.plusSeconds(30)),
                view(sessionId, perfumeId, T0.plusSeconds(10)), // late: lastViewedAt stays at T0+30
                WireEvents.event(PAGE_VIEW, sessionId, T0.plusSeconds(40))
                        .perfumeId(perfumeId)
                        .build(), // not a perfume view
                view(sessionId, "other-" + perfumeId, T0.plusSeconds(50))));
        WireEvents.publish(List.of(view(sessionId, perfumeId, T0.plusSeconds(5))));

        awaitStats(perfumeId, 4, 0)
                .body("perfumeId", equalTo(perfumeId))
                .body("lastViewedAt", equalTo(Api.ms(T0.plusSeconds(30))));
        given().get(statsOf("other-" + perfumeId)).then().statusCode(200).body("totalViews", equalTo(1));
    }

    /**
     * Issue #21, "a perfume's lastViewedAt can be later than now": no stored time is later than the time the event
     * was received. An event's time is min(timestamp, receivedAt) for lastViewedAt, the house, the memberships and
     * ratings, and its hourly and daily buckets.
     */
    @Test
    void noStoredTimeIsLaterThanTheTimeTheEventWasReceived() {
        String perfumeId = perfume();
        String sessionId = session();
        String user = "u-" + sessionId;
        Instant received = T0.plusSeconds(200);
        Instant ahead = received.plus(Duration.ofHours(2)); // a client clock two hours ahead
        WireEvents.publish(List.of(
                WireEvents.event(PERFUME_VIEW, sessionId, ahead)
                        .receivedAt(received)
                        .perfumeId(perfumeId)
                        .houseId("h-" + sessionId)
                        .build(),
                wishlist(WISHLIST_ADD, sessionId, user, perfumeId, ahead).toBuilder()
                        .receivedAt(received)
                        .build()));

        awaitStats(perfumeId, 1, 1).body("lastViewedAt", equalTo(Api.ms(received)));
        String db = PerfumeStatsTestResource.DATABASE;
        for (String sql : List.of(
                "select count(*) from perfume_interaction_stats where perfume_id = ? and house_seen_at > ?",
                "select count(*) from membership where perfume_id = ? and as_of > ?",
                "select count(*) from perfume_hourly_bucket where perfume_id = ? and bucket > ?",
                "select count(*) from perfume_daily_bucket where perfume_id = ? and bucket > ?")) {
            org.assertj.core.api.Assertions.assertThat(
                            Sql.count(db, sql, perfumeId, received.atOffset(java.time.ZoneOffset.UTC)))
                    .as(sql)
                    .isZero();
        }
    }

    @Test
    void aPerfumeWithOnlyWishlistEventsHasNoLastView() {
        String perfumeId = perfume();
        String sessionId = session();
        WireEvents.publish(List.of(wishlist(WISHLIST_ADD, sessionId, "u-" + sessionId, perfumeId, T0)));

        awaitStats(perfumeId, 0, 1).body("lastViewedAt", nullValue());
    }

    @Test
    void addRemoveAddLeavesThePerfumeInTheList() {
        String perfumeId = perfume();
        String sessionId = session();
        String user = "u-" + sessionId;
        WireEvents.publish(List.of(wishlist(WISHLIST_ADD, sessionId, user, perfumeId, T0)));
        WireEvents.publish(List.of(wishlist(WISHLIST_REMOVE, sessionId, user, perfumeId, T0.plusSeconds(1))));
        WireEvents.publish(List.of(
                wishlist(WISHLIST_ADD, sessionId, user, perfumeId, T0.plusSeconds(2)),
                view(sessionId, perfumeId, T0.plusSeconds(3)))); // marker

        awaitStats(perfumeId, 1, 1);
    }

    @Test
    void aRemoveThatArrivesBeforeItsEarlierAddWins() {
        String user = "u-" + UUID.randomUUID();
        // across batches: the remove is stored first; the older add that arrives next changes nothing
        String acrossBatches = perfume();
        String sessionA = session();
        WireEvents.publish(List.of(wishlist(WISHLIST_REMOVE, sessionA, user, acrossBatches, T0.plusSeconds(10))));
        awaitStats(acrossBatches, 0, 0);
        WireEvents.publish(List.of(
                wishlist(WISHLIST_ADD, sessionA, user, acrossBatches, T0.plusSeconds(5)),
                view(sessionA, acrossBatches, T0.plusSeconds(20)))); // marker
        // within one batch: the later remove wins over the add that follows it on the topic
        String withinBatch = perfume();
        String sessionB = session();
        WireEvents.publish(List.of(
                wishlist(WISHLIST_REMOVE, sessionB, user, withinBatch, T0.plusSeconds(10)),
                wishlist(WISHLIST_ADD, sessionB, user, withinBatch, T0.plusSeconds(5)),
                view(sessionB, withinBatch, T0.plusSeconds(20)))); // marker

        awaitStats(acrossBatches, 1, 0);
        awaitStats(withinBatch, 1, 0);
    }

    @Test
    void wishlistDuplicatesAreIgnoredAndTheCountNeverGoesNegative() {
        String perfumeId = perfume();
        String loggedIn = session();
        String anonymous = session();
        String remover = session();
        WireEvents.publish(List.of(
                wishlist(WISHLIST_ADD, loggedIn, "u-" + loggedIn, perfumeId, T0),
                wishlist(WISHLIST_ADD, loggedIn, "u-" + loggedIn, perfumeId, T0.plusSeconds(1)),
                view(loggedIn, perfumeId, T0.plusSeconds(2)), // marker
                wishlist(WISHLIST_ADD, anonymous, null, perfumeId, T0),
                wishlist(WISHLIST_ADD, anonymous, null, perfumeId, T0.plusSeconds(1)),
                view(anonymous, perfumeId, T0.plusSeconds(2)), // marker
                wishlist(WISHLIST_REMOVE, remover, "u-" + remover, perfumeId, T0),
                wishlist(WISHLIST_REMOVE, remover, "u-" + remover, perfumeId, T0.plusSeconds(1)),
                view(remover, perfumeId, T0.plusSeconds(2)))); // marker
        awaitStats(perfumeId, 3, 2);

        // a second add by the same (logged-in) user from another session is the same pair
        String secondSession = session();
        WireEvents.publish(List.of(
                wishlist(WISHLIST_ADD, secondSession, "u-" + loggedIn, perfumeId, T0.plusSeconds(60)),
                view(secondSession, perfumeId, T0.plusSeconds(61)))); // marker
        awaitStats(perfumeId, 4, 2);

        String onlyRemoved = perfume();
        WireEvents.publish(List.of(
                wishlist(WISHLIST_REMOVE, remover, "u-" + remover, onlyRemoved, T0),
                wishlist(WISHLIST_REMOVE, remover, "u-" + remover, onlyRemoved, T0.plusSeconds(1)),
                view(remover, onlyRemoved, T0.plusSeconds(2)))); // marker
        awaitStats(onlyRemoved, 1, 0);
    }

    @Test
    void botEventsAreLeftOut() {
        String perfumeId = perfume();
        String sessionId = session();
        WireEvents.publish(List.of(
                bot(view(sessionId, perfumeId, T0.plusSeconds(100))),
                bot(view(sessionId, perfumeId, T0.plusSeconds(101))),
                bot(wishlist(WISHLIST_ADD, sessionId, "bot-" + sessionId, perfumeId, T0.plusSeconds(102))),
                view(sessionId, perfumeId, T0))); // marker

        awaitStats(perfumeId, 1, 0).body("lastViewedAt", equalTo(Api.ms(T0)));

        String botOnly = perfume();
        WireEvents.publish(
                List.of(bot(view(sessionId, botOnly, T0)), view(sessionId, perfumeId, T0.plusSeconds(1)))); // marker
        awaitStats(perfumeId, 2, 0);
        given().get(statsOf(botOnly)).then().statusCode(404);
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        String perfumeId = perfume();
        String sessionId = session();
        String user = "u-" + sessionId;
        UserInteractionEvent view = view(sessionId, perfumeId, T0);
        UserInteractionEvent add = wishlist(WISHLIST_ADD, sessionId, user, perfumeId, T0.plusSeconds(1));
        UserInteractionEvent remove = wishlist(WISHLIST_REMOVE, sessionId, user, perfumeId, T0.plusSeconds(2));
        WireEvents.publish(List.of(view, view, add, add));
        WireEvents.publish(List.of(view, add, remove, remove));
        WireEvents.publish(List.of(
                view,
                add,
                remove,
                WireEvents.event(PERFUME_VIEW, sessionId, T0.plusSeconds(3))
                        .perfumeId(perfumeId)
                        .build())); // marker

        awaitStats(perfumeId, 2, 0).body("lastViewedAt", equalTo(Api.ms(T0.plusSeconds(3))));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String sessionId = session();
        String perfumeId = perfume();
        ConsumerChecks.publishPoison(sessionId);
        WireEvents.publish(List.of(view(sessionId, perfumeId, T0)));

        awaitStats(perfumeId, 1, 0);
        ConsumerChecks.awaitPoisonDeadLettered(sessionId, "perfume-stats-service");
    }

    @Test
    void aDatabaseOutagePausesTheConsumerWithoutLosingEvents() {
        String sessionId = session();
        String perfumeId = perfume();
        ConsumerChecks.pausesDuringDatabaseOutage(
                "perfume-stats-service",
                WireEvents.interactionsTopic(),
                () -> WireEvents.publish(List.of(
                        view(sessionId, perfumeId, T0),
                        wishlist(WISHLIST_ADD, sessionId, "u-" + sessionId, perfumeId, T0.plusSeconds(1)),
                        view(sessionId, perfumeId, T0.plusSeconds(2)))),
                () -> Sql.count(
                                PerfumeStatsTestResource.DATABASE,
                                "select count(*) from perfume_interaction_stats"
                                        + " where perfume_id = ? and total_views = 2 and in_wishlist_count = 1",
                                perfumeId)
                        == 1);
    }

    @Test
    void unknownPerfumeIsAProblem() {
        given().get(statsOf("nope-" + UUID.randomUUID()))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private static ValidatableResponse awaitStats(String perfumeId, int totalViews, int inWishlistCount) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().get(statsOf(perfumeId)).then(),
                        r -> r.extract().statusCode() == 200
                                && r.extract().path("totalViews").equals(totalViews)
                                && r.extract().path("inWishlistCount").equals(inWishlistCount));
    }

    private static String statsOf(String perfumeId) {
        return "/v1/perfumes/" + perfumeId + "/stats";
    }

    private static String perfume() {
        return "p-" + UUID.randomUUID();
    }

    private static String session() {
        return "s-" + UUID.randomUUID();
    }

    private static UserInteractionEvent view(String sessionId, String perfumeId, Instant at) {
        return WireEvents.event(PERFUME_VIEW, sessionId, at)
                .perfumeId(perfumeId)
                .build();
    }

    private static UserInteractionEvent wishlist(
            InteractionEventType type, String sessionId, String userId, String perfumeId, Instant at) {
        return WireEvents.event(type, sessionId, at)
                .perfumeId(perfumeId)
                .userId(userId)
                .build();
    }

    private static UserInteractionEvent bot(UserInteractionEvent event) {
        return event.toBuilder().isBot(true).botReason("test").build();
    }
}
