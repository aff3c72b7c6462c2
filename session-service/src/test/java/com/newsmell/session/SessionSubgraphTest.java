package com.newsmell.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.Statements;
import com.newsmell.infra.Subgraphs;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
            + " ... on User { userId sessions(limit: 10) { items { userId pageViews bounced } nextCursor } } } }";

    private static String url() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void theServedSdlIsTheCommittedOne() {
        Subgraphs.assertServedSdlIsCommitted(url(), "session", "type User @key(fields : \"userId\")");
    }

    @Test
    void entitiesResolveUsersWithTheSessionsTheRestApiLists() {
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
                        WireEvents.event(InteractionEventType.PAGE_VIEW, s2, t0)
                                .userId(u2)
                                .build()),
                false);
        Api.awaitStoredEvents(s1, 2);
        Api.awaitStoredEvents(s2, 1);
        Map<?, ?> rest = given().queryParam("userId", u1)
                .get("/v1/sessions")
                .then()
                .extract()
                .as(Map.class);

        JsonNode entities = Subgraphs.data(
                        url(),
                        ENTITIES,
                        Map.of(
                                "r",
                                List.of(
                                        Map.of("__typename", "User", "userId", u1),
                                        Map.of("__typename", "User", "userId", u2))))
                .get("_entities");

        assertThat(entities).hasSize(2);
        assertThat(entities.get(0).get("userId").asText()).isEqualTo(u1);
        JsonNode sessions = entities.get(0).at("/sessions/items");
        assertThat(sessions).hasSize(((List<?>) rest.get("items")).size()).hasSize(1);
        assertThat(sessions.get(0).get("pageViews").asInt())
                .isEqualTo(((Map<?, ?>) ((List<?>) rest.get("items")).get(0)).get("pageViews"));
        assertThat(entities.get(1).at("/sessions/items")).hasSize(1);

        // batched: two users or three cost the same statements (the page's ids by row_number per user, then the rows)
        String u3 = "u-" + UUID.randomUUID();
        Statements.Sent two = Statements.during(() -> Subgraphs.data(
                url(),
                ENTITIES,
                Map.of(
                        "r",
                        List.of(
                                Map.of("__typename", "User", "userId", u1),
                                Map.of("__typename", "User", "userId", u2)))));
        Statements.Sent three = Statements.during(() -> Subgraphs.data(
                url(),
                ENTITIES,
                Map.of(
                        "r",
                        List.of(
                                Map.of("__typename", "User", "userId", u1),
                                Map.of("__typename", "User", "userId", u2),
                                Map.of("__typename", "User", "userId", u3)))));
        assertThat(three.readsOf("user_session"))
                .isEqualTo(two.readsOf("user_session"))
                .isEqualTo(2);
    }

    @Test
    void aBadArgumentIsAGraphQLErrorNamingIt() {
        JsonNode answer = Subgraphs.post(
                url(), "{ sessionMetrics(from: \"yesterday\", to: \"2026-01-02\") { granularity } }", Map.of());
        assertThat(answer.get("errors").get(0).get("message").asText()).contains("from");
        assertThat(answer.toString()).doesNotContain("ProblemException").doesNotContain("at com.newsmell");
    }
}
