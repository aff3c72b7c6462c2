package com.newsmell.collector.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.contract.ReplayAck;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/replays against Kafka and PostgreSQL (ADR 0045): the postgres source publishes the range's raw events to
 * the service's replay topic with the replay's id; the service's acknowledgements (once per batch) complete it; an
 * archived month of the range is left to the parquet source; bad input is a problem naming the field and rule.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class ReplayResourceTest {

    private static final String DB = CollectorTestResource.DATABASE;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void thePostgresSourcePublishesTheRangeAndTheServiceAcknowledgementsCompleteIt() {
        String session = TestEvents.sessionId("replay");
        List<ObjectNode> events = List.of(
                TestEvents.pageView(session),
                TestEvents.perfumeView(session, "perfume-r1"),
                TestEvents.rating(session, "perfume-r1", 4));
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        given().contentType(ContentType.JSON)
                .body(TestEvents.batch(events.toArray(ObjectNode[]::new)))
                .post("/v1/events/batch")
                .then()
                .statusCode(202);
        await().atMost(WAIT)
                .until(() -> Sql.count(DB, "select count(*) from user_interaction_event where session_id = ?", session)
                        == 3);

        String id = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "service", "perfume-stats-service",
                        "from", from.toString(),
                        "to", Instant.now().plusMillis(1).toString()))
                .post("/v1/replays")
                .then()
                .statusCode(202)
                .body("service", equalTo("perfume-stats-service"))
                .body("topic", equalTo(ServiceConfig.replayPrefix(Infra.shared()) + "perfume-stats-service"))
                .extract()
                .path("replayId");
        String topic = ServiceConfig.replayPrefix(Infra.shared()) + "perfume-stats-service";
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/replays/" + id)
                        .then()
                        .statusCode(200)
                        .body("sources.find { it.source == 'postgres' }.status", equalTo("done"))
                        .body("status", equalTo("applying")));
        int published = given().get("/v1/replays/" + id).then().extract().path("published");
        List<TopicReader.Read> ours = TopicReader.readAll(topic).stream()
                .filter(r -> id.equals(r.headers().get("replay-id")))
                .toList();
        assertThat(ours).hasSize(published);
        assertThat(ours.stream().filter(r -> session.equals(r.key())).map(TopicReader.Read::value))
                .hasSize(3)
                .allSatisfy(v -> assertThat(events.stream()
                                .anyMatch(e -> v.contains(e.get("eventId").asText())))
                        .isTrue());

        String acks = Infra.shared().topic(ServiceConfig.REPLAY_ACKS);
        // acknowledged by offset (ADR 0059): a redelivery that splits the records otherwise counts every offset once
        TopicReader.write(
                acks,
                List.of(
                        ack(id, 0, "a".repeat(published - 2)),
                        ack(id, 0, "a".repeat(published - 3)),
                        ack(id, published - 3, "a-ad")));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/replays/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("done"))
                        .body("consumed.received", equalTo(published))
                        .body("consumed.applied", equalTo(published - 1))
                        .body("consumed.dropped", equalTo(1)));
        given().queryParam("limit", 1000)
                .get("/v1/replays")
                .then()
                .statusCode(200)
                .body("items.replayId", hasItem(id));
    }

    @Inject
    ReplayPublisher publisher;

    @Test
    void aReplayCutShortResumesFromItsCursorWhenTheCollectorStarts() {
        // three events in a window of their own, two days ago
        Instant at = Instant.now()
                .minus(2, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .plusMillis((long) (Math.random() * 3_600_000));
        String session = TestEvents.sessionId("resume");
        List<ObjectNode> events = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode event = TestEvents.pageView(session);
            event.put("timestamp", at.plusMillis(i).toString());
            events.add(event);
        }
        given().contentType(ContentType.JSON)
                .body(TestEvents.batch(events.toArray(ObjectNode[]::new)))
                .post("/v1/events/batch")
                .then()
                .statusCode(202);
        await().atMost(WAIT)
                .until(() -> Sql.count(DB, "select count(*) from user_interaction_event where session_id = ?", session)
                        == 3);
        // a collector stopped after publishing the first page (of one event): the source is running, its cursor on
        // the first event
        String id = UUID.randomUUID().toString();
        String topic = ServiceConfig.replayPrefix(Infra.shared()) + "session-service-resume";
        Sql.query(
                DB,
                "insert into replay (replay_id, service, topic, from_time, to_time) values (cast(? as uuid),"
                        + " 'session-service', ?, cast(? as timestamptz), cast(? as timestamptz))",
                id,
                topic,
                at.toString(),
                at.plusMillis(3).toString());
        Sql.query(
                DB,
                "insert into replay_source (replay_id, source, status, published, cursor_time, cursor_event_id,"
                        + " started_at) select cast(? as uuid), 'postgres', 'running', 1, timestamp, event_id, now()"
                        + " from user_interaction_event where session_id = ? order by timestamp, event_id limit 1",
                id,
                session);

        publisher.resumeUnfinished(null);

        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/replays/" + id)
                        .then()
                        .statusCode(200)
                        .body("sources.find { it.source == 'postgres' }.status", equalTo("done"))
                        .body("published", equalTo(3)));
        assertThat(TopicReader.readAll(topic).stream()
                        .filter(r -> id.equals(r.headers().get("replay-id")))
                        .map(TopicReader.Read::value))
                .hasSize(2)
                .allSatisfy(v -> assertThat(v)
                        .doesNotContain(events.get(0).get("eventId").asText()));
    }

    @Test
    void anArchivedMonthOfTheRangeIsLeftToTheParquetSource() {
        Sql.query(
                DB,
                "insert into interaction_partition_tier (partition_name, month, tier) values"
                        + " ('user_interaction_event_2025_02', date '2025-02-01', 'archived') on conflict do nothing");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "service",
                        "session-service",
                        "target",
                        "session-service-rebuild",
                        "from",
                        "2025-01-15T00:00:00Z",
                        "to",
                        "2025-03-01T00:00:00Z"))
                .post("/v1/replays")
                .then()
                .statusCode(202)
                .header("Location", notNullValue())
                .body("topic", equalTo(ServiceConfig.replayPrefix(Infra.shared()) + "session-service-rebuild"))
                .extract()
                .path("replayId");
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/replays/" + id)
                        .then()
                        .statusCode(200)
                        .body("sources.find { it.source == 'postgres' }.status", equalTo("done"))
                        .body("sources.find { it.source == 'parquet' }.status", equalTo("pending"))
                        .body("sources.find { it.source == 'parquet' }.months", equalTo(List.of("2025-02-01")))
                        .body("status", equalTo("publishing")));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndRule() {
        problem(Map.of("service", "nope-service", "from", "2026-01-01T00:00:00Z", "to", "2026-01-02T00:00:00Z"))
                .body("errors[0].pointer", equalTo("/service"))
                .body("errors[0].rule", equalTo("enum"));
        problem(Map.of("service", "session-service", "from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .body("errors[0].pointer", equalTo("/to"))
                .body("errors[0].rule", equalTo("after-from"));
        problem(Map.of("service", "session-service", "from", "2020-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .body("errors[0].rule", equalTo("max-range"));
        problem(Map.of("service", "session-service", "from", "yesterday", "to", "2026-01-01T00:00:00Z"))
                .body("errors[0].pointer", equalTo("/from"))
                .body("errors[0].rule", equalTo("format"));
        problem(Map.of("service", "session-service", "from", "2026-01-01T00:00:00Z", "to", "2999-01-01T00:00:00Z"))
                .body("errors.rule", hasItem("not-future"));
        problem(Map.of()).body("errors.pointer", hasItem("/service"));
        problem(Map.of(
                        "service",
                        "session-service",
                        "target",
                        "profile-service",
                        "from",
                        "2026-01-01T00:00:00Z",
                        "to",
                        "2026-01-02T00:00:00Z"))
                .body("errors[0].pointer", equalTo("/target"))
                .body("errors[0].rule", equalTo("pattern"));
        given().contentType(ContentType.JSON)
                .body("[1, 2]")
                .post("/v1/replays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{not json")
                .post("/v1/replays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/v1/replays/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/replays/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].rule", equalTo("uuid"));
        given().queryParam("limit", 0)
                .get("/v1/replays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(Sql.count(DB, "select count(*) from replay where service = 'nope-service'"))
                .isZero();
    }

    private static Map.Entry<String, String> ack(String replay, long first, String outcomes) {
        return Map.entry(
                replay,
                new ReplayAck(
                                replay,
                                "perfume-stats-service",
                                "0@" + first,
                                outcomes.replace("-", "").length(),
                                0,
                                0,
                                0,
                                List.of(new ReplayAck.PartitionOutcomes(0, first, outcomes)))
                        .toJson());
    }

    private static io.restassured.response.ValidatableResponse problem(Map<String, String> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/replays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
