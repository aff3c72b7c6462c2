package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.infra.AccessMatrix;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call each endpoint of profile-service (issue 16, ADR 0063): reads take the analyst role (the point-in-time
 * join too: a read that posts its rows), a recompute, a new feature schema version and a job run the admin role; each
 * answers 401 without a token, 403 with the wrong role and 2xx with the right one, and the table covers the service's
 * OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class AccessTest {

    private static final String DB = ProfileTestResource.DATABASE;

    @Test
    void everyEndpointTakesItsRole() {
        String run = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        String u1 = run + "-u1";
        String u2 = run + "-u2";
        String perfume = run + "-p1";
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        for (String user : new String[] {u1, u2}) {
            WireEvents.publish(List.of(WireEvents.event(PERFUME_VIEW, "s-" + user, t0)
                    .userId(user)
                    .perfumeId(perfume)
                    .eventData(JsonNodeFactory.instance.objectNode().put("source", "search"))
                    .build()));
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            given().post("/v1/profiles/" + user + "/recompute").statusCode() == 200);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/v1/profiles/" + u1 + "/perfumes/" + perfume + "/features")
                                .statusCode()
                        == 200);
        // the newest schema version (made here when no test made one yet), and the two users' vectors in it, written
        // as the vector stage writes them (no profiles job: its clock would move the feature store tests' state)
        int version = VectorFixtures.newestSchemaVersion();
        VectorFixtures.insertVectors(
                Map.of(u1, new double[] {0.25, 0.5, 1.0}, u2, new double[] {0.0, 0.125, 0.75}),
                version,
                LocalDate.now(ZoneOffset.UTC));
        // a segment of a far week, which no other test lists
        String segmentId = VectorFixtures.insertFarWeekSegment(1);
        try {
            AccessMatrix.forService()
                    .analyst("GET", "/v1/profiles", "/v1/profiles")
                    .analyst("GET", "/v1/profiles/{userId}", "/v1/profiles/" + u1)
                    .admin("POST", "/v1/profiles/{userId}/recompute", "/v1/profiles/" + u1 + "/recompute")
                    .analyst("GET", "/v1/profiles/{userId}/features", "/v1/profiles/" + u1 + "/features")
                    .analyst(
                            "GET",
                            "/v1/profiles/{userId}/perfumes/{perfumeId}/features",
                            "/v1/profiles/" + u1 + "/perfumes/" + perfume + "/features")
                    .analyst("GET", "/v1/profiles/{userId}/similar", "/v1/profiles/" + u1 + "/similar")
                    .analyst(
                            "GET",
                            "/v1/profiles/{userId}/similarity/{otherUserId}",
                            "/v1/profiles/" + u1 + "/similarity/" + u2)
                    .analyst("GET", "/v1/segments", "/v1/segments")
                    .analyst("GET", "/v1/segments/{segmentId}/users", "/v1/segments/" + segmentId + "/users")
                    .analyst("GET", "/v1/features/schema", "/v1/features/schema")
                    .analyst(
                            "POST",
                            "/v1/features/historical",
                            "/v1/features/historical",
                            r -> r.contentType("application/x-ndjson")
                                    .body(("{\"userId\":\"" + u1 + "\",\"timestamp\":\"" + Instant.now() + "\"}\n")
                                            .getBytes(StandardCharsets.UTF_8)))
                    .analyst("GET", "/v1/jobs", "/v1/jobs")
                    // a clock long before any test data: the run deletes and pseudonymises nothing
                    .admin("POST", "/v1/jobs/{name}/runs", "/v1/jobs/profile-retention/runs?now=2001-01-01T00:00:00Z")
                    // last: it makes a new newest schema version, in which the users have no vector
                    .admin(
                            "POST",
                            "/v1/features/schema/versions",
                            "/v1/features/schema/versions",
                            r -> r.contentType("application/json").body(""))
                    .check();
        } finally {
            Sql.query(DB, "delete from user_segment where segment_id = ?", segmentId);
            Sql.query(DB, "delete from user_feature_vector where user_id like ?", run + "-%");
        }
    }
}
