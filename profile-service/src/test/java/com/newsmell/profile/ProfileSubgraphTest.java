package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Sql;
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

/** profile-service's GraphQL subgraph (issue 14) against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class ProfileSubgraphTest {

    private static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) {"
            + " ... on User { userId profile { userId totalPageViews engagementScore } } } }";

    private static String url() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void theServedSdlIsTheCommittedOne() {
        Subgraphs.assertServedSdlIsCommitted(url(), "profile", "type User @key(fields : \"userId\")");
    }

    @Test
    void entitiesResolveABatchOfUsersWithTheirRestProfiles() {
        String u1 = "u-" + UUID.randomUUID();
        String u2 = "u-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, "s-" + UUID.randomUUID(), t0)
                        .userId(u1)
                        .build(),
                WireEvents.event(PAGE_VIEW, "s-" + UUID.randomUUID(), t0.plusSeconds(1))
                        .userId(u2)
                        .build()));
        for (String u : List.of(u1, u2)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().post("/v1/profiles/" + u + "/recompute")
                            .then()
                            .statusCode(200)
                            .body("totalPageViews", equalTo(1)));
        }
        Map<?, ?> rest = given().get("/v1/profiles/" + u1)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        String unknown = "u-unknown-" + UUID.randomUUID();

        JsonNode entities = Subgraphs.data(
                        url(),
                        ENTITIES,
                        Map.of(
                                "r",
                                List.of(
                                        Map.of("__typename", "User", "userId", u1),
                                        Map.of("__typename", "User", "userId", unknown),
                                        Map.of("__typename", "User", "userId", u2))))
                .get("_entities");

        assertThat(entities).hasSize(3);
        assertThat(entities.get(0).at("/profile/userId").asText()).isEqualTo(u1);
        assertThat(entities.get(0).at("/profile/totalPageViews").asInt()).isEqualTo(rest.get("totalPageViews"));
        assertThat(entities.get(0).at("/profile/engagementScore").asDouble())
                .isEqualTo(((Number) rest.get("engagementScore")).doubleValue());
        assertThat(entities.get(1).get("userId").asText()).isEqualTo(unknown);
        assertThat(entities.get(1).get("profile").isNull()).isTrue();
        assertThat(entities.get(2).at("/profile/userId").asText()).isEqualTo(u2);
    }

    /** Every field profile-service contributes to a User (similarUsers: a first page of one). */
    private static final String ALL_FIELDS = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User {"
            + " userId profile { userId segmentId totalPageViews } featureVector { schemaVersion asOf names values }"
            + " segment { id week number size share } similarUsers(limit: 1) { userId schemaVersion asOf nextCursor"
            + " items { rank userId similarity } } } } }";

    @Test
    void theFeatureVectorSegmentAndSimilarUsersEqualTheRestValuesAndABatchIsOneReadPerField() {
        String run = "gq-" + UUID.randomUUID().toString().substring(0, 8);
        String u1 = run + "-u1";
        String u2 = run + "-u2";
        String u3 = run + "-u3";
        // Their profiles from the consumer; their vectors written as the vector stage would (VectorFixtures), of the
        // newest schema version: no profiles job here, whose clock would move the feature store's other tests' state.
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        List<String> users = List.of(u1, u2, u3);
        for (int i = 0; i < users.size(); i++) {
            WireEvents.publish(List.of(WireEvents.event(PAGE_VIEW, "s-" + UUID.randomUUID(), t0.plusSeconds(i))
                    .userId(users.get(i))
                    .build()));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Sql.count(
                                ProfileTestResource.DATABASE,
                                "select count(*) from user_behavior_profile where user_id like ?",
                                run + "-%"))
                        .isEqualTo(3));
        int version = VectorFixtures.newestSchemaVersion();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        VectorFixtures.insertVectors(
                Map.of(u1, new double[] {0.25, 0.5, 1.0}, u3, new double[] {0.0, 0.125, 0.75}), version, today);
        // their similar users as the similar-users job writes them (u2 has no vector: REST 404, GraphQL null)
        for (Object[] row : List.of(
                new Object[] {u1, 1, u3, 0.9375}, new Object[] {u1, 2, u2, 0.5}, new Object[] {u3, 1, u1, 0.9375})) {
            Sql.query(
                    ProfileTestResource.DATABASE,
                    "insert into user_similar (user_id, rank, other_user_id, similarity, schema_version, as_of)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    version,
                    today);
        }
        String segmentId = VectorFixtures.insertFarWeekSegment(2);
        try {
            for (String u : List.of(u1, u2)) {
                Sql.query(
                        ProfileTestResource.DATABASE,
                        "update user_behavior_profile set segment_id = ?, segment_week = date '2999-12-29' where"
                                + " user_id = ?",
                        segmentId,
                        u);
            }
            Map<?, ?> restVector = VectorFixtures.json("/v1/profiles/" + u1 + "/features");
            Map<?, ?> restSegment = ((List<?>)
                            VectorFixtures.json("/v1/segments").get("items"))
                    .stream()
                            .map(Map.class::cast)
                            .filter(m -> segmentId.equals(m.get("id")))
                            .findFirst()
                            .orElseThrow();

            JsonNode entities = Subgraphs.data(url(), ALL_FIELDS, Map.of("r", representations(u1, u3)))
                    .get("_entities");

            JsonNode vector = entities.get(0).get("featureVector");
            assertThat(vector.get("schemaVersion").asInt()).isEqualTo(restVector.get("schemaVersion"));
            assertThat(vector.get("asOf").asText()).isEqualTo(restVector.get("asOf"));
            List<?> restNames = (List<?>) restVector.get("names");
            List<?> restValues = (List<?>) restVector.get("values");
            assertThat(vector.get("names")).hasSize(restNames.size());
            assertThat(vector.get("values")).hasSize(restValues.size()).isNotEmpty();
            for (int i = 0; i < restValues.size(); i++) {
                assertThat(vector.get("names").get(i).asText()).isEqualTo(restNames.get(i));
                assertThat(vector.get("values").get(i).asDouble())
                        .isEqualTo(((Number) restValues.get(i)).doubleValue());
            }
            JsonNode segment = entities.get(0).get("segment");
            assertThat(segment.get("id").asText()).isEqualTo(segmentId);
            assertThat(segment.get("week").asText()).isEqualTo(restSegment.get("week"));
            assertThat(segment.get("size").asInt()).isEqualTo(restSegment.get("size"));
            assertThat(segment.get("share").asDouble()).isEqualTo(((Number) restSegment.get("share")).doubleValue());
            assertThat(entities.get(1).get("segment").isNull()).isTrue();
            assertThat(entities.get(1).get("featureVector").isNull()).isFalse();
            for (int i = 0; i < 2; i++) {
                String user = List.of(u1, u3).get(i);
                Map<?, ?> restSimilar = VectorFixtures.json("/v1/profiles/" + user + "/similar?limit=1");
                JsonNode similar = entities.get(i).get("similarUsers");
                assertThat(similar.get("userId").asText()).isEqualTo(user);
                assertThat(similar.get("schemaVersion").asInt()).isEqualTo(restSimilar.get("schemaVersion"));
                assertThat(similar.get("asOf").asText()).isEqualTo(restSimilar.get("asOf"));
                assertThat(
                                similar.get("nextCursor").isNull()
                                        ? null
                                        : similar.get("nextCursor").asText())
                        .isEqualTo(restSimilar.get("nextCursor"));
                List<?> restItems = (List<?>) restSimilar.get("items");
                assertThat(similar.get("items")).hasSize(restItems.size()).hasSize(1);
                Map<?, ?> restFirst = (Map<?, ?>) restItems.get(0);
                assertThat(similar.at("/items/0/rank").asInt()).isEqualTo(restFirst.get("rank"));
                assertThat(similar.at("/items/0/userId").asText()).isEqualTo(restFirst.get("userId"));
                assertThat(similar.at("/items/0/similarity").asDouble())
                        .isEqualTo(((Number) restFirst.get("similarity")).doubleValue());
            }
            assertThat(entities.get(0).at("/similarUsers/nextCursor").isNull()).isFalse();
            assertThat(entities.get(0).at("/similarUsers/items/0/userId").asText())
                    .isEqualTo(u3);
            given().get("/v1/profiles/" + u2 + "/similar").then().statusCode(404);

            JsonNode threeUsers = Subgraphs.data(url(), ALL_FIELDS, Map.of("r", representations(u1, u2, u3)))
                    .get("_entities");
            assertThat(threeUsers.get(1).get("similarUsers").isNull()).isTrue();
            assertThat(threeUsers.get(2).get("similarUsers"))
                    .isEqualTo(entities.get(1).get("similarUsers"));

            // batched: two users or three cost the same statements, one read per field (the vectors twice: the
            // featureVector field's and similarUsers', which answers null for a user without one)
            Statements.Sent two =
                    Statements.during(() -> Subgraphs.data(url(), ALL_FIELDS, Map.of("r", representations(u1, u3))));
            Statements.Sent three = Statements.during(
                    () -> Subgraphs.data(url(), ALL_FIELDS, Map.of("r", representations(u1, u2, u3))));
            assertThat(three.statements()).hasSameSizeAs(two.statements());
            Map<String, Long> readsPerTable = Map.of(
                    "user_behavior_profile", 1L,
                    "user_feature_vector", 2L,
                    "feature_schema_version", 1L,
                    "user_segment", 1L,
                    "user_similar", 1L);
            readsPerTable.forEach((table, reads) -> {
                assertThat(three.readsOf(table)).as(table).isEqualTo(two.readsOf(table));
                assertThat(three.readsOf(table)).as(table).isEqualTo(reads);
            });
        } finally {
            Sql.query(ProfileTestResource.DATABASE, "delete from user_segment where segment_id = ?", segmentId);
            Sql.query(ProfileTestResource.DATABASE, "delete from user_similar where user_id like ?", run + "-%");
        }
    }

    private static List<Map<String, String>> representations(String... userIds) {
        return java.util.Arrays.stream(userIds)
                .map(id -> Map.of("__typename", "User", "userId", id))
                .toList();
    }

    @Test
    void aBadArgumentIsAGraphQLErrorNamingIt() {
        JsonNode answer = Subgraphs.post(url(), "{ segments(limit: 5000) { nextCursor } }", Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("limit");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
