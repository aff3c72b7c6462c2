package com.newsmell.recommendation;

import static com.newsmell.recommendation.RecommendationEvents.clicked;
import static com.newsmell.recommendation.RecommendationEvents.shown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Statements;
import com.newsmell.infra.Subgraphs;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** recommendation-feedback-service's GraphQL subgraph (issue 14) against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class RecommendationSubgraphTest {

    private static final String ENTITIES = "query($r: [_Any!]!, $from: String!, $to: String!) {"
            + " _entities(representations: $r) { ... on Perfume { perfumeId"
            + " recommendation(from: $from, to: $to) { impressions clicks clickThroughRate } } } }";

    private static String url() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void theServedSdlIsTheCommittedOne() {
        Subgraphs.assertServedSdlIsCommitted(
                url(), "recommendation-feedback", "type Perfume @key(fields : \"perfumeId\")");
    }

    @Test
    void entitiesResolveABatchOfPerfumesWithTheRestFigures() {
        String p1 = "p-" + UUID.randomUUID();
        String p2 = "p-" + UUID.randomUUID();
        String session = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(300);
        WireEvents.publish(List.of(
                shown(session, rec, p1, t0, 0).build(),
                shown(session, rec, p2, t0, 1).build(),
                clicked(session, rec, p1, t0.plusSeconds(5)).build()));
        String from = t0.truncatedTo(ChronoUnit.DAYS).toString();
        String to = t0.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).toString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("from", from)
                        .queryParam("to", to)
                        .queryParam("filters", "perfumeId==" + p1)
                        .get("/v1/recommendations/metrics")
                        .then()
                        .statusCode(200)
                        .body("totals.impressions", equalTo(1))
                        .body("totals.clicks", equalTo(1)));
        String unknown = "p-unknown-" + UUID.randomUUID();

        JsonNode entities = Subgraphs.data(
                        url(),
                        ENTITIES,
                        Map.of(
                                "from",
                                from,
                                "to",
                                to,
                                "r",
                                List.of(
                                        Map.of("__typename", "Perfume", "perfumeId", p1),
                                        Map.of("__typename", "Perfume", "perfumeId", unknown),
                                        Map.of("__typename", "Perfume", "perfumeId", p2))))
                .get("_entities");

        assertThat(entities).hasSize(3);
        assertThat(entities.get(0).at("/recommendation/impressions").asInt()).isEqualTo(1);
        assertThat(entities.get(0).at("/recommendation/clicks").asInt()).isEqualTo(1);
        assertThat(entities.get(0).at("/recommendation/clickThroughRate").asDouble())
                .isEqualTo(1.0);
        assertThat(entities.get(1).get("recommendation").isNull()).isTrue();
        assertThat(entities.get(2).at("/recommendation/impressions").asInt()).isEqualTo(1);
        assertThat(entities.get(2).at("/recommendation/clicks").asInt()).isEqualTo(0);
    }

    private static final String USERS = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User {"
            + " userId feedback(limit: 2) { items { recommendationId item { userId perfumeId position clicked"
            + " impressionTime timeToClickMs } } nextCursor } } } }";

    @Test
    void usersResolveWithTheirFeedbackRowsAsTheRestListAndABatchIsOneReadPerField() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> users = List.of("u1-" + run, "u2-" + run, "u3-" + run);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(2));
        for (int i = 0; i < users.size(); i++) {
            String session = "s-" + i + "-" + run;
            String user = users.get(i);
            WireEvents.publish(List.of(
                    shown(session, "r-" + i + "-" + run, "p-a", t0.plusSeconds(i), 0)
                            .userId(user)
                            .build(),
                    shown(session, "r-" + i + "-" + run, "p-b", t0.plusSeconds(i), 1)
                            .userId(user)
                            .build(),
                    shown(session, "q-" + i + "-" + run, "p-c", t0.plusSeconds(60 + i), 0)
                            .userId(user)
                            .build(),
                    clicked(session, "r-" + i + "-" + run, "p-b", t0.plusSeconds(10 + i))
                            .userId(user)
                            .build()));
        }
        for (String user : users) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().queryParam("userId", user)
                            .get("/v1/recommendations/feedback")
                            .then()
                            .statusCode(200)
                            .body("items.size()", equalTo(3))
                            .body("items[1].clicked", equalTo(true)));
        }
        Map<?, ?> rest = given().queryParam("userId", users.get(0))
                .queryParam("limit", 2)
                .get("/v1/recommendations/feedback")
                .then()
                .extract()
                .as(Map.class);

        JsonNode entities = Subgraphs.data(
                        url(), USERS, Map.of("r", representations("User", "userId", users.get(0), users.get(1))))
                .get("_entities");

        JsonNode page = entities.get(0).get("feedback");
        List<?> restItems = (List<?>) rest.get("items");
        assertThat(page.get("items")).hasSize(restItems.size()).hasSize(2);
        for (int i = 0; i < restItems.size(); i++) {
            Map<?, ?> r = (Map<?, ?>) restItems.get(i);
            JsonNode g = page.get("items").get(i);
            assertThat(g.get("recommendationId").asText()).isEqualTo(r.get("recommendationId"));
            assertThat(g.at("/item/perfumeId").asText()).isEqualTo(r.get("perfumeId"));
            assertThat(g.at("/item/userId").asText()).isEqualTo(r.get("userId"));
            assertThat(g.at("/item/clicked").asBoolean()).isEqualTo(r.get("clicked"));
            assertThat(Instant.parse(g.at("/item/impressionTime").asText()))
                    .isEqualTo(Instant.parse((String) r.get("impressionTime")));
        }
        assertThat(page.get("nextCursor").asText()).isEqualTo(rest.get("nextCursor"));
        assertThat(entities.get(1).at("/feedback/items/0/item/userId").asText()).isEqualTo(users.get(1));

        // batched: two users or three (and two perfumes or three) cost the same statements
        Statements.Sent two = Statements.during(() -> Subgraphs.data(
                url(), USERS, Map.of("r", representations("User", "userId", users.get(0), users.get(1)))));
        Statements.Sent three = Statements.during(() -> Subgraphs.data(
                url(), USERS, Map.of("r", representations("User", "userId", users.toArray(String[]::new)))));
        assertThat(three.readsOf("recommendation_feedback")).isEqualTo(two.readsOf("recommendation_feedback"));
        assertThat(three.readsOf("recommendation_conversion")).isEqualTo(1);
        String from = t0.truncatedTo(ChronoUnit.DAYS).toString();
        String to = t0.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).toString();
        Statements.Sent twoPerfumes = Statements.during(() -> Subgraphs.data(
                url(),
                ENTITIES,
                Map.of("from", from, "to", to, "r", representations("Perfume", "perfumeId", "p-a", "p-b"))));
        Statements.Sent threePerfumes = Statements.during(() -> Subgraphs.data(
                url(),
                ENTITIES,
                Map.of("from", from, "to", to, "r", representations("Perfume", "perfumeId", "p-a", "p-b", "p-c"))));
        assertThat(threePerfumes.statements()).hasSameSizeAs(twoPerfumes.statements());
    }

    private static List<Map<String, String>> representations(String type, String key, String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> Map.of("__typename", type, key, id))
                .toList();
    }

    @Test
    void theMetricsHaveIntervalsByAlgorithmAndPosition() {
        String day = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
        String next = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1))
                .toString();
        JsonNode m = Subgraphs.data(
                        url(),
                        "query($f: String!, $t: String!) { recommendationMetrics(from: $f, to: $t) { totals {"
                                + " impressions } byAlgorithm { value figures { impressions } ctrInterval { lower"
                                + " upper } } byPosition { value } } }",
                        Map.of("f", day, "t", next))
                .get("recommendationMetrics");
        assertThat(m.get("byAlgorithm")).isNotNull();
        m.get("byAlgorithm").forEach(v -> {
            if (v.at("/figures/impressions").asLong() > 0) {
                assertThat(v.at("/ctrInterval/lower").asDouble())
                        .isLessThanOrEqualTo(v.at("/ctrInterval/upper").asDouble());
            }
        });
    }

    @Test
    void aBadArgumentIsAGraphQLErrorNamingIt() {
        JsonNode answer = Subgraphs.post(
                url(), "{ recommendationMetrics(from: \"2026-01-01\", to: \"soon\") { granularity } }", Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("to");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
