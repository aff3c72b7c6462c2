package com.newsmell.perfumestats.audit;

import com.newsmell.contract.PerfumeViewAudit;
import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.trending.TrendingRepository;
import com.newsmell.perfumestats.trending.Windows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The daily window audit (issue #21): compares each perfume-view-audit record of the collector (the raw store's
 * counts) with perfume-stats' own figures for the same windows and asOf, stores the comparison once per
 * (perfumeId, asOf) in {@code perfume_window_audit}, counts the differences in
 * {@code perfume_stats_window_audit_mismatches_total} and logs them; and serves the comparisons of an asOf.
 */
@ApplicationScoped
public class WindowAuditService {

    private static final Logger LOG = Logger.getLogger(WindowAuditService.class);

    /** One page of the comparisons of one asOf, mismatches first, and where the next page starts (null: none). */
    public record Report(Instant asOf, long checked, long mismatches, List<PerfumeWindowAudit> items, After next) {}

    /** A keyset position in the comparisons of one asOf: the last row of a page. */
    public record After(Instant asOf, boolean matches, String perfumeId) {}

    private final TrendingRepository trending;
    private final WindowAuditRepository audits;
    private final PerfumeStatsConfig config;
    private final Counter mismatches;
    private final Counter checked;

    public WindowAuditService(
            TrendingRepository trending,
            WindowAuditRepository audits,
            PerfumeStatsConfig config,
            MeterRegistry metrics) {
        this.trending = trending;
        this.audits = audits;
        this.config = config;
        this.mismatches = metrics.counter("perfume_stats_window_audit_mismatches");
        this.checked = metrics.counter("perfume_stats_window_audit_checks");
    }

    /**
     * Compares the record with perfume-stats' figures as of its hour and stores the comparison; empty when one for
     * the same (perfumeId, asOf) was stored before. Fails with {@link PerfumeViewAudit.Invalid} for an asOf perfume-stats
     * can't answer for.
     */
    @WithTransaction
    public Uni<Optional<PerfumeWindowAudit>> check(PerfumeViewAudit record) {
        Instant now = Instant.now();
        Windows w = Windows.of(record.asOf(), config.trending().lookbackHours());
        WindowComparison.requireAnswerable(
                record,
                now,
                w.start30(),
                Windows.of(now, config.trending().lookbackHours())
                        .hourlyBucketCutoff(config.jobs().hourlyRetentionDays()));
        return trending.windowFigures(w, config.trending(), record.perfumeId())
                .map(figures -> WindowComparison.of(record, figures, now))
                .chain(audit -> audits.insertIfAbsent(audit)
                        .map(stored -> stored ? Optional.of(audit) : Optional.<PerfumeWindowAudit>empty()));
    }

    /** Counts a stored comparison in the metrics, and logs it when it differs. */
    public void count(PerfumeWindowAudit a) {
        checked.increment();
        if (!a.matches) {
            mismatches.increment();
            LOG.warnf(
                    "window audit of %s as of %s: raw store %d / %d views (7 / 30 days), perfume-stats %d / %d from"
                            + " its buckets, %s / %s served",
                    a.perfumeId,
                    a.asOf,
                    a.rawViews7d,
                    a.rawViews30d,
                    a.statsViews7d,
                    a.statsViews30d,
                    a.servedViews7d,
                    a.servedViews30d);
        }
    }

    /** The comparisons of the asOf (the latest audited when null), mismatches first, one page of {@code limit}. */
    public Uni<Report> report(Instant asOf, After after, int limit) {
        Uni<Instant> at = asOf != null ? Uni.createFrom().item(asOf) : audits.latestAsOf();
        return at.chain(a -> a == null
                ? Uni.createFrom().item(new Report(null, 0, 0, List.of(), null))
                : audits.checked(a)
                        .chain(n -> audits.mismatches(a)
                                .chain(m -> audits.ofAsOf(a, after, limit + 1).map(rows -> {
                                    List<PerfumeWindowAudit> items =
                                            rows.stream().limit(limit).toList();
                                    After next = rows.size() > limit
                                            ? new After(a, items.get(limit - 1).matches, items.get(limit - 1).perfumeId)
                                            : null;
                                    return new Report(a, n, m, items, next);
                                }))));
    }
}
