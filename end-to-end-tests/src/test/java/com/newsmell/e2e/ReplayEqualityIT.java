package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.newsmell.infra.Infra;
import com.newsmell.infra.KafkaBroker;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.TopicReader;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, ADR 0045 and 0059: replay equality for perfume-stats-service, from PostgreSQL and from the Parquet
 * archive, in the shared system. The shared collector (which accepts events 200 days late) takes two scripted streams,
 * one of 40 days ago and one of 150 days ago, which the shared perfume-stats-service consumes (the live numbers); the
 * old month is archived by event-archiver and dropped from PostgreSQL. Two replays, one per stream's window, go to a
 * second deployment of perfume-stats-service on an empty database (the replay's target
 * {@code perfume-stats-service-rebuild-<run>}, a topic of its own): the collector publishes the recent window from
 * PostgreSQL, event-archiver's replay command the old one from Parquet. Once both are done, every perfume's numbers
 * equal the live ones.
 */
class ReplayEqualityIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    /** The perfume statistics that a replay must reproduce (not the hourly job's windows and score). */
    private static final List<String> FIGURES = List.of(
            "totalViews",
            "lastViewedAt",
            "uniqueViewers",
            "avgViewDurationMs",
            "totalRatings",
            "ratingSum",
            "avgRating",
            "inWishlistCount",
            "inCollectionCount",
            "searchImpressions",
            "searchClicks",
            "recommendationImpressions",
            "recommendationClicks",
            "houseId");

    @Test
    void aReplayIntoAnEmptyDatabaseFromPostgresAndParquetGivesTheLiveNumbers() throws Exception {
        RunningSystem system = RunningSystem.shared();
        String collector = system.url(RunningSystem.COLLECTOR);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String target = "perfume-stats-service-rebuild-" + run;
        String bootstrap = Infra.shared().kafkaBootstrapServers();
        KafkaBroker.createTopics(bootstrap, Map.of(ServiceConfig.replayPrefix(Infra.shared()) + target, 4));
        Instant now = Instant.now();
        ScriptedStream recent = new ScriptedStream(now.minus(40, ChronoUnit.DAYS));
        ScriptedStream old = new ScriptedStream(now.minus(150, ChronoUnit.DAYS));

        // The rebuilt service: a second deployment on an empty database that reads only its replay topic (and the
        // catalog, erasures), in consumer groups of its own; started first, so that it starts while the rest runs.
        ServiceProcess rebuilt = ServiceProcess.start(
                RunningSystem.repo(),
                "perfume-stats-service",
                "perfume_stats_rebuilt_" + run,
                rebuildConfig(run, target),
                target);
        try {
            for (ScriptedStream stream : List.of(recent, old)) {
                given().baseUri(collector)
                        .contentType(ContentType.JSON)
                        .body(stream.batchBody())
                        .post("/v1/events/batch")
                        .then()
                        .statusCode(202);
            }
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(collector)
                            .queryParam("sessionId", old.sessionA1)
                            .get("/v1/events")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize((int) old.eventsOf(old.sessionA1))));
            // The old month: its partition marked cold by the collector's job, archived and dropped.
            given().baseUri(collector)
                    .queryParam("now", now.toString())
                    .post("/v1/jobs/partitions/runs")
                    .then()
                    .statusCode(200);
            Archive archive = Archive.shared();
            archive.run("--now=" + now);
            given().baseUri(collector)
                    .queryParam("sessionId", old.sessionA1)
                    .get("/v1/events")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));

            String interactions = Infra.shared().topic(ServiceConfig.INTERACTIONS);
            await().atMost(WAIT)
                    .until(() -> TopicReader.committedOffsets("perfume-stats-service", interactions)
                            == TopicReader.endOffsets(interactions));
            Map<String, Map<String, Object>> liveNumbers =
                    numbers(system.url(RunningSystem.PERFUME_STATS), recent, old);

            String fromPostgres = replay(collector, target, recent);
            String fromParquet = replay(collector, target, old);
            archive.run("replay");
            rebuilt.awaitReady(Duration.ofMinutes(4));
            for (var replay : Map.of(fromPostgres, recent, fromParquet, old).entrySet()) {
                String source = replay.getKey().equals(fromPostgres) ? "postgres" : "parquet";
                await().atMost(WAIT)
                        .untilAsserted(() -> given().baseUri(collector)
                                .get("/v1/replays/" + replay.getKey())
                                .then()
                                .statusCode(200)
                                .body("status", equalTo("done"))
                                .body("published", equalTo(replay.getValue().size()))
                                .body(
                                        "sources.find { it.source == '" + source + "' }.published",
                                        equalTo(replay.getValue().size()))
                                .body(
                                        "consumed.received",
                                        equalTo(replay.getValue().size()))
                                .body("consumed.deadLettered", equalTo(0)));
            }

            assertThat(numbers(rebuilt.baseUrl(), recent, old)).isEqualTo(liveNumbers);
        } finally {
            rebuilt.close();
        }
    }

    /** Replays the stream's window to the target; answers the replay's id. */
    private static String replay(String collector, String target, ScriptedStream stream) {
        return given().baseUri(collector)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "service",
                        "perfume-stats-service",
                        "target",
                        target,
                        "from",
                        stream.start.minus(1, ChronoUnit.MINUTES).toString(),
                        "to",
                        stream.start.plus(2, ChronoUnit.HOURS).toString()))
                .post("/v1/replays")
                .then()
                .statusCode(202)
                .body("topic", equalTo(ServiceConfig.replayPrefix(Infra.shared()) + target))
                .extract()
                .path("replayId");
    }

    /** Every perfume's figures of both streams, as the service answers them. */
    private static Map<String, Map<String, Object>> numbers(String baseUrl, ScriptedStream... streams) {
        Map<String, Map<String, Object>> numbers = new LinkedHashMap<>();
        for (ScriptedStream stream : streams) {
            for (String perfume : List.of(stream.p1, stream.p2, stream.p3, stream.p4)) {
                Map<String, Object> stats = given().baseUri(baseUrl)
                        .get("/v1/perfumes/" + perfume + "/stats")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("");
                Map<String, Object> figures = new LinkedHashMap<>();
                FIGURES.forEach(f -> figures.put(f, stats.get(f)));
                numbers.put(perfume, figures);
            }
        }
        assertThat(numbers.values())
                .anySatisfy(f -> assertThat(f.get("totalViews")).isNotEqualTo(0));
        return numbers;
    }

    /**
     * The rebuilding deployment's configuration: its replay target; no live topics (an interaction topic and a view
     * audit of its own, empty); consumer groups of its own for what it shares with the live service (the catalog and
     * the erasure requests, each read whole).
     */
    private static Map<String, String> rebuildConfig(String run, String target) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("newsmell.replay.target", target);
        config.put("newsmell.topics.interactions", "replay-it-none-" + run);
        config.put("newsmell.topics.perfume-view-audit", "replay-it-none-audit-" + run);
        for (String channel : List.of("interactions", "perfume-view-audit", "perfume-catalog", "privacy-requests")) {
            config.put("mp.messaging.incoming." + channel + ".group.id", target + "-" + channel);
        }
        return config;
    }
}
