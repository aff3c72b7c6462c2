package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Subgraphs;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the GraphQL gateway over the five running services. One query joins a perfume's statistics
 * (perfume-stats-service) with its recommendation figures (recommendation-feedback-service), another a user's profile
 * (profile-service) with their sessions (session-service); every value equals what the REST APIs answer.
 */
class GraphQLGatewayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningSystem system;
    private static String gateway;
    private static ScriptedStream stream;

    @BeforeAll
    static void startSystemAndPostAStream() {
        system = RunningSystem.shared();
        gateway = system.gatewayUrl();
        stream = new ScriptedStream();
        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .contentType(ContentType.JSON)
                .body(stream.batchBody())
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("rejected", equalTo(0));
    }

    @Test
    void oneQueryJoinsAPerfumesStatsWithItsRecommendationFigures() {
        String from = stream.start.truncatedTo(ChronoUnit.DAYS).toString();
        String to = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1))
                .toString();
        String perfume = stream.p3; // recommended twice... shown once and clicked once, never viewed
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                        .queryParam("from", from)
                        .queryParam("to", to)
                        .queryParam("filters", "perfumeId==" + perfume)
                        .get("/v1/recommendations/metrics")
                        .then()
                        .statusCode(200)
                        .body("totals.impressions", equalTo(1))
                        .body("totals.clicks", equalTo(1)));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                        .get("/v1/perfumes/" + perfume + "/stats")
                        .then()
                        .statusCode(200)
                        .body("recommendationClicks", equalTo(1)));
        JsonNode stats = Http.get(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + perfume + "/stats")
                .json();
        JsonNode reco = Http.get(system.url(RunningSystem.RECOMMENDATIONS) + "/v1/recommendations/metrics?from=" + from
                        + "&to=" + to + "&filters=perfumeId%3D%3D" + perfume)
                .json()
                .get("totals");

        JsonNode joined = Subgraphs.data(
                        gateway,
                        "query($p: String!, $from: String!, $to: String!) { perfume(perfumeId: $p) { perfumeId"
                                + " stats { totalViews recommendationImpressions recommendationClicks"
                                + " recommendationCTR } recommendation(from: $from, to: $to) { impressions clicks"
                                + " clickThroughRate conversions } } }",
                        Map.of("p", perfume, "from", from, "to", to))
                .get("perfume");

        assertThat(joined.get("perfumeId").asText()).isEqualTo(perfume);
        for (String field : List.of("totalViews", "recommendationImpressions", "recommendationClicks")) {
            assertThat(joined.at("/stats/" + field).asLong())
                    .as(field)
                    .isEqualTo(stats.get(field).asLong());
        }
        assertThat(joined.at("/stats/recommendationCTR").asDouble())
                .isEqualTo(stats.get("recommendationCTR").asDouble());
        for (String field : List.of("impressions", "clicks", "conversions")) {
            assertThat(joined.at("/recommendation/" + field).asLong())
                    .as(field)
                    .isEqualTo(reco.get(field).asLong());
        }
        assertThat(joined.at("/recommendation/clickThroughRate").asDouble())
                .isEqualTo(reco.get("clickThroughRate").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void oneQueryJoinsAUsersProfileWithTheirSessions() {
        String user = stream.userA;
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.SESSIONS))
                        .queryParam("userId", user)
                        .get("/v1/sessions")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(2)));
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                        .post("/v1/profiles/" + user + "/recompute")
                        .then()
                        .statusCode(200)
                        // every page and perfume view of the user's stream (one PAGE_VIEW, three PERFUME_VIEWs)
                        .body("totalPageViews", equalTo(4)));
        JsonNode profile = Http.get(system.url(RunningSystem.PROFILES) + "/v1/profiles/" + user)
                .json();
        JsonNode sessions = Http.get(system.url(RunningSystem.SESSIONS) + "/v1/sessions?userId=" + user)
                .json()
                .get("items");

        JsonNode joined = Subgraphs.data(
                        gateway,
                        "query($u: String!) { user(userId: $u) { userId profile { userId totalPageViews"
                                + " totalSearches engagementScore } sessions(limit: 10) { items { userId startTime"
                                + " pageViews perfumesViewed bounced } nextCursor } } }",
                        Map.of("u", user))
                .get("user");

        assertThat(joined.get("userId").asText()).isEqualTo(user);
        for (String field : List.of("totalPageViews", "totalSearches")) {
            assertThat(joined.at("/profile/" + field).asLong())
                    .as(field)
                    .isEqualTo(profile.get(field).asLong());
        }
        assertThat(joined.at("/profile/engagementScore").asDouble())
                .isEqualTo(profile.get("engagementScore").asDouble());
        JsonNode items = joined.at("/sessions/items");
        assertThat(items).hasSize(sessions.size()).hasSize(2);
        for (int i = 0; i < items.size(); i++) {
            for (String field : List.of("userId", "pageViews", "perfumesViewed", "bounced")) {
                assertThat(items.get(i).get(field).asText())
                        .as("session " + i + " " + field)
                        .isEqualTo(sessions.get(i).get(field).asText());
            }
            assertThat(Instant.parse(items.get(i).get("startTime").asText()))
                    .isEqualTo(Instant.parse(sessions.get(i).get("startTime").asText()));
        }
    }

    @Test
    void aBadArgumentThroughTheGatewayIsAnErrorNamingIt() {
        JsonNode answer = Subgraphs.post(gateway, "{ trendingPerfumes(limit: 0) { nextCursor } }", Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("limit");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
