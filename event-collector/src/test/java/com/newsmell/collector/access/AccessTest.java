package com.newsmell.collector.access;

import static io.restassured.RestAssured.given;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.collector.TestPerfumes;
import com.newsmell.collector.TestWriteKey;
import com.newsmell.infra.AccessMatrix;
import com.newsmell.infra.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "every endpoint of every service" (ADR 0063): the collector's endpoints and what each takes, checked
 * against the running collector and its OpenAPI document (local-infra AccessMatrix): a bearer token of the analyst role
 * for the read APIs, of the admin role for replays, erasure, write keys and job runs; a write key for ingest, the
 * Segment spec and the catalog API; nothing for the published schemas and the SDKs' settings.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class AccessTest {

    /** Raw events of nobody: the read APIs answer 200 with nothing. */
    private static final String NOBODY = "access-nobody";

    @Test
    void everyEndpointTakesItsTokenOrKey() {
        String replayId = admin().contentType(ContentType.JSON)
                .body(replay())
                .post("/v1/replays")
                .then()
                .statusCode(202)
                .extract()
                .path("replayId");
        String requestId = admin().delete("/v1/users/" + user() + "/data")
                .then()
                .statusCode(202)
                .extract()
                .path("requestId");
        String keyId = admin().contentType(ContentType.JSON)
                .body("{\"source\":\"web\"}")
                .post("/v1/write-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String perfumeId = "p-access-" + UUID.randomUUID();

        AccessMatrix.forService()
                // The read APIs: analyst. The raw event query too (ADR 0063): it is what an analyst explores.
                .analyst("GET", "/v1/events", "/v1/events?sessionId=" + NOBODY)
                .analyst(
                        "GET",
                        "/v1/events/metrics",
                        "/v1/events/metrics?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")
                .analyst(
                        "GET",
                        "/v1/quality",
                        "/v1/quality?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&groupBy=rule")
                .analyst("GET", "/v1/quality/samples", "/v1/quality/samples?rule=required")
                .analyst("GET", "/v1/jobs", "/v1/jobs")
                // Admin: replays, erasure, write keys, job runs (a run of an hour with nothing to audit).
                .admin("POST", "/v1/replays", "/v1/replays", json(replay()))
                .admin("GET", "/v1/replays", "/v1/replays")
                .admin("GET", "/v1/replays/{replayId}", "/v1/replays/" + replayId)
                .admin("DELETE", "/v1/users/{userId}/data", "/v1/users/" + user() + "/data")
                .admin("GET", "/v1/privacy/requests/{requestId}", "/v1/privacy/requests/" + requestId)
                .admin("POST", "/v1/write-keys", "/v1/write-keys", json(Map.of("source", "server")))
                .admin("GET", "/v1/write-keys", "/v1/write-keys")
                .admin("GET", "/v1/write-keys/{id}", "/v1/write-keys/" + keyId)
                .admin("DELETE", "/v1/write-keys/{id}", "/v1/write-keys/" + keyId)
                .admin("POST", "/v1/jobs/{name}/runs", "/v1/jobs/perfume-view-audit/runs?now=2001-01-01T00:30:00Z")
                // A write key: native ingest, the catalog API, the Segment spec.
                .noToken(
                        "POST",
                        "/v1/events",
                        "/v1/events",
                        withKey(TestEvents.pageView(session()).toString()))
                .noToken(
                        "POST",
                        "/v1/events/batch",
                        "/v1/events/batch",
                        withKey(TestEvents.batch(TestEvents.pageView(session()))))
                .noToken(
                        "PUT",
                        "/v1/catalog/perfumes/{perfumeId}",
                        "/v1/catalog/perfumes/" + perfumeId,
                        withKey(TestPerfumes.perfume(perfumeId).toString()))
                .noToken(
                        "DELETE",
                        "/v1/catalog/perfumes/{perfumeId}",
                        "/v1/catalog/perfumes/" + perfumeId,
                        r -> r.auth().preemptive().basic(TestWriteKey.key(), ""))
                .noToken(
                        "POST",
                        "/v1/catalog/perfumes:batch",
                        "/v1/catalog/perfumes:batch",
                        r -> withKey("{\"perfumes\":[" + TestPerfumes.perfume(perfumeId) + "]}")
                                .apply(r)
                                .urlEncodingEnabled(false))
                .noToken("POST", "/v1/batch", "/v1/batch", withKey("{\"batch\":[" + track() + "]}"))
                .noToken("POST", "/v1/{type}", "/v1/track", withKey(track()))
                // Nothing: the SDKs' settings (they carry the write key themselves) and the published schemas.
                .noToken(
                        "GET",
                        "/v1/projects/{writeKey}/settings",
                        "/v1/projects/" + TestWriteKey.key() + "/settings",
                        UnaryOperator.identity())
                .noToken(
                        "GET",
                        "/sourceConfig",
                        "/sourceConfig",
                        r -> r.auth().preemptive().basic(TestWriteKey.key(), ""))
                .noToken("GET", "/v1/schemas", "/v1/schemas", UnaryOperator.identity())
                .noToken("GET", "/v1/schemas/{eventType}", "/v1/schemas/PAGE_VIEW", UnaryOperator.identity())
                .noToken(
                        "GET",
                        "/v1/schemas/{eventType}/{version}",
                        "/v1/schemas/PAGE_VIEW/1-0-0",
                        UnaryOperator.identity())
                .check();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.shared().admin());
    }

    /** A replay of a minute long ago, for perfume-stats-service: nothing to publish. */
    private static Map<String, String> replay() {
        return Map.of("service", "perfume-stats-service", "from", "2026-01-01T00:00:00Z", "to", "2026-01-01T00:01:00Z");
    }

    private static String user() {
        return "u-access-" + UUID.randomUUID();
    }

    private static String session() {
        return TestEvents.sessionId("access");
    }

    private static String track() {
        return "{\"type\":\"track\",\"event\":\"Product Viewed\",\"anonymousId\":\"a-access-" + UUID.randomUUID()
                + "\",\"messageId\":\"m-" + UUID.randomUUID() + "\",\"timestamp\":\"" + Instant.now()
                + "\",\"properties\":{\"product_id\":\"p-4\"}}";
    }

    private static UnaryOperator<RequestSpecification> json(Object body) {
        return r -> r.contentType(ContentType.JSON).body(body);
    }

    private static UnaryOperator<RequestSpecification> withKey(String body) {
        return r -> r.auth()
                .preemptive()
                .basic(TestWriteKey.key(), "")
                .contentType(ContentType.JSON)
                .body(body);
    }
}
