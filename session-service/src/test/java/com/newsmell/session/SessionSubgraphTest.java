package com.newsmell.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.InteractionEventType;
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

/** session-service's GraphQL subgraph (issue 14) against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class SessionSubgraphTest {

    private static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) {"
            + " ... on User { userId sessions(limit: 10) { items { userId pageViews bounced } nextCursor }"
            + " searches(limit: 1) { items { searchId sessionId queryText resultsCount } nextCursor } } } }";

    private static String url() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void theServedSdlIsTheCommittedOne() {
        Subgraphs.assertServedSdlIsCommitted(url(), "session", "type User @key(fields : \"userId\")");
    }

    @Test
    void entitiesResolveUsersWithTheSessionsAndSearchesTheRestApiLists() {
        String u1 = "u-" + UUID.randomUUID();
        String u2 = "u-" + UUID.randomUUID();
        String s1 = "s-" + UUID.randomUUID();
        String s2 = "s-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        Api.publish(
                List.of(
                        WireEvents.event(InteractionEventType.PAGE_VIEW, s1, t0)
                                .userId(u1)
                                .build(),
                        WireEvents.event(InteractionEventType.PAGE_VIEW, s1, t0.plusSeconds(5))
                                .userId(u1)
                                .build(),
                        WireEvents.event(InteractionEventType.SEARCH_PERFORMED, s1, t0.plusSeconds(6))
                                .userId(u1)
                                .path("/search")
                                .eventData(Scenarios.data("{\"searchId\":\"q1\",\"query\":\"rose\"}"))
                                .build(),
                        WireEvents.event(InteractionEventType.SEARCH_PERFORMED, s1, t0.plusSeconds(7))
                                .userId(u1)
                                .path("/search")
                                .eventData(Scenarios.data("{\"searchId\":\"q2\",\"query\":\"oud\"}"))
                                .build(),
                        WireEvents.event(InteractionEventType.PAGE_VIEW, s2, t0)
                                .userId(u2)
                                .build()),
                false);
        Api.awaitStoredEvents(s1, 4);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Api.searches(s1)).hasSize(2));
        Api.awaitStoredEvents(s2, 1);
        Map<?, ?> rest = given().queryParam("userId", u1)
                .get("/v1/sessions")
                .then()
                .extract()
                .as(Map.class);

        JsonNode entities = Subgraphs.data(url(), ENTITIES, users(u1, u2)).get("_entities");

        assertThat(entities).hasSize(2);
        assertThat(entities.get(0).get("userId").asText()).isEqualTo(u1);
        JsonNode sessions = entities.get(0).at("/sessions/items");
        assertThat(sessions).hasSize(((List<?>) rest.get("items")).size()).hasSize(1);
        assertThat(sessions.get(0).get("pageViews").asInt())
                .isEqualTo(((Map<?, ?>) ((List<?>) rest.get("items")).get(0)).get("pageViews"));
        assertThat(entities.get(1).at("/sessions/items")).hasSize(1);
        // searches: the REST page of one, then the next (its cursor), equal to GraphQL's
        Map<?, ?> restSearches = given().queryParam("userId", u1)
                .queryParam("limit", 1)
                .get("/v1/search/queries")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        JsonNode searches = entities.get(0).get("searches");
        Map<?, ?> restSearch = (Map<?, ?>) ((List<?>) restSearches.get("items")).get(0);
        assertThat(searches.get("items")).hasSize(1);
        assertThat(searches.at("/items/0/searchId").asText())
                .isEqualTo(restSearch.get("searchId"))
                .isEqualTo("q1");
        assertThat(searches.at("/items/0/sessionId").asText()).isEqualTo(restSearch.get("sessionId"));
        assertThat(searches.at("/items/0/queryText").asText()).isEqualTo(restSearch.get("queryText"));
        assertThat(searches.at("/items/0/resultsCount").asInt()).isEqualTo(restSearch.get("resultsCount"));
        assertThat(searches.get("nextCursor").asText()).isEqualTo(restSearches.get("nextCursor"));
        assertThat(entities.get(1).at("/searches/items")).isEmpty();
        assertThat(entities.get(1).at("/searches/nextCursor").isNull()).isTrue();
        String next = searches.get("nextCursor").asText();
        Map<String, Object> variables = new java.util.HashMap<>(users(u1));
        variables.put("c", next);
        JsonNode page2 = Subgraphs.data(
                        url(),
                        "query($r: [_Any!]!, $c: String) { _entities(representations: $r) { ... on User {"
                                + " searches(limit: 1, cursor: $c) { items { searchId } nextCursor } } } }",
                        variables)
                .get("_entities");
        given().queryParam("userId", u1)
                .queryParam("limit", 1)
                .queryParam("cursor", next)
                .get("/v1/search/queries")
                .then()
                .statusCode(200)
                .body("items.searchId", org.hamcrest.Matchers.equalTo(List.of("q2")))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        assertThat(page2.get(0).at("/searches/items/0/searchId").asText()).isEqualTo("q2");
        assertThat(page2.get(0).at("/searches/nextCursor").isNull()).isTrue();

        // batched: two users or three cost the same statements (sessions: the page's ids by row_number per user, then
        // the rows; searches: one statement, row_number per user)
        String u3 = "u-" + UUID.randomUUID();
        Statements.Sent two = Statements.during(() -> Subgraphs.data(url(), ENTITIES, users(u1, u2)));
        Statements.Sent three = Statements.during(() -> Subgraphs.data(url(), ENTITIES, users(u1, u2, u3)));
        assertThat(three.statements()).hasSameSizeAs(two.statements());
        assertThat(three.readsOf("user_session"))
                .isEqualTo(two.readsOf("user_session"))
                .isEqualTo(2);
        assertThat(three.readsOf("search_query"))
                .isEqualTo(two.readsOf("search_query"))
                .isEqualTo(1);
    }

    /** The variables of {@link #ENTITIES}: these users' representations. */
    private static Map<String, Object> users(String... userIds) {
        return Map.of(
                "r",
                java.util.Arrays.stream(userIds)
                        .map(id -> Map.of("__typename", "User", "userId", id))
                        .toList());
    }

    @Test
    void aBadArgumentIsAGraphQLErrorNamingIt() {
        JsonNode answer = Subgraphs.post(
                url(), "{ sessionMetrics(from: \"yesterday\", to: \"2026-01-02\") { granularity } }", Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("from");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
