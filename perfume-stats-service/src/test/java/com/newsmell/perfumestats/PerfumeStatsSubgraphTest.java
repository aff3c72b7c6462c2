package com.newsmell.perfumestats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Subgraphs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Instant;
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
