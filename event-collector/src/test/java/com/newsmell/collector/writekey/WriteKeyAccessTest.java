package com.newsmell.collector.writekey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.infra.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "Write keys" and "Rate limits": ingest with no key, a revoked key (on this replica and on another one), a
 * key from a disallowed origin; a burst past a key's limit gets 429 and exactly the 2xx answers are stored; one key's
 * flood does not slow another; the admin API's answers.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class WriteKeyAccessTest {

    @Test
    void withoutAKeyNothingIsStored() {
        String sessionId = TestEvents.sessionId("no-key");
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body(TestEvents.pageView(sessionId).toString())
                .post("/v1/events")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Basic realm=\"event-collector\"")
                .body("type", equalTo("https://newsmell.dev/problems/write-key-missing"));
        batchWith("nsk_made-up", sessionId).then().statusCode(401).body("status", equalTo(401));
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Rose\",\"houseId\":\"h-1\",\"price\":10}")
                .put("/v1/catalog/perfumes/p-no-key")
                .then()
                .statusCode(401);
        assertThat(stored(sessionId)).isZero();
    }

    @Test
    void aRevokedKeyStopsAtOnceHereAndWithinSecondsOnAnotherReplica() {
        String here = createKey("{\"source\":\"web\"}").path("key");
        Response other = createKey("{\"source\":\"ios\"}");
        String elsewhere = other.path("key");
        batchWith(here, TestEvents.sessionId("revoke-a")).then().statusCode(202);
        batchWith(elsewhere, TestEvents.sessionId("revoke-b")).then().statusCode(202);

        String hereId = given().get("/v1/write-keys?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.keyPrefix == '" + WriteKeyHashing.displayPrefix(here) + "' }.id");
        given().delete("/v1/write-keys/" + hereId)
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue())
                .body("key", nullValue());
        String revokedSession = TestEvents.sessionId("revoked");
        batchWith(here, revokedSession)
                .then()
                .statusCode(401)
                .body("type", equalTo("https://newsmell.dev/problems/write-key-invalid"));

        // Another replica revoked it: this one learns it from the database within the cache's TTL (2 s).
        Sql.query(
                CollectorTestResource.DATABASE,
                "update write_key set revoked_at = now() where write_key_id = cast(? as uuid)",
                other.<String>path("id"));
        String late = TestEvents.sessionId("revoked-elsewhere");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> batchWith(elsewhere, late).statusCode() == 401);
        assertThat(stored(revokedSession)).isZero();
    }

    @Test
    void aBrowserOriginTheKeyDoesNotAllowIsRefused() {
        String key = createKey("{\"source\":\"web\",\"allowedOrigins\":[\"https://shop.example\"]}")
                .path("key");
        String refused = TestEvents.sessionId("evil-origin");
        batchWith(key, refused, "https://evil.example")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://newsmell.dev/problems/origin-not-allowed"));
        batchWith(key, TestEvents.sessionId("good-origin"), "https://shop.example")
                .then()
                .statusCode(202)
                .header("Access-Control-Allow-Origin", "https://shop.example")
                .header("RateLimit-Remaining", notNullValue());
        // A server (no Origin) may use any key; a preflight carries no key and is answered for any origin.
        batchWith(key, TestEvents.sessionId("no-origin")).then().statusCode(202);
        given().auth()
                .none()
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/v1/events/batch")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "https://elsewhere.example");
        assertThat(stored(refused)).isZero();
    }

    // the meters, on the management interface (ADR 0075)
    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @Test
    void aBurstPastTheKeysLimitGets429AndOnlyTheAcceptedAreStoredWithoutSlowingAnotherKey() {
        String flooding = createKey("{\"source\":\"server\",\"ratePerSecond\":1,\"burst\":5}")
                .path("key");
        String calm = createKey("{\"source\":\"server\",\"ratePerSecond\":1,\"burst\":5}")
                .path("key");
        String sessionId = TestEvents.sessionId("burst");
        int accepted =
                Bursts.send(12, 202, 5, i -> batchWith(flooding, sessionId)).accepted();
        assertThat(accepted).isBetween(5, 7);
        batchWith(calm, TestEvents.sessionId("calm")).then().statusCode(202);

        int expected = accepted;
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(sessionId) == expected);
        given().auth()
                .none()
                .get(metrics)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsmell_rate_limited_requests_total{limit=\"write-key\""));
    }

    @Test
    void aBeaconSendsTheKeyInTheQuery() {
        String key = createKey("{\"source\":\"web\",\"allowedOrigins\":[\"https://shop.example\"]}")
                .path("key");
        String sessionId = TestEvents.sessionId("beacon");
        given().auth()
                .none()
                .header("Origin", "https://shop.example")
                .contentType(ContentType.TEXT)
                .body(TestEvents.batch(TestEvents.pageView(sessionId)))
                .queryParam("writeKey", key)
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .header("Access-Control-Allow-Origin", "https://shop.example");
        given().auth()
                .none()
                .contentType(ContentType.TEXT)
                .body(TestEvents.batch(TestEvents.pageView(sessionId)))
                .queryParam("writeKey", key)
                .queryParam("source", "web")
                .post("/v1/events/batch")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("source"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(sessionId) == 1);
    }

    @Test
    void theAdminApiListsKeysWithoutTheKeysAndRefusesBadInput() {
        Response created = createKey("{\"source\":\"android\",\"allowedOrigins\":[\"*\"]}");
        assertThat(created.<String>path("key")).startsWith(WriteKeyHashing.KEY_PREFIX);
        assertThat(created.header("Location")).endsWith("/v1/write-keys/" + created.path("id"));
        given().get("/v1/write-keys/" + created.path("id"))
                .then()
                .statusCode(200)
                .body("source", equalTo("android"))
                .body("allowedOrigins", hasItem("*"))
                .body("key", nullValue());
        given().get("/v1/write-keys?limit=1").then().statusCode(200).body("nextCursor", notNullValue());
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"fax\",\"allowedOrigins\":[\"https://a.example/path\"],\"burst\":0}")
                .post("/v1/write-keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/source"))
                .body("errors.pointer", hasItem("/allowedOrigins/0"))
                .body("errors.pointer", hasItem("/burst"));
        given().get("/v1/write-keys/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().get("/v1/write-keys/not-a-uuid").then().statusCode(400);
    }

    private static Response createKey(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/write-keys")
                .then()
                .statusCode(201)
                .extract()
                .response();
    }

    private static Response batchWith(String key, String sessionId) {
        return batchWith(key, sessionId, null);
    }

    private static Response batchWith(String key, String sessionId, String origin) {
        ObjectNode event = TestEvents.pageView(sessionId);
        RequestSpecification request = given().auth()
                .preemptive()
                .basic(key, "")
                // a client address of its own, so that the address's bucket is not what this test measures
                .header(
                        "X-Forwarded-For",
                        "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255))
                .contentType(ContentType.JSON)
                .body(TestEvents.batch(event));
        if (origin != null) {
            request = request.header("Origin", origin);
        }
        return request.post("/v1/events/batch");
    }

    private static long stored(String sessionId) {
        return Sql.count(
                CollectorTestResource.DATABASE,
                "select count(*) from user_interaction_event where session_id = ?",
                sessionId);
    }
}
