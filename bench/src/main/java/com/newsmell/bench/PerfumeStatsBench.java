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
import com.newsmell.simulator.UserAgents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * perfume-stats-service's benchmarks, in one run on one Kafka broker and one PostgreSQL server:
 *
 * <ol>
 *   <li>sustained consumption: the traffic simulator sends {@code --events} events through the collector at max
 *       rate while perfume-stats-service consumes them; events/s = events / (first send → the service's consumer
 *       group has committed the end of the topic); against {@code kafka-consumer-perf-test} (ConsumerPerformance)
 *       reading the same topic in the same run;
 *   <li>freshness: while the simulator sends {@code --load-rate} events/s, {@code --probes} probe views of fresh
 *       perfumes go through the collector; the time from the collector's 202 to the view being visible in
 *       {@code GET /v1/perfumes/{id}/stats} (p50, p99);
 *   <li>the hourly job over {@code --job-perfumes} perfumes × 30 days of buckets generated directly in PostgreSQL
 *       (daily buckets for every day, hourly buckets for a {@code --hourly-fill} fraction of the hours).
 * </ol>
 *
 * <p>Usage: {@code PerfumeStatsBench [--events N] [--probes N] [--load-rate R] [--job-perfumes N]
 * [--hourly-fill F] [--concurrency C] [--repo DIR]}.
 */
public final class PerfumeStatsBench {

    private static final String GROUP = "perfume-stats-service";
    private static final Duration READY = Duration.ofMinutes(3);

    private long events = 20_000;
    private int probes = 200;
    private int loadRate = 500;
    private int jobPerfumes = 100_000;
    private double hourlyFill = 0.25;
    private int concurrency = 4;
    private Path repo = Path.of("..").toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newHttpClient();
    private Infra infra;
    private Path work;

    public static void main(String[] args) {
        PerfumeStatsBench bench = new PerfumeStatsBench();
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
                case "--job-perfumes" -> jobPerfumes = Integer.parseInt(v);
                case "--hourly-fill" -> hourlyFill = Double.parseDouble(v);
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
                ServiceProcess stats = ServiceProcess.start(
                                repo,
                                "perfume-stats-service",
                                "perfume_stats",
                                Map.of(
                                        "newsmell.perfume-stats.jobs.hourly-cron",
                                        "off",
                                        "newsmell.perfume-stats.jobs.reconcile-cron",
                                        "off"))
                        .awaitReady(READY)) {
            log(
                    "collector at %s, perfume-stats-service at %s (logs: %s, %s)",
                    collector.baseUrl(), stats.baseUrl(), collector.log(), stats.log());

            // ---- 1. sustained consumption
            Instant start = Instant.now();
            RunReport sent = Simulator.run(SimulatorOptions.defaults()
                    .withUrl(collector.baseUrl())
                    .withEvents(events)
                    .withRate(0)
                    .withBatchSize(50)
                    .withConcurrency(concurrency)
                    .withSeed(31)
                    .withQuiet(true));
            log("sent %s", sent.summaryLine());
            Instant caughtUp = ConsumerBenchmarks.awaitCaughtUp(infra, GROUP, topic, Duration.ofMinutes(30));
            double seconds = Duration.between(start, caughtUp).toNanos() / 1e9;
            double serviceRate = sent.accepted() / seconds;
            double kafkaRate = ConsumerBenchmarks.kafkaConsumerPerf(infra, work, topic, sent.accepted());

            // ---- 2. freshness under load
            List<Double> freshness = freshness(collector, stats);

            // ---- 3. the hourly job at scale
            double jobSeconds = hourlyJob(stats);

            log(
                    "RESULT sustained: %d events in %.1f s = %.0f events/s (kafka-consumer-perf-test on the same topic:"
                            + " %.0f records/s)",
                    sent.accepted(), seconds, serviceRate, kafkaRate);
            log(
                    "RESULT freshness (collector 202 -> visible in the API), %d probes at ~%d events/s of load:"
                            + " p50 %.0f ms, p99 %.0f ms",
                    freshness.size(),
                    loadRate,
                    ConsumerBenchmarks.percentile(freshness, 0.50),
                    ConsumerBenchmarks.percentile(freshness, 0.99));
            log("RESULT hourly job: %d perfumes x 30 days of buckets: %.1f s", jobPerfumes, jobSeconds);
        }
    }

    /** When the service's consumer group has committed the end offset of every partition of the topic. */

    /** kafka-consumer-perf-test (ConsumerPerformance) reading the same records, in a child JVM. */

    /** Probe views of fresh perfumes sent through the collector while the simulator adds load. */
    private List<Double> freshness(ServiceProcess collector, ServiceProcess stats) throws Exception {
        Thread load = new Thread(() -> Simulator.run(SimulatorOptions.defaults()
                .withUrl(collector.baseUrl())
                .withEvents((long) loadRate * Math.max(10, probes / 4))
                .withRate(loadRate)
                .withBatchSize(20)
                .withConcurrency(2)
                .withSeed(47)
                .withQuiet(true)));
        load.setDaemon(true);
        load.start();
        CollectorClient client = new CollectorClient(URI.create(collector.baseUrl()), Duration.ofSeconds(10), 3);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            String perfumeId = "probe-" + UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UserInteractionEvent probe = UserInteractionEvent.builder()
                    .sessionId("bench-probe-" + i)
                    .eventType(InteractionEventType.PERFUME_VIEW)
                    .timestamp(now)
                    .clientTimestamp(now)
                    .path("/perfumes/" + perfumeId)
                    .perfumeId(perfumeId)
                    .deviceType("desktop")
                    .userAgent(UserAgents.HUMANS.get(0).userAgent()) // not a bot: bots are left out of the figures
                    .build();
            CollectorClient.BatchOutcome outcome = client.send(List.of(probe));
            long accepted = System.nanoTime();
            if (outcome.status() != 202 || outcome.accepted() != 1) {
                throw new IllegalStateException("probe not accepted: " + outcome);
            }
            URI uri = URI.create(stats.baseUrl() + "/v1/perfumes/" + perfumeId + "/stats");
            long deadline = accepted + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                HttpResponse<String> r =
                        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"totalViews\":1")) {
                    millis.add((System.nanoTime() - accepted) / 1e6);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("probe " + perfumeId + " not visible after 60 s");
                }
                Thread.sleep(2);
            }
        }
        load.join(TimeUnit.MINUTES.toMillis(10));
        return millis;
    }

    /** Generates the buckets directly in the service's database, then times POST /v1/jobs/hourly. */
    private double hourlyJob(ServiceProcess stats) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String db = infra.database("perfume_stats");
        log("generating %d perfumes x 30 days of buckets (hourly fill %.2f) in %s ...", jobPerfumes, hourlyFill, db);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(
                        infra.postgres().jdbcUrl(db),
                        infra.postgres().user(),
                        infra.postgres().password());
                Statement s = c.createStatement()) {
            s.execute("insert into perfume_interaction_stats (perfume_id, house_id)"
                    + " select 'bench-' || p, 'bench-house-' || (p % 300) from generate_series(1, " + jobPerfumes
                    + ") p on conflict do nothing");
            s.execute("insert into perfume_hourly_bucket (perfume_id, bucket, views, ratings, wishlist_adds)"
                    + " select 'bench-' || p, timestamptz '" + now + "' - h * interval '1 hour',"
                    + " 1 + (p * h) % 7, (p + h) % 2, case when (p + h) % 3 = 0 then 1 else 0 end"
                    + " from generate_series(1, " + jobPerfumes + ") p, generate_series(1, 720) h"
                    + " where random() < " + hourlyFill + " on conflict do nothing");
            s.execute("insert into perfume_daily_bucket (perfume_id, bucket, views, ratings, wishlist_adds)"
                    + " select perfume_id, date_trunc('day', bucket, 'UTC'), sum(views), sum(ratings), sum(wishlist_adds)"
                    + " from perfume_hourly_bucket where perfume_id like 'bench-%' group by 1, 2"
                    + " on conflict (perfume_id, bucket) do nothing");
            s.execute("analyze");
        }
        log("generated in %.1f s; running the hourly job ...", (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(stats.baseUrl() + "/v1/jobs/hourly?now=" + now))
                        .timeout(Duration.ofHours(1))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t1) / 1e9;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("hourly job failed: " + r.statusCode() + " " + r.body());
        }
        log("hourly job: %s", r.body());
        return seconds;
    }
}
