package com.newsmell.collector.segment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.writekey.Bursts;
import com.newsmell.collector.writekey.WriteKeyService;
import com.newsmell.collector.writekey.WriteKeyView;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the Segment-spec endpoints go through the same door as the native ones (ADR 0065, 0066): the key from the
 * Basic-auth user name or the body (text/plain, gzip), 401 without a live key, 403 from an origin the key does not
 * allow, CORS for the origins it allows, 429 with Retry-After and RateLimit headers past its bucket; nothing of a
 * refused request reaches the topic or the raw store.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class SpecDoorTest {

    private static final String SHOP = "https://shop.example";

    @Inject
    WriteKeyService keys;

    @Test
    void withoutAKeyOrWithARevokedOneNothingIsStored() throws Throwable {
        String anonymousId = SpecIngestTest.unique("door-no-key");
        for (String path : List.of("/v1/batch", "/v1/b")) {
            send(null, path, batch(anonymousId, null))
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Basic realm=\"event-collector\"")
                    .body("type", equalTo("https://newsmell.dev/problems/write-key-missing"));
        }
        send(null, "/v1/t", track(anonymousId, "nsk_made-up")).then().statusCode(401);
        send(
                        null,
                        "/v1/i",
                        "{\"writeKey\":\"nsk_made-up\",\"anonymousId\":\"" + anonymousId + "\",\"userId\":\"u-door\"}")
                .then()
                .statusCode(401);

        WriteKeyView revoked = create(web(SHOP, 1_000, 1_000));
        send(revoked.key(), "/v1/track", track(anonymousId, null)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(anonymousId) == 1);
        VertxContextSupport.subscribeAndAwait(() -> keys.revoke(UUID.fromString(revoked.id())));
        send(revoked.key(), "/v1/track", track(anonymousId, null))
                .then()
                .statusCode(401)
                .body("type", equalTo("https://newsmell.dev/problems/write-key-invalid"));
        send(null, "/v1/t", track(anonymousId, revoked.key())).then().statusCode(401);

        String marker = SpecIngestTest.unique("door-no-key-marker");
        send(create(web(SHOP, 1_000, 1_000)).key(), "/v1/page", "{\"anonymousId\":\"" + marker + "\"}")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(marker) == 1);
        assertThat(stored(anonymousId)).isEqualTo(1);
        assertThat(onTopic(anonymousId)).isEqualTo(1);
        assertThat(TopicReader.readAll(CollectorTestResource.identityLinksTopic()))
                .as("no link from a refused identify")
                .noneMatch(r -> anonymousId.equals(r.key()));
    }

    @Test
    void theKeyInTheBodyOfATextPlainOrGzippedShortPathIsEnough() throws Throwable {
        String key = create(web(SHOP, 1_000, 1_000)).key();
        String anonymousId = SpecIngestTest.unique("door-body-key");
        send(null, "/v1/t", track(anonymousId, key))
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", "1000")
                .body("results[0].status", equalTo("accepted"));
        given().auth()
                .none()
                .header("X-Forwarded-For", address())
                .contentType("text/plain")
                .header("Content-Encoding", "gzip")
                .body(SpecBodyTest.gzip(batch(anonymousId, key)))
                .post("/v1/b")
                .then()
                .statusCode(200)
                .header("RateLimit-Remaining", notNullValue())
                .body("results[0].status", equalTo("accepted"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(anonymousId) == 2);
    }

    @Test
    void aBrowserOriginIsCheckedAndAnAllowedOneGetsCorsHeaders() throws Throwable {
        String key = create(web(SHOP, 1_000, 1_000)).key();
        String refused = SpecIngestTest.unique("door-evil-origin");
        send(null, "/v1/t", track(refused, key), "https://evil.example")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("https://newsmell.dev/problems/origin-not-allowed"));
        send(key, "/v1/batch", batch(refused, null), "https://evil.example")
                .then()
                .statusCode(403);

        String allowed = SpecIngestTest.unique("door-good-origin");
        send(null, "/v1/t", track(allowed, key), SHOP)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("RateLimit-Remaining", notNullValue());
        for (String path : List.of("/v1/batch", "/v1/track", "/v1/p")) {
            given().auth()
                    .none()
                    .header("Origin", "https://elsewhere.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type,content-encoding")
                    .options(path)
                    .then()
                    .statusCode(204)
                    .header("Access-Control-Allow-Origin", "https://elsewhere.example")
                    .header("Access-Control-Allow-Headers", containsString("content-encoding"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(allowed) == 1);
        assertThat(stored(refused)).isZero();
        assertThat(onTopic(refused)).isZero();
    }

    @Test
    void theSettingsAreReadableFromAnyOrigin() throws Throwable {
        String key = create(web(SHOP, 1_000, 1_000)).key();
        // a shop's page fetches them cross-origin, whatever the service-wide CORS list says
        for (String settings : List.of("/v1/projects/" + key + "/settings", "/sourceConfig?writeKey=" + key)) {
            given().auth()
                    .none()
                    .header("Origin", "https://elsewhere.example")
                    .get(settings)
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", "*");
        }
        given().auth()
                .none()
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/sourceConfig")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "https://elsewhere.example")
                .header("Access-Control-Allow-Headers", containsString("authorization"));
    }

    @Test
    void aBurstPastTheKeysLimitGets429AndExactlyThe200sAreStored() throws Throwable {
        String key = create(web(SHOP, 1, 5)).key();
        String anonymousId = SpecIngestTest.unique("door-burst");
        // alternately the key in the body (text/plain short path) and in the header: one bucket
        Bursts burst = Bursts.send(
                12,
                200,
                5,
                i -> i % 2 == 0
                        ? send(null, "/v1/t", track(anonymousId, key), SHOP)
                        : send(key, "/v1/track", track(anonymousId, null)));
        int accepted = burst.accepted();
        assertThat(burst.refusals())
                .as("the page may read a refusal from an allowed origin")
                .anySatisfy(
                        r -> assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(SHOP));
        assertThat(accepted).isBetween(5, 7);
        int expected = accepted;
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(anonymousId) == expected);
        assertThat(onTopic(anonymousId)).isEqualTo(expected);
    }

    private WriteKeyView create(ObjectNode body) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> keys.create(body));
    }

    private static ObjectNode web(String origin, int ratePerSecond, int burst) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("source", "web")
                .put("ratePerSecond", ratePerSecond)
                .put("burst", burst);
        body.putArray("allowedOrigins").add(origin);
        return body;
    }

    /** A track of its own messageId, with the key in the body when {@code bodyKey} is given. */
    private static String track(String anonymousId, String bodyKey) {
        return "{" + (bodyKey == null ? "" : "\"writeKey\":\"" + bodyKey + "\",")
                + "\"event\":\"Product Viewed\",\"anonymousId\":\"" + anonymousId + "\",\"messageId\":\""
                + UUID.randomUUID() + "\",\"properties\":{\"product_id\":\"p-door\"}}";
    }

    private static String batch(String anonymousId, String bodyKey) {
        return "{" + (bodyKey == null ? "" : "\"writeKey\":\"" + bodyKey + "\",")
                + "\"batch\":[{\"type\":\"page\",\"name\":\"Home\",\"anonymousId\":\"" + anonymousId
                + "\",\"messageId\":\"" + UUID.randomUUID() + "\"}]}";
    }

    private static Response send(String headerKey, String path, String body) {
        return send(headerKey, path, body, null);
    }

    /** The key as the Basic-auth user name (null: none), JSON, or text/plain as analytics-next sends its short paths. */
    private static Response send(String headerKey, String path, String body, String origin) {
        RequestSpecification request = headerKey == null
                ? given().auth().none().contentType("text/plain")
                : given().auth().preemptive().basic(headerKey, "").contentType("application/json");
        // a client address of its own, so that the address's bucket is not what these tests measure
        request = request.header("X-Forwarded-For", address()).body(body);
        if (origin != null) {
            request = request.header("Origin", origin);
        }
        return request.post(path);
    }

    private static String address() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private static long stored(String anonymousId) {
        return Sql.count(
                CollectorTestResource.DATABASE,
                "select count(*) from user_interaction_event where anonymous_id = ?",
                anonymousId);
    }

    private static long onTopic(String anonymousId) {
        return TopicReader.readAll(CollectorTestResource.interactionsTopic()).stream()
                .filter(r -> anonymousId.equals(r.key()))
                .count();
    }
}
