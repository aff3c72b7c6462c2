package com.newsmell.collector.segment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestWriteKey;
import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, Segment-spec ingest (ADR 0060-0062) against the real broker and PostgreSQL: the endpoints, the mapping as
 * stored, identity links, dead letters, gzip, limits, write keys and the settings documents.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class SpecIngestTest {

    static String unique(String marker) {
        return marker + "-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String path, String body) {
        return given().auth()
                .preemptive()
                .basic(TestWriteKey.key(), "")
                .contentType("application/json")
                .body(body)
                .post(path)
                .then();
    }

    static List<Map<String, Object>> rows(String anonymousId) {
        return Sql.query(
                CollectorTestResource.DATABASE,
                "select event_id::text as event_id, event_type, session_id, anonymous_id, user_id, perfume_id,"
                        + " path, timestamp, recommendation_id, event_data::text as event_data"
                        + " from user_interaction_event where anonymous_id = ? order by timestamp",
                anonymousId);
    }

    @Test
    void aBatchIsMappedStoredLinkedAndDeadLetteredPerMessage() {
        String anonymousId = unique("anon");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant clientTime = now.plus(Duration.ofHours(2)); // a client clock two hours ahead
        Instant sentAt = clientTime.plusSeconds(5);
        String batch = "{\"sentAt\":\"" + sentAt + "\",\"batch\":["
                + "{\"type\":\"track\",\"event\":\"Product Viewed\",\"anonymousId\":\"" + anonymousId + "\","
                + "\"messageId\":\"m-1-" + anonymousId + "\",\"timestamp\":\"" + clientTime + "\","
                + "\"properties\":{\"product_id\":\"p-4\",\"name\":\"Oud Wood\"},"
                + "\"context\":{\"page\":{\"path\":\"/perfumes/p-4\"},\"ip\":\"203.0.113.77\"}},"
                + "{\"type\":\"track\",\"event\":\"Product Clicked\",\"anonymousId\":\"" + anonymousId + "\","
                + "\"timestamp\":\"" + clientTime.plusSeconds(1) + "\","
                + "\"properties\":{\"product_id\":\"p-5\",\"recommendation_id\":\"r-1\",\"position\":2}},"
                + "{\"type\":\"identify\",\"anonymousId\":\"" + anonymousId + "\",\"userId\":\"u-" + anonymousId
                + "\",\"traits\":{\"email\":\"someone@example.com\"}},"
                + "{\"type\":\"group\",\"anonymousId\":\"" + anonymousId + "\",\"groupId\":\"g-1\"},"
                + "{\"type\":\"track\",\"event\":\"Signed Up\",\"anonymousId\":\"" + anonymousId + "\"}]}";

        post("/v1/batch", batch)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("accepted", equalTo(3))
                .body("rejected", equalTo(2))
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].eventId", equalTo(SpecIds.eventId(TestWriteKey.id(), "m-1-" + anonymousId)))
                .body("results[1].status", equalTo("accepted"))
                .body("results[2].status", equalTo("linked"))
                .body("results[3].status", equalTo("rejected"))
                .body("results[3].errors[0].pointer", equalTo("/batch/3/type"))
                .body("results[3].errors[0].rule", equalTo("unmapped"))
                .body("results[4].errors[0].pointer", equalTo("/batch/4/event"));

        List<Map<String, Object>> stored =
                await().atMost(Duration.ofSeconds(30)).until(() -> rows(anonymousId), r -> r.size() == 2);
        Map<String, Object> view = stored.get(0);
        assertThat(view.get("event_type")).isEqualTo("PERFUME_VIEW");
        assertThat(view.get("perfume_id")).isEqualTo("p-4");
        assertThat(view.get("path")).isEqualTo("/perfumes/p-4");
        assertThat(view.get("session_id")).isNull();
        assertThat(view.get("event_data").toString()).contains("Oud Wood").doesNotContain("product_id");
        // receivedAt - (sentAt - timestamp): the two hours cancel out
        Instant stamped = ((java.sql.Timestamp) view.get("timestamp")).toInstant();
        assertThat(Duration.between(now.minusSeconds(5), stamped).abs()).isLessThan(Duration.ofSeconds(30));
        Map<String, Object> click = stored.get(1);
        assertThat(click.get("event_type")).isEqualTo("RECOMMENDATION_CLICKED");
        assertThat(click.get("recommendation_id")).isEqualTo("r-1");
        assertThat(click.get("event_data").toString()).contains("\"position\": 1");

        // keyed by the anonymousId, so one visitor's events stay in order
        assertThat(TopicReader.readAll(CollectorTestResource.interactionsTopic()))
                .filteredOn(r -> r.value().contains(anonymousId))
                .extracting(TopicReader.Read::key)
                .containsOnly(anonymousId);
        TopicReader.Read link = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> TopicReader.readAll(CollectorTestResource.identityLinksTopic()).stream()
                                .filter(r -> anonymousId.equals(r.key()))
                                .toList(),
                        l -> l.size() == 1)
                .get(0);
        assertThat(link.value()).contains("\"userId\":\"u-" + anonymousId + "\"", "\"via\":\"identify\"");
        assertThat(link.value()).as("no trait is kept by default").doesNotContain("someone@example.com");
        List<TopicReader.Read> dead = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> TopicReader.deadLetters(CollectorTestResource.deadLetterTopic(), anonymousId),
                        l -> l.size() == 2);
        assertThat(dead)
                .extracting(r -> r.headers().get(DeadLetterHeaders.REASON))
                .anyMatch(reason -> reason.contains("/batch/3/type") && reason.contains("unmapped"))
                .anyMatch(reason -> reason.contains("Signed Up"));
    }

    @Test
    void aGzippedResentBatchIsStoredOnce() throws IOException {
        String anonymousId = unique("gzip");
        String batch = "{\"batch\":[{\"type\":\"page\",\"name\":\"Home\",\"anonymousId\":\"" + anonymousId
                + "\",\"messageId\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"" + Instant.now() + "\"}]}";
        byte[] gzipped = SpecBodyTest.gzip(batch);
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth()
                    .preemptive()
                    .basic(TestWriteKey.key(), "")
                    .contentType("application/json")
                    .header("Content-Encoding", "gzip")
                    .body(gzipped)
                    .post("/v1/batch")
                    .then()
                    .statusCode(200)
                    .body("results[0].status", equalTo("accepted"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(CollectorTestResource.interactionsTopic()).stream()
                                .filter(r -> anonymousId.equals(r.key()))
                                .count()
                        == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(anonymousId).size() == 1);
        String marker = unique("after-gzip");
        post("/v1/page", "{\"anonymousId\":\"" + marker + "\"}").statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(marker).size() == 1);
        assertThat(rows(anonymousId)).hasSize(1);
        assertThat(rows(anonymousId).get(0).get("event_type")).isEqualTo("PAGE_VIEW");
    }

    @Test
    void theBrowsersShortPathsTakeTextPlainWithTheWriteKeyInTheBody() {
        String anonymousId = unique("short");
        for (int attempt = 0; attempt < 2; attempt++) { // sent twice, stored once
            given().contentType("text/plain")
                    .body("{\"writeKey\":\"" + TestWriteKey.key() + "\",\"event\":\"WISHLIST_ADD\",\"messageId\":\"ajs-"
                            + anonymousId
                            + "\"," + "\"anonymousId\":\"" + anonymousId
                            + "\",\"properties\":{\"product_id\":\"p-1\"}}")
                    .post("/v1/t")
                    .then()
                    .statusCode(200)
                    .body("results[0].status", equalTo("accepted"));
        }
        given().contentType("text/plain")
                .body("{\"writeKey\":\"" + TestWriteKey.key() + "\",\"batch\":[{\"type\":\"alias\",\"previousId\":\""
                        + anonymousId + "\",\"userId\":\"u-1\"}]}")
                .post("/v1/b")
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("linked"));
        given().contentType("text/plain")
                .body("{\"writeKey\":\"" + TestWriteKey.key() + "\",\"name\":\"Home\",\"anonymousId\":\"" + anonymousId
                        + "\"}")
                .post("/v1/p")
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("accepted"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(anonymousId).size() == 2);
        assertThat(rows(anonymousId))
                .extracting(r -> r.get("event_type"))
                .containsExactlyInAnyOrder("WISHLIST_ADD", "PAGE_VIEW");
    }

    @Test
    void limitsKeysAndBrokenBodiesAreProblems() {
        String pad = "x".repeat(33_000);
        post("/v1/track", "{\"anonymousId\":\"a\",\"event\":\"PAGE_VIEW\",\"properties\":{\"pad\":\"" + pad + "\"}}")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].rule", equalTo("max-event-bytes"));
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 16; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"page\",\"anonymousId\":\"a\",\"name\":\"")
                    .append(pad)
                    .append("\"}");
        }
        post("/v1/batch", batch.append("]}").toString())
                .statusCode(413)
                .body("errors[0].rule", equalTo("max-batch-bytes"));
        String anonymousId = unique("oversize-item");
        post(
                        "/v1/batch",
                        "{\"batch\":[{\"type\":\"page\",\"anonymousId\":\"" + anonymousId + "\",\"name\":\"" + pad
                                + "\"},{\"type\":\"page\",\"anonymousId\":\"" + anonymousId + "\"}]}")
                .statusCode(200)
                .body("results[0].errors[0].rule", equalTo("max-event-bytes"))
                .body("results[1].status", equalTo("accepted"));
        given().auth()
                .none()
                .contentType("application/json")
                .body("{\"anonymousId\":\"a\"}")
                .post("/v1/page")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"));
        post("/v1/track", "{\"anonymousId\":").statusCode(400).body("errors[0].rule", equalTo("syntax"));
        post("/v1/batch", "{\"batch\":{}}").statusCode(400).body("errors[0].pointer", equalTo("/batch"));
        given().auth()
                .preemptive()
                .basic(TestWriteKey.key(), "")
                .header("Content-Encoding", "gzip")
                .body("not gzip")
                .post("/v1/batch")
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("encoding"));
    }

    @Test
    void theSettingsPointTheBrowserSdksBackAtTheCollector() {
        given().header("Host", "collector.test:8080")
                .get("/v1/projects/" + TestWriteKey.key() + "/settings")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("integrations.'Segment.io'.apiKey", equalTo(TestWriteKey.key()))
                .body("integrations.'Segment.io'.apiHost", equalTo("collector.test:8080/v1"))
                .body("integrations.'Segment.io'.protocol", equalTo("http"))
                .body("remotePlugins.size()", equalTo(0));
        given().auth()
                .preemptive()
                .basic(TestWriteKey.key(), "")
                .get("/sourceConfig?p=npm&v=3.0.0")
                .then()
                .statusCode(200)
                .body("source.writeKey", equalTo(TestWriteKey.key()))
                .body("source.enabled", equalTo(true))
                .body("source.destinations.size()", equalTo(0));
        given().auth().none().get("/sourceConfig").then().statusCode(401);
    }
}
