package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
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

    @Test
    void aBadArgumentIsAGraphQLErrorNamingIt() {
        JsonNode answer = Subgraphs.post(url(), "{ segments(limit: 5000) { nextCursor } }", Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("limit");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
