package com.newsmell.collector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Subgraphs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** event-collector's GraphQL subgraph (issue 14) against the real broker and raw store. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class CollectorSubgraphTest {

    private static String url() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void theServedSdlIsTheCommittedOne() {
        Subgraphs.assertServedSdlIsCommitted(url(), "event-collector", "eventRate(");
    }

    @Test
    void theEventRateIsTheRawStoresAsTheRestApiCountsIt() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String from = hour.minus(Duration.ofHours(3)).toString();
        String to = hour.plus(Duration.ofHours(1)).toString();
        given().contentType("application/json")
                .body(TestEvents.pageView(TestEvents.sessionId("graphql")).toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> rest = given().queryParam("from", from)
                    .queryParam("to", to)
                    .queryParam("granularity", "hour")
                    .queryParam("includeBots", "true")
                    .get("/v1/events/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .as(Map.class);
            JsonNode rate = Subgraphs.data(
                            url(),
                            "query($f: String!, $t: String!) { eventRate(from: $f, to: $t, granularity: \"hour\", includeBots: true) {"
                                    + " totals { events sessions } buckets { start events } } }",
                            Map.of("f", from, "t", to))
                    .get("eventRate");
            Map<?, ?> totals = (Map<?, ?>) rest.get("totals");
            assertThat(rate.at("/totals/events").asLong()).isPositive();
            assertThat(rate.at("/totals/events").asLong()).isEqualTo(((Number) totals.get("events")).longValue());
            assertThat(rate.get("buckets")).hasSize(4);
        });
    }

    @Test
    void theQualityViewIsTheRestApisWithItsTopRules() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String from = hour.minus(Duration.ofHours(1)).toString();
        String to = hour.plus(Duration.ofHours(1)).toString();
        given().contentType("application/json")
                .body(TestEvents.pageView(TestEvents.sessionId("graphql-quality"))
                        .put("path", "")
                        .toString())
                .post("/v1/events")
                .then()
                .statusCode(400);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> rest = given().queryParam("from", from)
                    .queryParam("to", to)
                    .queryParam("granularity", "hour")
                    .queryParam("groupBy", "rule")
                    .get("/v1/quality")
                    .then()
                    .statusCode(200)
                    .extract()
                    .as(Map.class);
            JsonNode quality = Subgraphs.data(
                            url(),
                            "query($f: String!, $t: String!) { quality(from: $f, to: $t, granularity: \"hour\","
                                    + " groupBy: \"rule\") { totals { accepted rejected deadLettered }"
                                    + " buckets { start figures { rejected } } groups { value totals { rejected } } } }",
                            Map.of("f", from, "t", to))
                    .get("quality");
            Map<?, ?> totals = (Map<?, ?>) rest.get("totals");
            assertThat(quality.at("/totals/rejected").asLong()).isPositive();
            assertThat(quality.at("/totals/rejected").asLong())
                    .isEqualTo(((Number) totals.get("rejected")).longValue());
            assertThat(quality.at("/totals/accepted").asLong())
                    .isEqualTo(((Number) totals.get("accepted")).longValue());
            assertThat(quality.get("buckets")).hasSize(2);
            Map<?, ?> top = (Map<?, ?>) ((java.util.List<?>) rest.get("groups")).get(0);
            assertThat(quality.at("/groups/0/value").asText()).isEqualTo(top.get("value"));
        });
        JsonNode bad = Subgraphs.post(
                url(),
                "{ quality(from: \"2026-01-01T00:00:00Z\", to: \"2026-01-02T00:00:00Z\", groupBy: \"colour\") { groupBy } }",
                Map.of());
        assertThat(bad.get("errors").get(0).get("message").asText()).contains("groupBy");
    }

    @Test
    void aBadArgumentIsAGraphQLErrorNamingIt() {
        JsonNode answer = Subgraphs.post(
                url(),
                "{ eventRate(from: \"2026-01-01T00:00:00Z\", to: \"2026-01-02T00:00:00Z\", granularity:"
                        + " \"minute\") { granularity } }",
                Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("granularity");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
