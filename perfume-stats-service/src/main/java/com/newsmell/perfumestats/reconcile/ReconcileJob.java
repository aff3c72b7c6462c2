package com.newsmell.perfumestats.reconcile;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.stats.PerfumeInteractionStatsRepository;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The {@code reconcile} job (seed: perfume statistics "daily at 3am"; every missed day is caught up): re-derives
 * every counter from the daily buckets, the membership table and the rating table ({@link ReconcileRepository});
 * a perfume whose stored counter differs has drifted. Drift is counted per field in the metric
 * {@code perfume_stats_reconcile_drift_total{field}} (and {@code perfume_stats_reconcile_drifted_perfumes} for the
 * last run), logged, and corrected ({@link ReconcileFold}). The candidates are found without locks, then locked
 * (the consumer's order) and re-derived in the same transaction, so a batch committed meanwhile is never undone.
 */
@ApplicationScoped
public class ReconcileJob implements ScheduledJob {

    public static final String NAME = "reconcile";
    private static final Logger LOG = Logger.getLogger(ReconcileJob.class);

    private final PerfumeInteractionStatsRepository stats;
    private final ReconcileRepository reconcile;
    private final MeterRegistry metrics;
    private final PerfumeStatsConfig config;
    private final AtomicLong lastDrifted = new AtomicLong();

    public ReconcileJob(
            PerfumeInteractionStatsRepository stats,
            ReconcileRepository reconcile,
            MeterRegistry metrics,
            PerfumeStatsConfig config) {
        this.stats = stats;
        this.reconcile = reconcile;
        this.metrics = metrics;
        this.config = config;
        metrics.gauge("perfume_stats_reconcile_drifted_perfumes", lastDrifted);
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.jobs().reconcileCron(),
                CatchUp.EVERY_PERIOD,
                "Re-derives every counter from the daily buckets, memberships and ratings, and corrects drift;"
                        + " rows = perfumes that had drifted, detail = drift per field.");
    }

    /**
     * Finds the drifted perfumes without locks, then locks them (the consumer's order), derives their counters
     * again under the lock and corrects those still drifted.
     */
    @Override
    @WithTransaction
    public Uni<JobOutcome> run(JobContext context) {
        Instant now = context.clock();
        return reconcile
                .driftedPerfumeIds()
                .chain(candidates -> candidates.isEmpty()
                        ? Uni.createFrom().item(new ReconcileFold.Drift(0, Map.of()))
                        : correct(candidates.stream().sorted().toList()))
                .map(drift -> {
                    lastDrifted.set(drift.perfumes());
                    drift.fields()
                            .forEach((field, n) -> metrics.counter("perfume_stats_reconcile_drift", "field", field)
                                    .increment(n));
                    if (drift.perfumes() > 0) {
                        LOG.warnf(
                                "reconcile as of %s: %d perfumes had drifted and were corrected: %s",
                                now, drift.perfumes(), drift.fields());
                    }
                    return new JobOutcome(drift.perfumes(), now, Map.of("drift", drift.fields()));
                });
    }

    private Uni<ReconcileFold.Drift> correct(List<String> sortedIds) {
        return stats.createAndLock(sortedIds)
                .chain(locked ->
                        reconcile.derive(sortedIds).map(derived -> ReconcileFold.fold(locked, derived, Instant.now())));
    }
}
