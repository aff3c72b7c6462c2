package com.newsmell.perfumestats.jobs;

import com.newsmell.perfumestats.reconcile.ReconcileJob;
import com.newsmell.perfumestats.trending.HourlyJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Runs the jobs on their crons ({@code newsmell.perfume-stats.jobs.*}; "off" disables one). Both jobs are
 * idempotent for a given time, so a run on each replica is harmless.
 */
@ApplicationScoped
public class JobSchedule {

    private final HourlyJob hourly;
    private final ReconcileJob reconcile;

    public JobSchedule(HourlyJob hourly, ReconcileJob reconcile) {
        this.hourly = hourly;
        this.reconcile = reconcile;
    }

    @Scheduled(
            identity = "perfume-stats-hourly",
            cron = "${newsmell.perfume-stats.jobs.hourly-cron}",
            timeZone = "${newsmell.perfume-stats.jobs.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> hourly() {
        return hourly.run(Instant.now()).replaceWithVoid();
    }

    @Scheduled(
            identity = "perfume-stats-reconcile",
            cron = "${newsmell.perfume-stats.jobs.reconcile-cron}",
            timeZone = "${newsmell.perfume-stats.jobs.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        return reconcile.run(Instant.now()).replaceWithVoid();
    }
}
