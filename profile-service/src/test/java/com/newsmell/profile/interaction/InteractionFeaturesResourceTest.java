package com.newsmell.profile.interaction;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.NOTES_EXPANDED;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.RATING_UPDATED;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import com.newsmell.profile.ProfileTestResource;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/profiles/{userId}/perfumes/{perfumeId}/features against the real broker and database: events in through
 * Kafka, the seed's InteractionFeatures out of the rollup user_perfume.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class InteractionFeaturesResourceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration DAY = Duration.ofDays(1);

    private static String url(String userId, String perfumeId) {
        return "/v1/profiles/" + userId + "/perfumes/" + perfumeId + "/features";
    }

    private static UserInteractionEvent.Builder event(
            InteractionEventType type, String userId, String perfumeId, Instant at) {
        return WireEvents.event(type, "s-" + userId, at).userId(userId).perfumeId(perfumeId);
    }

    private static ObjectNode view(String source, Double viewDuration) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("source", source);
        if (viewDuration != null) {
            data.put("viewDuration", viewDuration);
        }
        return data;
    }

    private static ObjectNode rating(double overall) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("ratings").put("overall", overall);
        return data;
    }

    @Test
    void everyFeatureOfAPairFromItsEventsInAnyOrderAndOnce() {
        String userId = "u-" + UUID.randomUUID();
        String perfumeId = "p-" + UUID.randomUUID();
        String otherPerfume = "p-" + UUID.randomUUID();
        Instant first = NOW.minus(DAY.multipliedBy(20));
        Instant lastView = NOW.minus(DAY.multipliedBy(3));
        Instant last = NOW.minus(DAY.multipliedBy(2)).plusSeconds(60);
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                event(PERFUME_VIEW, userId, perfumeId, first)
                        .eventData(view("search", 1200.5))
                        .build(),
                event(WISHLIST_ADD, userId, perfumeId, NOW.minus(DAY.multipliedBy(8)))
                        .build(),
                event(RATING_COMPLETED, userId, perfumeId, NOW.minus(DAY.multipliedBy(9)))
                        .eventData(rating(4))
                        .build(),
                event(PERFUME_VIEW, userId, perfumeId, NOW.minus(DAY.multipliedBy(10)))
                        .deviceType("mobile")
                        .duration(800)
                        .eventData(view("direct", null))
                        .build(),
                event(WISHLIST_REMOVE, userId, perfumeId, NOW.minus(DAY.multipliedBy(4)))
                        .build(),
                event(
                                COLLECTION_ADD,
                                userId,
                                perfumeId,
                                NOW.minus(DAY.multipliedBy(4)).plusSeconds(1))
                        .build(),
                event(PERFUME_VIEW, userId, perfumeId, lastView)
                        .deviceType("mobile")
                        .eventData(view("direct", 1000.0))
                        .build(),
                event(NOTES_EXPANDED, userId, perfumeId, lastView.plusSeconds(10))
                        .build(),
                event(RATING_UPDATED, userId, perfumeId, NOW.minus(DAY.multipliedBy(2)))
                        .eventData(rating(4.5))
                        .build(),
                event(REVIEW_SUBMITTED, userId, perfumeId, last).build(),
                // another perfume of the user: a row of its own
                event(PERFUME_VIEW, userId, otherPerfume, NOW.minusSeconds(60)).build(),
                // bot traffic and anonymous events count nowhere
                event(PERFUME_VIEW, userId, perfumeId, NOW.minusSeconds(30))
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                WireEvents.event(PERFUME_VIEW, "s-" + userId, NOW.minusSeconds(20))
                        .perfumeId(perfumeId)
                        .build()));
        Collections.reverse(events);
        WireEvents.publish(events.subList(0, 6));
        WireEvents.publish(events.subList(6, events.size()));
        WireEvents.publish(events.subList(3, 9)); // redelivered: each event counts once
        // one session, so one partition: once this marker shows, every batch before it was applied
        String marker = "p-marker-" + UUID.randomUUID();
        WireEvents.publish(List.of(event(NOTES_EXPANDED, userId, marker, NOW).build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(url(userId, marker)).then().statusCode(200));

        JsonPath f = given().get(url(userId, perfumeId))
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("userId", equalTo(userId))
                .body("perfumeId", equalTo(perfumeId))
                .body("hasRated", equalTo(true))
                .body("ratingValue", equalTo(4.5f))
                .body("hasReviewed", equalTo(true))
                .body("inWishlist", equalTo(false))
                .body("inCollection", equalTo(true))
                .body("viewCount", equalTo(3))
                .body("totalViewDurationMs", equalTo(3000.5f))
                .body("lastViewedAt", equalTo(JsonConvention.format(lastView)))
                .body("viewSources", contains("direct", "search"))
                .body("deviceTypes", contains("mobile", "desktop"))
                .body("firstInteraction", equalTo(JsonConvention.format(first)))
                .body("lastInteraction", equalTo(JsonConvention.format(last)))
                .body("interactions", equalTo(10))
                .extract()
                .jsonPath();

        Instant asOf = Instant.parse(f.getString("asOf"));
        assertThat(asOf).isAfterOrEqualTo(NOW).isBefore(Instant.now().plusSeconds(1));
        long day = DAY.toMillis();
        assertThat(f.getDouble("viewRecencyDays"))
                .as("days from the last view to asOf")
                .isEqualTo(BigDecimal.valueOf(Duration.between(lastView, asOf).toMillis())
                        .divide(BigDecimal.valueOf(day), 4, RoundingMode.HALF_UP)
                        .doubleValue())
                .isBetween(3.0, 3.01);
        assertThat(f.getDouble("interactionFrequencyPerWeek"))
                .as("10 interactions × 7 / the days since the first (20 and a little)")
                .isEqualTo(BigDecimal.valueOf(70L * day)
                        .divide(BigDecimal.valueOf(Duration.between(first, asOf).toMillis()), 4, RoundingMode.HALF_UP)
                        .doubleValue())
                .isBetween(3.49, 3.5);

        JsonPath other = given().get(url(userId, otherPerfume))
                .then()
                .statusCode(200)
                .body("viewCount", equalTo(1))
                .body("interactions", equalTo(1))
                .body("interactionFrequencyPerWeek", equalTo(1.0f))
                .body("deviceTypes", contains("desktop"))
                .body("viewSources", empty()) // a view without eventData.source
                .extract()
                .jsonPath();
        assertThat(other.getDouble("viewRecencyDays"))
                .as("a minute ago, in days")
                .isEqualTo(BigDecimal.valueOf(
                                Duration.between(NOW.minusSeconds(60), Instant.parse(other.getString("asOf")))
                                        .toMillis())
                        .divide(BigDecimal.valueOf(day), 4, RoundingMode.HALF_UP)
                        .doubleValue());
    }

    @Test
    void aPairWithoutViewsLeavesOutWhatIsNotKnown() {
        String userId = "u-" + UUID.randomUUID();
        String perfumeId = "p-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                event(WISHLIST_ADD, userId, perfumeId, NOW.minusSeconds(120)).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(url(userId, perfumeId))
                        .then()
                        .statusCode(200)
                        .body("inWishlist", equalTo(true))
                        .body("hasRated", equalTo(false))
                        .body("viewCount", equalTo(0))
                        .body("totalViewDurationMs", equalTo(0.0f))
                        .body("viewSources", empty())
                        .body("interactions", equalTo(1))
                        .body("interactionFrequencyPerWeek", equalTo(1.0f))
                        .body("$", not(hasKey("ratingValue")))
                        .body("$", not(hasKey("lastViewedAt")))
                        .body("$", not(hasKey("viewRecencyDays"))));
    }

    @Test
    void anUnknownPairIsAProblem() {
        String userId = "u-" + UUID.randomUUID();
        String perfumeId = "p-" + UUID.randomUUID();
        String botUser = "u-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                event(PERFUME_VIEW, botUser, perfumeId, NOW.minusSeconds(50))
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                event(PERFUME_VIEW, userId, perfumeId, NOW.minusSeconds(40)).build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(url(userId, perfumeId)).then().statusCode(200));

        for (String unknown : List.of(
                url(userId, "p-never-" + UUID.randomUUID()), // a known user, a perfume they never touched
                url("u-never-" + UUID.randomUUID(), perfumeId), // a known perfume, another user
                url(botUser, perfumeId))) { // only bot traffic
            given().get(unknown)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("type", equalTo("https://newsmell.dev/problems/interaction-not-found"))
                    .body("detail", containsString(" with perfume "));
        }
    }

    @Test
    void theConventionHolds() {
        // ADR 0015: a parameter the endpoint does not declare is a 400 naming it
        given().get(url("u", "p") + "?asOf=2026-01-01")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("asOf"))
                .body("errors[0].rule", equalTo("unknown"));
        // ADR 0013: a NUL in an id is refused before any lookup
        given().urlEncodingEnabled(false)
                .get(url("u", "p%00"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().accept(ContentType.JSON)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/v1/profiles/{userId}/perfumes/{perfumeId}/features'.get.parameters.name",
                        containsInAnyOrder("userId", "perfumeId"))
                .body(
                        "paths.'/v1/profiles/{userId}/perfumes/{perfumeId}/features'.get.responses.'200'.content"
                                + ".keySet()",
                        contains(ApiConvention.JSON))
                .body(
                        "paths.'/v1/profiles/{userId}/perfumes/{perfumeId}/features'.get.responses.'404'.content"
                                + ".keySet()",
                        contains("application/problem+json"));
    }
}
