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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
                .untilAsserted(() -> given().post("/v1/profiles/" + userId + "/recompute")
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
                                "select count(*) from user_day_activity where user_id = ?"
                                        + " and event_counts = '{\"PAGE_VIEW\": 1, \"SEARCH_PERFORMED\": 1}'::jsonb",
                                userId)
                        == 1);
    }

    // ---- GET /v1/profiles (ADR 0015): keyset-paged by (lastActiveDate desc, userId), optionally within a window.

    @Test
    void theProfilesArePagedByLastActivityWithinAWindowAndExportedAsCsv() {
        String run = UUID.randomUUID().toString();
        String a = "u-" + run + "-a";
        String b = "u-" + run + "-b";
        String c = "u-" + run + "-c";
        String d = "u-" + run + "-d";
        String e = "u-" + run + "-e";
        String session = "s-" + run;
        Instant feb1noon = Instant.parse("2024-02-01T12:00:00Z");
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, session, feb1noon.minusSeconds(7200))
                        .userId(a)
                        .build(),
                WireEvents.event(SEARCH_PERFORMED, session, feb1noon).userId(a).build(),
                WireEvents.event(PAGE_VIEW, session, feb1noon).userId(b).build(),
                WireEvents.event(PAGE_VIEW, session, Instant.parse("2024-02-01T08:00:00Z"))
                        .userId(c)
                        .build(),
                WireEvents.event(PAGE_VIEW, session, Instant.parse("2024-02-02T09:00:00Z"))
                        .userId(d)
                        .build(),
                // 2024-01-31 in UTC, 2024-02-01 00:30 in Berlin.
                WireEvents.event(PAGE_VIEW, session, Instant.parse("2024-01-31T23:30:00Z"))
                        .userId(e)
                        .build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/profiles?from=2024-01-31&to=2024-02-03")
                        .then()
                        .statusCode(200)
                        .body("items.userId", contains(d, a, b, c, e)));
        // Counts come from a run (here a recompute as of now: 2024 is outside its window, so they are 0).
        given().post("/v1/profiles/" + a + "/recompute")
                .then()
                .statusCode(200)
                .body("totalSearches", equalTo(0))
                .body("computedBy", equalTo("recompute"))
                .body("lastActiveDate", equalTo("2024-02-01T12:00:00.000Z"));

        // Most recently active first; a tie (a and b at noon) in userId order.
        String page = "/v1/profiles?from=2024-02-01&to=2024-02-02&limit=2";
        String next = given().get(page)
                .then()
                .statusCode(200)
                .body("items.userId", contains(a, b))
                .body("items.lastActiveDate", contains("2024-02-01T12:00:00.000Z", "2024-02-01T12:00:00.000Z"))
                .body("from", equalTo("2024-02-01T00:00:00.000Z"))
                .body("to", equalTo("2024-02-02T00:00:00.000Z"))
                .body("tz", equalTo("UTC"))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        given().get(page + "&cursor=" + next)
                .then()
                .statusCode(200)
                .body("items.userId", contains(c))
                .body("nextCursor", nullValue());
        given().get("/v1/profiles?from=2024-02-01&to=2024-02-02&tz=Europe/Berlin")
                .then()
                .statusCode(200)
                .body("from", equalTo("2024-01-31T23:00:00.000Z"))
                .body("tz", equalTo("Europe/Berlin"))
                .body("items.userId", contains(a, b, c, e));
        given().get("/v1/profiles?to=2024-02-01T09:00:00Z")
                .then()
                .statusCode(200)
                .body("items.userId", contains(c, e))
                .body("$", not(hasKey("from")));
        given().get("/v1/profiles?limit=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", notNullValue());

        List<String> csv = given().accept(ApiConvention.CSV)
                .get("/v1/profiles?from=2024-02-01&to=2024-02-02")
                .then()
                .statusCode(200)
                .contentType(startsWith(ApiConvention.CSV))
                .extract()
                .asString()
                .lines()
                .toList();
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0))
                .startsWith("userId,")
                .contains(",engagementScore,")
                .endsWith(",lastActiveDate,signupAt,signupSource");
        assertThat(csv.subList(1, 4))
                .satisfiesExactly(
                        row -> assertThat(row).startsWith(a + ","),
                        row -> assertThat(row).startsWith(b + ","),
                        row -> assertThat(row) // lastActiveDate, signupAt (its only event), signupSource
                                .startsWith(c + ",")
                                .endsWith(",2024-02-01T08:00:00.000Z,2024-02-01T08:00:00.000Z,first-event"));

        problem("/v1/profiles?userId=" + a, "userId", "unknown");
        problem("/v1/profiles?cursor=nope", "cursor", "format");
        problem("/v1/profiles?limit=0", "limit", "range");
        problem("/v1/profiles?from=2024-02-02&to=2024-02-01", "to", "after-from");
        problem("/v1/profiles?limit=1&limit=2", "limit", "repeated");
        problem("/v1/profiles?sort=name", "sort", "enum");
        problem("/v1/profiles?browsingStyle=Explorer", "browsingStyle", "enum");
        problem("/v1/profiles?minEngagement=high", "minEngagement", "type");
        problem("/v1/profiles?minEngagement=101", "minEngagement", "range");
        problem("/v1/profiles?sort=engagementScore&cursor=" + next, "cursor", "format");
    }

    @Test
    void theOpenApiTypesTheListParametersAndListsCsvOnTheListOnly() {
        given().accept(ContentType.JSON)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/v1/profiles'.get.parameters.name",
                        containsInAnyOrder(
                                "limit", "cursor", "from", "to", "tz", "sort", "browsingStyle", "minEngagement"))
                .body(
                        "paths.'/v1/profiles'.get.parameters.find { it.name == 'from' }.schema.format",
                        equalTo("date-time"))
                .body("paths.'/v1/profiles'.get.parameters.find { it.name == 'limit' }.schema.type", equalTo("integer"))
                .body("paths.'/v1/profiles'.get.parameters.find { it.name == 'limit' }.schema.maximum", equalTo(1000))
                .body(
                        "paths.'/v1/profiles'.get.responses.'200'.content.keySet()",
                        containsInAnyOrder(ApiConvention.JSON, ApiConvention.CSV))
                .body("paths.'/v1/profiles/{userId}'.get.parameters[0].description", notNullValue())
                .body(
                        "paths.'/v1/profiles/{userId}'.get.responses.'200'.content.keySet()",
                        contains(ApiConvention.JSON))
                .body(
                        "paths.'/v1/profiles/{userId}'.get.responses.'404'.content.keySet()",
                        contains("application/problem+json"));
    }

    private static void problem(String url, String parameter, String rule) {
        given().get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].rule", equalTo(rule));
    }

    /** Waits until the user's profile, recomputed now through the API, has exactly these figures. */
    private static void awaitProfile(
            String userId, int pageViews, int searches, int interactions, Instant lastActiveDate) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().post("/v1/profiles/" + userId + "/recompute")
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo(userId))
                        .body("totalPageViews", equalTo(pageViews))
                        .body("totalSearches", equalTo(searches))
                        .body("totalInteractions", equalTo(interactions))
                        .body("lastActiveDate", equalTo(JsonConvention.format(lastActiveDate))));
    }

    @Test
    void unknownProfileIsAProblem() {
        given().get("/v1/profiles/nope-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().post("/v1/profiles/nope-" + UUID.randomUUID() + "/recompute")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
