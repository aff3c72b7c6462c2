package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.newsmell.infra.Credentials;
import com.newsmell.infra.Infra;
import com.newsmell.infra.KafkaBroker;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.TopicReader;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, ADR 0045: replay equality for perfume-stats-service, from PostgreSQL and from the Parquet archive. A
 * collector that accepts events 200 days late takes two scripted streams, one of today and one of about 150 days ago,
 * which the live perfume-stats-service consumes; the old month is archived by event-archiver and dropped from
 * PostgreSQL. A replay of the whole range is requested; the collector publishes today's events from PostgreSQL and
 * event-archiver's replay command the old ones from Parquet, to a fresh perfume-stats-service on an empty database.
 * Once the replay is done, every perfume's numbers equal the live ones.
 *
 * <p>Its own processes on topics of its own (not the shared system, which must not see these events): the collector,
 * the live and the rebuilt perfume-stats-service, and two runs of event-archiver.
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
        Path repo = Path.of("").toAbsolutePath().getParent();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String live = "replay-it-" + run;
        String prefix = "replay-it-" + run + ".";
        String acks = "replay-it-acks-" + run;
        KafkaBroker.createTopics(
                Infra.shared().kafkaBootstrapServers(), Map.of(live, 4, prefix + "perfume-stats-service", 4, acks, 4));
        Path archive = Files.createTempDirectory("replay-it-archive");
        Map<String, String> archiveDirs = Map.of(
                "newsmell.archiver.local-dir", archive.toString(),
                "newsmell.archiver.work-dir", archive.resolve("work").toString());
        Instant now = Instant.now();
        ScriptedStream today = new ScriptedStream();
        ScriptedStream old = new ScriptedStream(now.minus(150, ChronoUnit.DAYS));

        // The rebuilt service is a fresh deployment on an empty database, started with the others (it reads only its
        // replay topic, empty until the replay), so that the three start in parallel.
        ServiceProcess collector = ServiceProcess.start(
                repo,
                "event-collector",
                "collector_replay",
                topics(live, prefix, acks, Map.of("newsmell.collector.accepted-lateness", "P200D")),
                "event-collector-replay");
        ServiceProcess stats = ServiceProcess.start(
                repo,
                "perfume-stats-service",
                "perfume_stats_live",
                topics(live, prefix + "unused.", acks, Map.of()),
                "perfume-stats-live");
        ServiceProcess rebuilt = ServiceProcess.start(
                repo,
                "perfume-stats-service",
                "perfume_stats_rebuilt",
                topics("replay-it-none-" + run, prefix, acks, Map.of()),
                "perfume-stats-rebuilt");
        try {
            CompletableFuture.allOf(Stream.of(collector, stats, rebuilt)
                            .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofMinutes(4))))
                            .toArray(CompletableFuture[]::new))
                    .join();
            String writeKey = Credentials.createWriteKey(collector.baseUrl(), "server");
            for (ScriptedStream stream : List.of(today, old)) {
                given().baseUri(collector.baseUrl())
                        .auth()
                        .preemptive()
                        .basic(writeKey, "")
                        .contentType(ContentType.JSON)
                        .body(stream.batchBody())
                        .post("/v1/events/batch")
                        .then()
                        .statusCode(202);
            }
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(collector.baseUrl())
                            .queryParam("sessionId", old.sessionA1)
                            .get("/v1/events")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize((int) old.eventsOf(old.sessionA1))));
            // The old month: its partition made and marked cold by the collector's job, archived and dropped.
            given().baseUri(collector.baseUrl())
                    .queryParam("now", now.toString())
                    .post("/v1/jobs/partitions/runs")
                    .then()
                    .statusCode(200);
            ServiceProcess.runToEnd(
                    repo,
                    "event-archiver",
                    "collector_replay",
                    archiveDirs,
                    List.of("--now=" + now),
                    Duration.ofMinutes(3));
            given().baseUri(collector.baseUrl())
                    .queryParam("sessionId", old.sessionA1)
                    .get("/v1/events")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));

            await().atMost(WAIT)
                    .until(() -> TopicReader.committedOffsets("perfume-stats-service", live)
                            == TopicReader.endOffsets(live));
            Map<String, Map<String, Object>> liveNumbers = numbers(stats.baseUrl(), today, old);

            String replay = given().baseUri(collector.baseUrl())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "service",
                            "perfume-stats-service",
                            "from",
                            now.minus(200, ChronoUnit.DAYS).toString(),
                            "to",
                            Instant.now().toString()))
                    .post("/v1/replays")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("replayId");
            ServiceProcess.runToEnd(
                    repo, "event-archiver", "collector_replay", archiveDirs, List.of("replay"), Duration.ofMinutes(3));
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(collector.baseUrl())
                            .get("/v1/replays/" + replay)
                            .then()
                            .statusCode(200)
                            .body("status", equalTo("done"))
                            .body("sources.find { it.source == 'postgres' }.published", equalTo(today.size()))
                            .body("sources.find { it.source == 'parquet' }.published", equalTo(old.size()))
                            .body("consumed.received", equalTo(today.size() + old.size()))
                            .body("consumed.deadLettered", equalTo(0)));

            assertThat(numbers(rebuilt.baseUrl(), today, old)).isEqualTo(liveNumbers);
        } finally {
            Stream.of(collector, stats, rebuilt).parallel().forEach(ServiceProcess::close);
        }
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

    private static Map<String, String> topics(String live, String prefix, String acks, Map<String, String> more) {
        Map<String, String> config = new LinkedHashMap<>(more);
        config.put("newsmell.topics.interactions", live);
        config.put("newsmell.topics.replay-prefix", prefix);
        config.put("newsmell.topics.replay-acks", acks);
        return config;
    }
}
