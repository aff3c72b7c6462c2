package com.newsmell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.Sql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of perfume-stats-service on one database, with its jobs every second or three (ADR 0011): each
 * period runs exactly once across both (one job_run row, one execution counted by the two processes together,
 * each shard once); after both were down, the every-period job catches up every missed period and the
 * latest-only one runs only the latest.
 */
class JobRunnerReplicasIT {

    private static final String MODULE = "perfume-stats-service";
    private static final String DATABASE = "perfume_stats_replicas";
    private static final Map<String, String> EVERY_SECOND = Map.of(
            "newsmell.jobs.tick", "PT1S",
            // a lease well above the tick: a replica starved of CPU for a few seconds (the whole system, the gateway
            // and
            // Chromium share two cores in CI) must not lose its shard to the other one, which would be a second attempt
            "newsmell.jobs.lease", "PT10S",
            "newsmell.jobs.max-catch-up", "500",
            "newsmell.perfume-stats.jobs.reconcile-cron", "* * * * * ?",
            "newsmell.perfume-stats.jobs.hourly-cron", "*/3 * * * * ?",
            "mp.messaging.incoming.interactions.group.id", "perfume-stats-replicas-it");

    @Test
    void eachPeriodRunsOnceAcrossTwoReplicasAndMissedPeriodsCatchUp() {
        List<ServiceProcess> replicas = start("perfume-stats-replica-a", "perfume-stats-replica-b");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> succeeded("reconcile") >= 8 && succeeded("hourly") >= 3);

            // effects: the executions the two processes counted add up to the rows, never more
            long before = succeeded("reconcile");
            double executed = replicas.stream()
                    .mapToDouble(JobRunnerReplicasIT::reconcileRuns)
                    .sum();
            long after = succeeded("reconcile");
            assertThat(executed).isBetween((double) before, (double) after);

            Instant settled = Instant.now().minusSeconds(3);
            List<Map<String, Object>> reconcile = runs("reconcile", settled);
            assertThat(reconcile)
                    .allSatisfy(run ->
                            assertThat(run).containsEntry("status", "succeeded").containsEntry("attempt", 1));
            assertContiguousSeconds(reconcile);
            assertThat(Sql.query(
                            DATABASE,
                            "select r.id, count(s.*) as shards, count(*) filter (where s.status = 'succeeded'"
                                    + " and s.attempt = 1) as once, max(r.progress_done) as done,"
                                    + " string_agg(s.shard || ':' || s.attempt || ':' || s.runner || ':' || s.status || ':'"
                                    + " || coalesce(s.error, ''), ' | ') as shard_log"
                                    + " from job_run r join job_run_shard s on s.run_id = r.id"
                                    + " where r.job = 'hourly' and r.status = 'succeeded' group by r.id"))
                    .isNotEmpty()
                    .allSatisfy(run -> assertThat(run)
                            .containsEntry("shards", 4L)
                            .containsEntry("once", 4L)
                            .containsEntry("done", 4L));
        } finally {
            replicas.forEach(ServiceProcess::close);
        }

        Instant lastReconcile = latestPeriod("reconcile");
        Instant lastHourly = latestPeriod("hourly");
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(lastReconcile.plusSeconds(6)));

        List<ServiceProcess> restarted = start("perfume-stats-replica-a-restarted");
        try {
            Instant restartedAt = Instant.now();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> latestPeriod("reconcile").isAfter(restartedAt));

            List<Map<String, Object>> caughtUp = runs("reconcile", restartedAt).stream()
                    .filter(run -> !instant(run.get("period")).isBefore(lastReconcile))
                    .toList();
            assertThat(caughtUp).hasSizeGreaterThan(6);
            assertContiguousSeconds(caughtUp);
            assertThat(caughtUp)
                    .allSatisfy(run -> assertThat(instant(run.get("clock"))).isEqualTo(instant(run.get("period"))));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> latestPeriod("hourly").isAfter(lastHourly));
            long hourlyInTheGap = Sql.count(
                    DATABASE,
                    "select count(*) from job_run where job = 'hourly' and period > ? and period < ?",
                    Timestamp.from(lastHourly),
                    Timestamp.from(restartedAt.minusSeconds(3)));
            assertThat(hourlyInTheGap)
                    .as("latest-only: at most the latest missed period runs")
                    .isLessThanOrEqualTo(1);
        } finally {
            restarted.forEach(ServiceProcess::close);
        }
    }

    private static List<ServiceProcess> start(String... instances) {
        Path repo = Path.of("").toAbsolutePath().getParent();
        List<ServiceProcess> started = new ArrayList<>();
        for (String instance : instances) {
            started.add(ServiceProcess.start(repo, MODULE, DATABASE, EVERY_SECOND, instance));
        }
        CompletableFuture.allOf(started.stream()
                        .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3))))
                        .toArray(CompletableFuture[]::new))
                .join();
        return started;
    }

    private static long succeeded(String job) {
        return Sql.count(
                DATABASE,
                "select count(*) from job_run where job = ? and trigger = 'schedule' and status = 'succeeded'",
                job);
    }

    private static Instant latestPeriod(String job) {
        List<Map<String, Object>> rows = Sql.query(
                DATABASE, "select max(period) as period from job_run where job = ? and trigger = 'schedule'", job);
        Object period = rows.get(0).get("period");
        return period == null ? Instant.EPOCH : instant(period);
    }

    private static List<Map<String, Object>> runs(String job, Instant upTo) {
        return Sql.query(
                DATABASE,
                "select period, clock, status, attempt, runner from job_run where job = ? and trigger = 'schedule'"
                        + " and period <= ? order by period",
                job,
                Timestamp.from(upTo));
    }

    private static void assertContiguousSeconds(List<Map<String, Object>> runs) {
        assertThat(runs).hasSizeGreaterThan(1);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(
                            instant(runs.get(i - 1).get("period")),
                            instant(runs.get(i).get("period"))))
                    .as("one run per second, none missing, none twice (run %d)", i)
                    .isEqualTo(Duration.ofSeconds(1));
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a time: " + value);
    }

    private static double reconcileRuns(ServiceProcess replica) {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(replica.managementUrl() + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            // e.g. newsmell_job_runs_total{job_name="reconcile",outcome="succeeded",trigger="schedule"} 6.0
            List<String> lines = metrics.body()
                    .lines()
                    .filter(line -> line.startsWith("newsmell_job_runs_total{")
                            && line.contains("job_name=\"reconcile\"")
                            && line.contains("outcome=\"succeeded\"")
                            && line.contains("trigger=\"schedule\""))
                    .toList();
            assertThat(lines)
                    .as(
                            "the reconcile counter of %s among %s",
                            replica.name(),
                            metrics.body()
                                    .lines()
                                    .filter(line -> line.contains("newsmell_job"))
                                    .toList())
                    .hasSizeLessThanOrEqualTo(1);
            if (lines.isEmpty()) {
                return 0; // a replica that started late (a loaded machine) may have executed none yet
            }
            String line = lines.get(0).split(" # ", 2)[0]; // without an exemplar (trace and span id, value, time)
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
