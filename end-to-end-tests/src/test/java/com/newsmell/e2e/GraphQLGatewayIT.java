package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Credentials;
import com.newsmell.infra.Subgraphs;
import com.newsmell.infra.Tokens;
import io.restassured.http.ContentType;
import java.net.http.HttpResponse;
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
 * (profile-service) with their sessions (session-service), feature vector, segment and recommendation feedback rows
 * (recommendation-feedback-service); every value equals what the REST APIs answer. Issue 16: the gateway forwards the
 * caller's bearer token, and refuses a request without one.
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
                                + " recommendationCTR trendingScore } recommendation(from: $from, to: $to) { impressions"
                                + " clicks clickThroughRate conversions } features { viewCount inCatalog }"
                                + " catalog { name } trendingRank timeSeries(from: $from, to: $to,"
                                + " metric: \"recommendationClicks\") { metric totals { value } buckets { start figure"
                                + " { value } } } } }",
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

        // perfume-stats-service's other fields: features, the catalog copy, the trending place, the time series
        JsonNode features = Http.get(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + perfume + "/features")
                .json();
        assertThat(joined.at("/features/viewCount").asLong())
                .isEqualTo(features.get("viewCount").asLong());
        assertThat(joined.at("/features/inCatalog").asBoolean())
                .isEqualTo(features.get("inCatalog").asBoolean());
        assertThat(joined.get("catalog").isNull())
                .isEqualTo(!features.get("inCatalog").asBoolean());
        assertThat(joined.get("trendingRank").isNull())
                .isEqualTo(stats.path("trendingScore").asDouble() <= 0);
        JsonNode series = Http.get(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + perfume
                        + "/timeseries?metric=recommendationClicks&from=" + from + "&to=" + to)
                .json();
        assertThat(joined.at("/timeSeries/totals/value").asDouble())
                .isEqualTo(series.at("/totals/value").asDouble())
                .isEqualTo(1.0);
        JsonNode buckets = joined.at("/timeSeries/buckets");
        assertThat(buckets).hasSize(series.get("buckets").size());
        for (int i = 0; i < buckets.size(); i++) {
            assertThat(Instant.parse(buckets.get(i).get("start").asText()))
                    .isEqualTo(Instant.parse(
                            series.get("buckets").get(i).get("start").asText()));
            assertThat(buckets.get(i).at("/figure/value").asDouble())
                    .isEqualTo(series.get("buckets").get(i).get("value").asDouble());
        }
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
                                + " totalSearches engagementScore segmentId } sessions(limit: 10) { items { userId"
                                + " startTime pageViews perfumesViewed bounced } nextCursor } featureVector {"
                                + " schemaVersion names values } segment { id size } } }",
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

        // profile-service's feature vector and segment, as REST answers them (absent: REST's 404 / no segmentId)
        Http.Response vector = Http.get(system.url(RunningSystem.PROFILES) + "/v1/profiles/" + user + "/features");
        if (vector.status() == 200) {
            assertThat(joined.at("/featureVector/schemaVersion").asInt())
                    .isEqualTo(vector.json().get("schemaVersion").asInt());
            assertThat(joined.at("/featureVector/values").toString())
                    .isEqualTo(vector.json().get("values").toString());
        } else {
            assertThat(vector.status()).isEqualTo(404);
            assertThat(joined.get("featureVector").isNull()).isTrue();
        }
        assertThat(joined.get("segment").isNull()).isEqualTo(!profile.hasNonNull("segmentId"));

        // recommendation-feedback-service's feedback rows: the impressions the user was shown
        await().atMost(WAIT)
                .untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                        .queryParam("userId", user)
                        .get("/v1/recommendations/feedback")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(2)));
        JsonNode rows = Http.get(
                        system.url(RunningSystem.RECOMMENDATIONS) + "/v1/recommendations/feedback?userId=" + user)
                .json()
                .get("items");
        JsonNode feedback = Subgraphs.data(
                        gateway,
                        "query($u: String!) { user(userId: $u) { feedback(limit: 10) { items { recommendationId"
                                + " item { perfumeId position clicked } } } } }",
                        Map.of("u", user))
                .at("/user/feedback/items");
        assertThat(feedback).hasSize(rows.size()).hasSize(2);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(feedback.get(i).get("recommendationId").asText())
                    .isEqualTo(rows.get(i).get("recommendationId").asText());
            for (String field : List.of("perfumeId", "position", "clicked")) {
                assertThat(feedback.get(i).at("/item/" + field).asText())
                        .as("feedback " + i + " " + field)
                        .isEqualTo(rows.get(i).get(field).asText());
            }
        }
    }

    /**
     * Issue 16 (ADR 0063): the gateway forwards the caller's token to the subgraphs, which verify it. Without a token it
     * refuses at once (401, as the services do); with a token of no role the services know the subgraphs refuse it and the
     * gateway answers their 403;
     * with the analyst token the data comes.
     */
    @Test
    void theGatewayForwardsTheCallersTokenToTheSubgraphs() throws Exception {
        String query = "{ segments(limit: 1) { items { size } } trendingPerfumes(limit: 1) { nextCursor } }";

        HttpResponse<String> none = Subgraphs.send(gateway, null, query, Map.of());
        assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ScriptedStream.JSON.readTree(none.body()).path("type").asText())
                .endsWith("/token-required");

        HttpResponse<String> noRole =
                Subgraphs.send(gateway, Credentials.bearer(Tokens.shared().forRole("visitor")), query, Map.of());
        JsonNode refused = ScriptedStream.JSON.readTree(noRole.body());
        assertThat(noRole.statusCode()).as(noRole.body()).isEqualTo(403);
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/data/segments").isMissingNode()
                        || refused.at("/data/segments").isNull())
                .as(noRole.body())
                .isTrue();

        HttpResponse<String> analyst =
                Subgraphs.send(gateway, Credentials.bearer(Tokens.shared().analyst()), query, Map.of());
        assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);
        JsonNode answer = ScriptedStream.JSON.readTree(analyst.body());
        assertThat(answer.has("errors")).as(analyst.body()).isFalse();
        assertThat(answer.at("/data/segments/items").isArray()).isTrue();
    }

    @Test
    void aBadArgumentThroughTheGatewayIsAnErrorNamingIt() {
        JsonNode answer = Subgraphs.post(gateway, "{ trendingPerfumes(limit: 0) { nextCursor } }", Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("limit");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
