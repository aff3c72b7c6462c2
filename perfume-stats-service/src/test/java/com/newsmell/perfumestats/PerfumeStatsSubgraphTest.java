package com.newsmell.perfumestats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Sql;
import com.newsmell.infra.Statements;
import com.newsmell.infra.Subgraphs;
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

/** perfume-stats-service's GraphQL subgraph (issue 14) against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class PerfumeStatsSubgraphTest {

    private static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) {"
            + " ... on Perfume { perfumeId stats { totalViews uniqueViewers } features { inCatalog viewCount } } } }";

    /** Every field perfume-stats-service contributes to a Perfume. */
    private static final String ALL_FIELDS = "query($r: [_Any!]!, $from: String!, $to: String!) {"
            + " _entities(representations: $r) { ... on Perfume { perfumeId stats { totalViews }"
            + " features { inCatalog viewCount } catalog { name houseId version launchYear price notes { noteId } }"
            + " trendingRank timeSeries(from: $from, to: $to, granularity: \"hour\") { metric granularity"
            + " totals { value } buckets { start figure { value } } } } } }";

    private static String url() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void theServedSdlIsTheCommittedOne() {
        Subgraphs.assertServedSdlIsCommitted(url(), "perfume-stats", "type Perfume @key(fields : \"perfumeId\")");
    }

    @Test
    void entitiesResolveABatchOfPerfumesWithTheirRestValues() {
        String p1 = Events.perfume();
        String p2 = Events.perfume();
        Events u = new Events("u-" + UUID.randomUUID());
        Instant now = Instant.now().minusSeconds(60);
        Events.publish(u.view(p1, now), u.view(p1, now.plusSeconds(1)), u.view(p2, now.plusSeconds(2)));
        Map<String, Object> rest1 = Api.awaitStats(p1, Map.of("totalViews", 2));
        Map<String, Object> rest2 = Api.awaitStats(p2, Map.of("totalViews", 1));
        String unknown = "p-unknown-" + UUID.randomUUID();

        JsonNode entities = Subgraphs.data(
                        url(),
                        ENTITIES,
                        Map.of(
                                "r",
                                List.of(
                                        Map.of("__typename", "Perfume", "perfumeId", p1),
                                        Map.of("__typename", "Perfume", "perfumeId", unknown),
                                        Map.of("__typename", "Perfume", "perfumeId", p2))))
                .get("_entities");

        assertThat(entities).hasSize(3);
        assertThat(entities.get(0).get("perfumeId").asText()).isEqualTo(p1);
        assertThat(entities.get(0).at("/stats/totalViews").asInt()).isEqualTo(rest1.get("totalViews"));
        assertThat(entities.get(0).at("/stats/uniqueViewers").asInt()).isEqualTo(rest1.get("uniqueViewers"));
        assertThat(entities.get(0).at("/features/viewCount").asInt()).isEqualTo(2);
        assertThat(entities.get(1).get("perfumeId").asText()).isEqualTo(unknown);
        assertThat(entities.get(1).get("stats").isNull()).isTrue();
        assertThat(entities.get(2).at("/stats/totalViews").asInt()).isEqualTo(rest2.get("totalViews"));
    }

    @Test
    void everyPerfumeFieldEqualsItsRestValueAndABatchIsOneReadPerField() {
        String p1 = Events.perfume();
        String p2 = Events.perfume();
        String p3 = Events.perfume();
        PerfumeFeaturesResourceTest.publishCatalogEntry(p1, "h-" + UUID.randomUUID());
        Events u = new Events("u-" + UUID.randomUUID());
        Instant now = Instant.now().minusSeconds(60);
        Events.publish(u.view(p1, now), u.view(p1, now.plusSeconds(1)), u.view(p2, now), u.view(p3, now));
        Api.awaitStats(p2, Map.of("totalViews", 1));
        Api.awaitStats(p3, Map.of("totalViews", 1));
        Api.awaitFeatures(p1, Map.of("inCatalog", true, "viewCount", 2));
        Sql.query(
                PerfumeStatsTestResource.DATABASE,
                "update perfume_interaction_stats set trending_score = 4321.5 where perfume_id = ?",
                p1);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String from = hour.minus(Duration.ofHours(2)).toString();
        String to = hour.plus(Duration.ofHours(1)).toString();
        Map<String, Object> variables = Map.of("from", from, "to", to, "r", representations(p1, p2));

        JsonNode one = Subgraphs.data(url(), ALL_FIELDS, variables).get("_entities");

        JsonNode e1 = one.get(0);
        Map<?, ?> features = Api.features(p1);
        assertThat(e1.at("/catalog/name").asText())
                .isEqualTo(features.get("name"))
                .isEqualTo("Velvet Oud");
        assertThat(e1.at("/catalog/houseId").asText()).isEqualTo(features.get("houseId"));
        assertThat(e1.at("/catalog/version").asLong()).isEqualTo(((Number) features.get("catalogVersion")).longValue());
        assertThat(e1.at("/catalog/price").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(e1.at("/catalog/notes")).hasSize(4);
        assertThat(e1.at("/trendingRank").asInt()).isEqualTo(restTrendingRank(p1));
        Map<?, ?> series = given().queryParam("from", from)
                .queryParam("to", to)
                .queryParam("granularity", "hour")
                .get("/v1/perfumes/" + p1 + "/timeseries")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        List<?> restBuckets = (List<?>) series.get("buckets");
        JsonNode buckets = e1.at("/timeSeries/buckets");
        assertThat(buckets).hasSize(restBuckets.size()).hasSize(3);
        for (int i = 0; i < restBuckets.size(); i++) {
            Map<?, ?> b = (Map<?, ?>) restBuckets.get(i);
            assertThat(Instant.parse(buckets.get(i).get("start").asText()))
                    .isEqualTo(Instant.parse((String) b.get("start")));
            assertThat(buckets.get(i).at("/figure/value").asDouble())
                    .isEqualTo(((Number) b.get("value")).doubleValue());
        }
        assertThat(e1.at("/timeSeries/totals/value").asDouble()).isEqualTo(2.0);
        JsonNode e2 = one.get(1);
        assertThat(e2.get("catalog").isNull()).isTrue();
        assertThat(e2.get("trendingRank").isNull()).isTrue();
        assertThat(e2.at("/timeSeries/totals/value").asDouble()).isEqualTo(1.0);

        // batched: two perfumes or three cost the same statements, one read per field
        Statements.Sent two = Statements.during(() -> Subgraphs.data(url(), ALL_FIELDS, variables));
        Statements.Sent three = Statements.during(() ->
                Subgraphs.data(url(), ALL_FIELDS, Map.of("from", from, "to", to, "r", representations(p1, p2, p3))));
        for (String table : List.of(
                "perfume_interaction_stats", "perfume_catalog", "perfume_weekly_trend", "perfume_hourly_bucket")) {
            assertThat(three.readsOf(table)).as(table).isEqualTo(two.readsOf(table));
        }
        assertThat(three.readsOf("perfume_catalog")).as("features and catalog").isEqualTo(2);
        assertThat(three.readsOf("perfume_hourly_bucket")).as("timeSeries").isEqualTo(1);
        assertThat(three.readsOf("perfume_weekly_trend")).as("features").isEqualTo(1);
    }

    private static List<Map<String, String>> representations(String... perfumeIds) {
        return java.util.Arrays.stream(perfumeIds)
                .map(id -> Map.of("__typename", "Perfume", "perfumeId", id))
                .toList();
    }

    /** The perfume's 1-based place in GET /v1/perfumes/trending, paging through it. */
    private static int restTrendingRank(String perfumeId) {
        String cursor = null;
        int seen = 0;
        do {
            var request = given().queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/perfumes/trending")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("items.perfumeId");
            int at = ids.indexOf(perfumeId);
            if (at >= 0) {
                return seen + at + 1;
            }
            seen += ids.size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError(perfumeId + " is not in GET /v1/perfumes/trending");
    }

    @Test
    void aBadArgumentIsAGraphQLErrorNamingIt() {
        JsonNode answer = Subgraphs.post(url(), "{ trendingPerfumes(limit: 0) { nextCursor } }", Map.of());
        JsonNode error = answer.get("errors").get(0);
        assertThat(error.get("message").asText()).contains("limit");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");

        JsonNode cursor = Subgraphs.post(url(), "{ trendingPerfumes(cursor: \"nope\") { nextCursor } }", Map.of());
        assertThat(cursor.get("errors").get(0).get("message").asText()).contains("cursor");
    }

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(9) + "{ name }" + " }".repeat(9)
                + " } } } }";
        JsonNode answer = Subgraphs.post(url(), deep, Map.of());
        assertThat(answer.get("errors").toString()).containsIgnoringCase("depth");
    }
}
