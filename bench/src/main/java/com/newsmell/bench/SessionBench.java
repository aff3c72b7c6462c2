package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.simulator.CollectorClient;
import com.newsmell.simulator.RunReport;
import com.newsmell.simulator.Simulator;
import com.newsmell.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * session-service's benchmarks, in one run on one Kafka broker and one PostgreSQL server:
 *
 * <ol>
 *   <li>sustained consumption: the traffic simulator sends {@code --events} events through the collector at max
 *       rate while session-service consumes them (claim, store the session events, re-fold every touched session
 *       and its searches, rollup deltas); events/s = events / (first send → the service's consumer group has
 *       committed the end of the topic); against {@code kafka-consumer-perf-test} (ConsumerPerformance) reading
 *       the same topic in the same run;
 *   <li>freshness: while the simulator sends {@code --load-rate} events/s, {@code --probes} probe page views of
 *       fresh sessions go through the collector; the time from the collector's 202 to the session being visible
 *       in {@code GET /v1/sessions/{sessionId}} (p50, p99).
 * </ol>
 *
 * <p>Usage: {@code SessionBench [--events N] [--probes N] [--load-rate R] [--concurrency C] [--repo DIR]}.
 */
public final class SessionBench {

    private static final String GROUP = "session-service";
    private static final String DATABASE = "session";
    private static final Duration READY = Duration.ofMinutes(3);

    private long events = 20_000;
    private int probes = 200;
    private int loadRate = 500;
    private int concurrency = 4;
    private Path repo = Path.of("..").toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newHttpClient();
    private Infra infra;
    private Path work;

    public static void main(String[] args) {
        SessionBench bench = new SessionBench();
        int exit = 0;
        try {
            bench.parse(args);
            bench.run();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit); // Infra's shutdown hook stops Kafka and PostgreSQL
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(v);
                case "--probes" -> probes = Integer.parseInt(v);
                case "--load-rate" -> loadRate = Integer.parseInt(v);
                case "--concurrency" -> concurrency = Integer.parseInt(v);
                case "--repo" -> repo = Path.of(v).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
    }

    private void run() throws Exception {
        log("starting Kafka and PostgreSQL ...");
        infra = Infra.shared();
        work = Files.createDirectories(
                Path.of("target", "bench-" + infra.runId()).toAbsolutePath());
        log("machine: %s", Machine.describe(infra).oneLine());
        String topic = infra.topic(ServiceConfig.INTERACTIONS);
        try (ServiceProcess collector = ServiceProcess.start(repo, "event-collector", "collector", Map.of())
                        .awaitReady(READY);
                ServiceProcess sessions = ServiceProcess.start(
                                repo, "session-service", DATABASE, Map.of("newsmell.session.rollup-every", "off"))
                        .awaitReady(READY)) {
            log(
                    "collector at %s, session-service at %s (logs: %s, %s)",
                    collector.baseUrl(), sessions.baseUrl(), collector.log(), sessions.log());

            // ---- 1. sustained consumption
            Instant start = Instant.now();
            RunReport sent = Simulator.run(SimulatorOptions.defaults()
                    .withUrl(collector.baseUrl())
                    .withEvents(events)
                    .withRate(0)
                    .withBatchSize(50)
                    .withConcurrency(concurrency)
                    .withSeed(37)
                    .withQuiet(true));
            log("sent %s", sent.summaryLine());
            Instant caughtUp = ConsumerBenchmarks.awaitCaughtUp(infra, GROUP, topic, Duration.ofMinutes(30));
            double seconds = Duration.between(start, caughtUp).toNanos() / 1e9;
            double serviceRate = sent.accepted() / seconds;
            long stored = count("select count(*) from session_event");
            long sessionRows = count("select count(*) from user_session");
            double kafkaRate = ConsumerBenchmarks.kafkaConsumerPerf(infra, work, topic, sent.accepted());

            // ---- 2. freshness under load
            List<Double> freshness = freshness(collector, sessions);

            log(
                    "RESULT sustained: %d events in %.1f s = %.0f events/s into PostgreSQL (%d session events, %d sessions;"
                            + " kafka-consumer-perf-test on the same topic: %.0f records/s)",
                    sent.accepted(), seconds, serviceRate, stored, sessionRows, kafkaRate);
            log(
                    "RESULT freshness (collector 202 -> session visible in the API), %d probes at ~%d events/s of load:"
                            + " p50 %.0f ms, p99 %.0f ms",
                    freshness.size(),
                    loadRate,
                    ConsumerBenchmarks.percentile(freshness, 0.50),
                    ConsumerBenchmarks.percentile(freshness, 0.99));
        }
    }

    /** When the service's consumer group has committed the end offset of every partition of the topic. */
    private long count(String sql) throws Exception {
        String db = infra.database(DATABASE);
        try (Connection c = DriverManager.getConnection(
                        infra.postgres().jdbcUrl(db),
                        infra.postgres().user(),
                        infra.postgres().password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** kafka-consumer-perf-test (ConsumerPerformance) reading the same records, in a child JVM. */

    /** Probe page views of fresh sessions sent through the collector while the simulator adds load. */
    private List<Double> freshness(ServiceProcess collector, ServiceProcess sessions) throws Exception {
        Thread load = new Thread(() -> Simulator.run(SimulatorOptions.defaults()
                .withUrl(collector.baseUrl())
                .withEvents((long) loadRate * Math.max(10, probes / 4))
                .withRate(loadRate)
                .withBatchSize(20)
                .withConcurrency(2)
                .withSeed(53)
                .withQuiet(true)));
        load.setDaemon(true);
        load.start();
        CollectorClient client = new CollectorClient(URI.create(collector.baseUrl()), Duration.ofSeconds(10), 3);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            String sessionId = "bench-probe-" + UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UserInteractionEvent probe = UserInteractionEvent.builder()
                    .sessionId(sessionId)
                    .eventType(InteractionEventType.PAGE_VIEW)
                    .timestamp(now)
                    .clientTimestamp(now)
                    .path("/bench/probe")
                    .deviceType("desktop")
                    .build();
            CollectorClient.BatchOutcome outcome = client.send(List.of(probe));
            long accepted = System.nanoTime();
            if (outcome.status() != 202 || outcome.accepted() != 1) {
                throw new IllegalStateException("probe not accepted: " + outcome);
            }
            URI uri = URI.create(sessions.baseUrl() + "/v1/sessions/" + sessionId);
            long deadline = accepted + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                HttpResponse<String> r =
                        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"pageViews\":1")) {
                    millis.add((System.nanoTime() - accepted) / 1e6);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("probe session " + sessionId + " not visible after 60 s");
                }
                Thread.sleep(2);
            }
        }
        load.join(TimeUnit.MINUTES.toMillis(10));
        return millis;
    }
}
