package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the five running services through HTTP only: posts a scripted stream to the collector, asserts
 * the exact values in every service's API, posts the same stream again (same eventIds) and asserts that
 * nothing changed.
 */
class SystemEndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void aScriptedStreamShowsInEveryApiAndReplayingItChangesNothing() {
        ScriptedStream stream = new ScriptedStream();
        post(stream.batchBody(), 18);
        assertEveryApi(stream);

        post(stream.batchBody(), 18);
        awaitMarkerEverywhere();
        assertEveryApi(stream);
    }

    private void assertEveryApi(ScriptedStream s) {
        // event-collector: the raw store keeps one row per eventId.
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.COLLECTOR))
                        .queryParam("sessionId", s.sessionA1)
                        .get("/v1/events")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(11))
                        .body("items[0].eventType", equalTo("PAGE_VIEW"))
                        .body("items[10].eventType", equalTo("RECOMMENDATION_CLICKED")));

        // session-service
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                        .get("/v1/sessions/" + s.sessionA1)
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo(s.userA))
                        .body("startTime", equalTo(Http.INSTANT.format(s.timestampOf(0))))
                        .body("pageViews", equalTo(3))
                        // the seed's totalInteractions: RATING, REVIEW and COLLECTION events (one rating here)
                        .body("interactions", equalTo(1)));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                        .get("/v1/sessions/" + s.sessionB1)
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo(s.userB))
                        .body("pageViews", equalTo(2))
                        .body("interactions", equalTo(0)));

        // session-service, every field once closed (issue 4): the stream is 50 minutes old, past the idle timeout.
        given().baseUri(system.url(RunningSystem.SESSIONS))
                .post("/v1/jobs/close-idle-sessions/runs")
                .then()
                .statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode a1 = json(system.url(RunningSystem.SESSIONS) + "/v1/sessions/" + s.sessionA1);
            assertThat(a1.get("closed").asBoolean()).isTrue();
            assertThat(a1.get("endTime").asText()).isEqualTo(Http.INSTANT.format(s.timestampOf(10)));
            assertThat(a1.get("duration").asInt()).isEqualTo(100);
            assertThat(a1.get("perfumesViewed").asInt()).isEqualTo(2);
            assertThat(a1.get("addedToWishlist").asBoolean()).isTrue();
            assertThat(a1.get("addedToCollection").asBoolean()).isFalse();
            assertThat(a1.get("completedRating").asBoolean()).isTrue();
            assertThat(a1.get("completedReview").asBoolean()).isFalse();
            assertThat(a1.get("entryPage").asText()).isEqualTo("/");
            assertThat(a1.get("exitPage").asText()).isEqualTo("/perfumes/" + s.p2);
            assertThat(a1.get("bounced").asBoolean()).isFalse();
            assertThat(a1.get("isBot").asBoolean()).isFalse();
            assertThat(a1.get("deviceType").asText()).isEqualTo("desktop");
            assertThat(a1.get("browser").asText()).isEqualTo("Firefox");
        });
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode a = json(system.url(RunningSystem.SESSIONS) + "/v1/search/queries?sessionId=" + s.sessionA1)
                    .get("items")
                    .get(0);
            assertThat(a.get("searchId").asText()).isEqualTo(s.searchA);
            assertThat(a.get("queryText").asText()).isEqualTo("Rose");
            assertThat(a.get("queryType").asText()).isEqualTo("text");
            assertThat(a.get("resultsCount").asInt()).isEqualTo(2);
            assertThat(a.get("clickedPositions").toString()).isEqualTo("[1]");
            assertThat(a.get("clickedPerfumes").get(0).asText()).isEqualTo(s.p2);
            assertThat(a.get("timeToFirstClickMs").asInt()).isEqualTo(10_000);
            assertThat(a.get("timeOnResults").asInt()).isEqualTo(10_000);
            assertThat(a.get("foundDesired").asBoolean()).isTrue();
            assertThat(a.get("refinedQuery").asBoolean()).isFalse();
            assertThat(a.get("abandoned").asBoolean()).isFalse();
            JsonNode b = json(system.url(RunningSystem.SESSIONS) + "/v1/search/queries?sessionId=" + s.sessionB1)
                    .get("items")
                    .get(0);
            assertThat(b.get("resultsCount").asInt()).isZero();
            assertThat(b.get("abandoned").asBoolean()).isTrue();
            assertThat(b.has("timeToFirstClickMs"))
                    .as("no click: no time, the field is left out")
                    .isFalse();
        });

        // profile-service: only events that carry the userId count; the figures are a run's (here a recompute now).
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                        .post("/v1/profiles/" + s.userA + "/recompute")
                        .then()
                        .statusCode(200)
                        .body("computedBy", equalTo("recompute"))
                        // its two sessions, closed above, arrive as session-service's summaries over Kafka
                        .body("totalSessions", equalTo(2))
                        .body("avgSessionDurationMs", equalTo(55_000.0f)) // (100 s + 10 s) / 2
                        .body("totalPerfumesViewed", equalTo(2))
                        // p1 and p2 wishlisted in A1, p2 taken off in A2
                        .body("wishlistSize", equalTo(1))
                        .body("totalPageViews", equalTo(4))
                        // the seed's SEARCH category: the search and its result click
                        .body("totalSearches", equalTo(2))
                        .body("totalInteractions", equalTo(1))
                        .body("lastActiveDate", equalTo(Http.INSTANT.format(s.lastTimestampOf(s.userA)))));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                        .post("/v1/profiles/" + s.userB + "/recompute")
                        .then()
                        .statusCode(200)
                        .body("totalPageViews", equalTo(0))
                        .body("totalSessions", equalTo(1))
                        // added, then removed
                        .body("wishlistSize", equalTo(0))
                        .body("totalSearches", equalTo(1)));

        // perfume-stats-service: p1 viewed three times, in A's wishlist (B added and removed it).
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                        .get("/v1/perfumes/" + s.p1 + "/stats")
                        .then()
                        .statusCode(200)
                        .body("totalViews", equalTo(3))
                        .body("inWishlistCount", equalTo(1))
                        .body("lastViewedAt", equalTo(Http.INSTANT.format(s.timestampOf(16)))));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                        .get("/v1/perfumes/" + s.p2 + "/stats")
                        .then()
                        .statusCode(200)
                        .body("totalViews", equalTo(1))
                        .body("inWishlistCount", equalTo(0)));

        // perfume-stats-service, every figure (issue 5): the hourly job refreshes the windows; an hour ahead,
        // its window [asOf - 7 d, asOf) holds every event of the stream.
        given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                .queryParam("now", Instant.now().plusSeconds(3600).toString())
                .post("/v1/jobs/hourly/runs")
                .then()
                .statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode p1 = json(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + s.p1 + "/stats");
            assertThat(p1.get("uniqueViewers").asInt()).isEqualTo(2); // user A, and B's anonymous session
            assertThat(p1.get("avgViewDurationMs").asDouble()).isCloseTo((12000 + 5000 + 3000) / 3.0, within(0.01));
            assertThat(p1.get("searchImpressions").asInt()).isEqualTo(1);
            assertThat(p1.get("searchClicks").asInt()).isZero();
            assertThat(p1.get("searchCTR").asDouble()).isZero();
            assertThat(p1.get("viewsLast7Days").asInt()).isEqualTo(3);
            assertThat(p1.get("viewsLast30Days").asInt()).isEqualTo(3);
            assertThat(p1.has("asOf")).isTrue();
            JsonNode p2 = json(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + s.p2 + "/stats");
            assertThat(p2.get("totalRatings").asInt()).isEqualTo(1);
            assertThat(p2.get("avgRating").asDouble()).isEqualTo(4.0);
            assertThat(p2.get("avgLongevity").asDouble()).isEqualTo(5.0);
            assertThat(p2.get("searchImpressions").asInt()).isEqualTo(1);
            assertThat(p2.get("searchClicks").asInt()).isEqualTo(1);
            assertThat(p2.get("searchCTR").asDouble()).isEqualTo(1.0);
            assertThat(p2.get("avgViewDurationMs").asDouble()).isEqualTo(45000.0);
            JsonNode p3 = json(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + s.p3 + "/stats");
            assertThat(p3.get("recommendationImpressions").asInt()).isEqualTo(1);
            assertThat(p3.get("recommendationClicks").asInt()).isEqualTo(1);
            assertThat(p3.get("recommendationCTR").asDouble()).isEqualTo(1.0);
            JsonNode p4 = json(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + s.p4 + "/stats");
            assertThat(p4.get("recommendationImpressions").asInt()).isEqualTo(1);
            assertThat(p4.get("recommendationCTR").asDouble()).isZero();
        });

        // recommendation-feedback-service: p3 shown and clicked, p4 only shown.
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                        .get("/v1/recommendations/" + s.recommendation + "/feedback")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(2))
                        .body("items[0].perfumeId", equalTo(s.p3))
                        .body("items[0].impressionTime", notNullValue())
                        .body("items[0].clicked", equalTo(true))
                        .body("items[0].algorithm", equalTo("hybrid_v2"))
                        .body("items[0].userId", equalTo(s.userA))
                        // viewed is a PERFUME_VIEW credited to the impression (ADR 0023): the stream has none after it
                        .body("items[0].viewed", equalTo(false))
                        .body("items[1].perfumeId", equalTo(s.p4))
                        .body("items[1].impressionTime", notNullValue())
                        .body("items[1].clicked", equalTo(false)));
    }

    /** Every consumer has processed everything posted before a marker once the marker shows everywhere. */
    private void awaitMarkerEverywhere() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String session = "marker-" + run;
        String user = "marker-user-" + run;
        String perfume = "marker-perfume-" + run;
        String recommendation = "marker-rec-" + run;
        String now = Instant.now().minusSeconds(1).toString();
        // A browser's user agent: the HTTP client's own would be classified as a bot and left out.
        String agent = "\"userAgent\":\"" + ScriptedStream.BROWSER + "\",";
        String body = "{\"events\":["
                + "{" + agent + "\"sessionId\":\"" + session + "\",\"userId\":\"" + user
                + "\",\"eventType\":\"PERFUME_VIEW\","
                + "\"perfumeId\":\"" + perfume + "\",\"timestamp\":\"" + now + "\",\"path\":\"/p\","
                + "\"eventData\":{\"title\":\"Marker\",\"viewDuration\":1000,\"scrollDepth\":50,"
                + "\"source\":\"direct\",\"deviceType\":\"desktop\",\"viewport\":{\"width\":1280,\"height\":800}}},"
                + "{" + agent + "\"sessionId\":\"" + session + "\",\"userId\":\"" + user
                + "\",\"eventType\":\"RECOMMENDATION_SHOWN\","
                + "\"perfumeId\":\"" + perfume + "\",\"recommendationId\":\"" + recommendation + "\",\"timestamp\":\""
                + now
                + "\",\"path\":\"/\",\"eventData\":{\"algorithm\":\"trending\",\"source\":\"homepage\",\"position\":0}}]}";
        post(body, 2);
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.COLLECTOR))
                        .queryParam("sessionId", session)
                        .get("/v1/events")
                        .then()
                        .body("items", hasSize(2)));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                        .get("/v1/sessions/" + session)
                        .then()
                        .statusCode(200));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                        .get("/v1/profiles/" + user)
                        .then()
                        .statusCode(200));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                        .get("/v1/perfumes/" + perfume + "/stats")
                        .then()
                        .statusCode(200));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                        .get("/v1/recommendations/" + recommendation + "/feedback")
                        .then()
                        .statusCode(200));
    }

    private static JsonNode json(String url) throws Exception {
        return ScriptedStream.JSON.readTree(
                given().get(url).then().statusCode(200).extract().asString());
    }

    private static void post(String body, int accepted) {
        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(accepted))
                .body("rejected", equalTo(0));
    }
}
