package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Credentials;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.Tokens;
import com.newsmell.simulator.world.UserAgents;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * perfume-stats-service's benchmarks, in one run on one Kafka broker and one PostgreSQL server:
 *
 * <ol>
 *   <li>sustained consumption against {@code kafka-consumer-perf-test}, see {@link ConsumerBench#sustained};
 *   <li>freshness: probe views of fresh perfumes, from the collector's 202 to the view being visible in
 *       {@code GET /v1/perfumes/{id}/stats} (p50, p99);
 *   <li>the hourly job over {@code --job-perfumes} perfumes × 30 days of buckets generated directly in PostgreSQL
 *       (daily buckets for every day, hourly buckets for a {@code --hourly-fill} fraction of the hours).
 * </ol>
 *
 * <p>Usage: {@code PerfumeStatsBench [--events N] [--probes N] [--load-rate R] [--job-perfumes N]
 * [--hourly-fill F] [--concurrency C] [--repo DIR]}.
 */
public final class PerfumeStatsBench extends ConsumerBench {

    private int jobPerfumes = 100_000;
    private double hourlyFill = 0.25;

    public static void main(String[] args) {
        main(new PerfumeStatsBench(), args);
    }

    PerfumeStatsBench() {
        super(
                "perfume-stats-service",
                "perfume_stats",
                Map.of(
                        "newsmell.perfume-stats.jobs.hourly-cron",
                        "off",
                        "newsmell.perfume-stats.jobs.reconcile-cron",
                        "off"));
    }

    @Override
    boolean option(String name, String value) {
        switch (name) {
            case "--job-perfumes" -> jobPerfumes = Integer.parseInt(value);
            case "--hourly-fill" -> hourlyFill = Double.parseDouble(value);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    void measure(ServiceProcess collector, ServiceProcess stats, String topic) throws Exception {
        consumption(collector, topic, 31, "");
        var freshness = freshness(collector, 47, i -> {
            String perfumeId = "probe-" + UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UserInteractionEvent probe = UserInteractionEvent.builder()
                    .sessionId("bench-probe-" + i)
                    .eventType(InteractionEventType.PERFUME_VIEW)
                    .timestamp(now)
                    .clientTimestamp(now)
                    .path("/perfumes/" + perfumeId)
                    .perfumeId(perfumeId)
                    .eventData(pageViewData())
                    .deviceType("desktop")
                    .userAgent(UserAgents.HUMANS.get(0).userAgent()) // not a bot: bots are left out of the figures
                    .build();
            return new Probe(
                    probe, URI.create(stats.baseUrl() + "/v1/perfumes/" + perfumeId + "/stats"), "\"totalViews\":1");
        });
        double jobSeconds = hourlyJob(stats);
        logFreshness(freshness);
        log("RESULT hourly job: %d perfumes x 30 days of buckets: %.1f s", jobPerfumes, jobSeconds);
    }

    /** Generates the buckets directly in the service's database, then times POST /v1/jobs/hourly/runs (all shards, on the one replica). */
    private double hourlyJob(ServiceProcess stats) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        log("generating %d perfumes x 30 days of buckets (hourly fill %.2f) ...", jobPerfumes, hourlyFill);
        long t0 = System.nanoTime();
        try (Connection c = connect();
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
                HttpRequest.newBuilder(URI.create(stats.baseUrl() + "/v1/jobs/hourly/runs?now=" + now))
                        .header(
                                "Authorization",
                                Credentials.bearer(Tokens.shared().admin()))
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
