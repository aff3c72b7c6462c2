package com.newsmell.session.metrics;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the hourly rollups (active users, search popularity) until no hour is left to recompute. */
@ApplicationScoped
public class HourlyRollupJob {

    private static final Logger LOG = Logger.getLogger(HourlyRollupJob.class);

    private final HourlyRollupService rollups;

    public HourlyRollupJob(HourlyRollupService rollups) {
        this.rollups = rollups;
    }

    @Scheduled(
            every = "${newsmell.session.rollup-every:1h}",
            delayed = "${newsmell.session.rollup-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scheduled() throws Throwable {
        int hours = VertxContextSupport.subscribeAndAwait(this::run);
        LOG.debugf("rolled up %d hours", hours);
    }

    /** Returns how many hours were recomputed. */
    public Uni<Integer> run() {
        return runFrom(0);
    }

    private Uni<Integer> runFrom(int done) {
        return rollups.rollupBatch()
                .chain(n -> n < HourlyRollupService.BATCH ? Uni.createFrom().item(done + n) : runFrom(done + n));
    }
}
