package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
        system = RunningSystem.start();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
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
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.COLLECTOR))
                .queryParam("sessionId", s.sessionA1)
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(11))
                .body("items[0].eventType", equalTo("PAGE_VIEW"))
                .body("items[10].eventType", equalTo("RECOMMENDATION_CLICKED")));

        // session-service
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                .get("/v1/sessions/" + s.sessionA1)
                .then()
                .statusCode(200)
                .body("userId", equalTo(s.userA))
                .body("startTime", equalTo(s.timestampOf(0).toString()))
                .body("pageViews", equalTo(3))
                .body("interactions", equalTo(8)));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                .get("/v1/sessions/" + s.sessionB1)
                .then()
                .statusCode(200)
                .body("userId", equalTo(s.userB))
                .body("pageViews", equalTo(2))
                .body("interactions", equalTo(3)));

        // profile-service: only events that carry the userId count.
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                .get("/v1/profiles/" + s.userA)
                .then()
                .statusCode(200)
                .body("totalPageViews", equalTo(4))
                .body("totalSearches", equalTo(1))
                .body("lastActiveDate", equalTo(s.lastTimestampOf(s.userA).toString())));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                .get("/v1/profiles/" + s.userB)
                .then()
                .statusCode(200)
                .body("totalPageViews", equalTo(0))
                .body("totalSearches", equalTo(1)));

        // perfume-stats-service: p1 viewed three times, in A's wishlist (B added and removed it).
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                .get("/v1/perfumes/" + s.p1 + "/stats")
                .then()
                .statusCode(200)
                .body("totalViews", equalTo(3))
                .body("inWishlistCount", equalTo(1))
                .body("lastViewedAt", equalTo(s.timestampOf(16).toString())));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                .get("/v1/perfumes/" + s.p2 + "/stats")
                .then()
                .statusCode(200)
                .body("totalViews", equalTo(1))
                .body("inWishlistCount", equalTo(0)));

        // recommendation-feedback-service: p3 shown and clicked, p4 only shown.
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                .get("/v1/recommendations/" + s.recommendation + "/feedback")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].perfumeId", equalTo(s.p3))
                .body("items[0].viewed", equalTo(true))
                .body("items[0].clicked", equalTo(true))
                .body("items[0].algorithm", equalTo("hybrid_v2"))
                .body("items[1].perfumeId", equalTo(s.p4))
                .body("items[1].viewed", equalTo(true))
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
                + "{" + agent + "\"sessionId\":\"" + session + "\",\"userId\":\"" + user + "\",\"eventType\":\"PERFUME_VIEW\","
                + "\"perfumeId\":\"" + perfume + "\",\"timestamp\":\"" + now + "\",\"path\":\"/p\"},"
                + "{" + agent + "\"sessionId\":\"" + session + "\",\"userId\":\"" + user + "\",\"eventType\":\"RECOMMENDATION_SHOWN\","
                + "\"perfumeId\":\"" + perfume + "\",\"recommendationId\":\"" + recommendation + "\",\"timestamp\":\"" + now
                + "\",\"path\":\"/\",\"eventData\":{\"algorithm\":\"trending\",\"source\":\"homepage\",\"position\":0}}]}";
        post(body, 2);
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.COLLECTOR))
                .queryParam("sessionId", session).get("/v1/events").then().body("items", hasSize(2)));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                .get("/v1/sessions/" + session).then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                .get("/v1/profiles/" + user).then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                .get("/v1/perfumes/" + perfume + "/stats").then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                .get("/v1/recommendations/" + recommendation + "/feedback").then().statusCode(200));
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
