package com.newsmell.perfumestats.reconcile;

import com.newsmell.perfumestats.jobs.JobReport;
import com.newsmell.perfumestats.jobs.JobRuns;
import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import com.newsmell.perfumestats.stats.PerfumeInteractionStatsRepository;
import com.newsmell.perfumestats.stats.StatsFormulas;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The daily reconciliation: re-derives every counter from the daily buckets, the membership table and the rating
 * table; a perfume whose stored counter differs has drifted. Drift is counted per field in the metric
 * {@code perfume_stats_reconcile_drift_total{field}} (and {@code perfume_stats_reconcile_drifted_perfumes} for the
 * last run), logged, and corrected. The candidates are found without locks, then locked (the consumer's order) and
 * re-derived in the same transaction, so a batch committed meanwhile is never undone.
 */
@ApplicationScoped
public class ReconcileJob {

    private static final Logger LOG = Logger.getLogger(ReconcileJob.class);

    private final PerfumeInteractionStatsRepository stats;
    private final MeterRegistry metrics;
    private final AtomicLong lastDrifted = new AtomicLong();

    public ReconcileJob(PerfumeInteractionStatsRepository stats, MeterRegistry metrics) {
        this.stats = stats;
        this.metrics = metrics;
        metrics.gauge("perfume_stats_reconcile_drifted_perfumes", lastDrifted);
    }

    @WithTransaction
    public Uni<JobReport> run(Instant now) {
        long started = System.nanoTime();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ReconciledField.derivedQuery(true, ""), Object[].class)
                        .getResultList())
                .chain(candidates -> candidates.isEmpty()
                        ? Uni.createFrom().item(Map.<String, Integer>of())
                        : correct(candidates.stream().map(r -> (String) r[0]).toList()))
                .chain(drift -> {
                    long drifted = drift.getOrDefault("perfumes", 0);
                    Map<String, Integer> fields = new LinkedHashMap<>(drift);
                    fields.remove("perfumes");
                    lastDrifted.set(drifted);
                    fields.forEach((field, n) -> metrics.counter("perfume_stats_reconcile_drift", "field", field)
                            .increment(n));
                    JobReport report = new JobReport(
                            JobRuns.RECONCILE, now, (System.nanoTime() - started) / 1_000_000, drifted, fields);
                    if (drifted > 0) {
                        LOG.warnf(
                                "reconcile as of %s: %d perfumes had drifted and were corrected: %s",
                                now, drifted, fields);
                    } else {
                        LOG.infof("reconcile as of %s: no drift (%d ms)", now, report.durationMs());
                    }
                    return Panache.getSession()
                            .chain(session -> JobRuns.record(session, report))
                            .replaceWith(report);
                });
    }

    /** Locks the candidates, re-derives them, and corrects those still drifted; returns the drift per field. */
    private Uni<Map<String, Integer>> correct(List<String> candidates) {
        return stats.createAndLock(new TreeSet<>(candidates))
                .chain(rows -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        ReconciledField.derivedQuery(false, "ids"), Object[].class)
                                .setParameter("ids", candidates)
                                .getResultList())
                        .map(derived -> {
                            Map<String, Object[]> byPerfume = new HashMap<>();
                            derived.forEach(r -> byPerfume.put((String) r[0], r));
                            Map<String, Integer> drift = new LinkedHashMap<>();
                            for (PerfumeInteractionStats row : rows) {
                                Object[] values = byPerfume.get(row.perfumeId);
                                boolean drifted = false;
                                for (ReconciledField f : ReconciledField.values()) {
                                    long value = ((Number) values[f.ordinal() + 1]).longValue();
                                    if (f.stored.applyAsLong(row) != value) {
                                        drift.merge(f.name, 1, Integer::sum);
                                        f.setter.accept(row, value);
                                        drifted = true;
                                    }
                                }
                                if (drifted) {
                                    drift.merge("perfumes", 1, Integer::sum);
                                    StatsFormulas.derive(row);
                                    row.updatedAt = Instant.now();
                                }
                            }
                            return drift;
                        }));
    }
}
