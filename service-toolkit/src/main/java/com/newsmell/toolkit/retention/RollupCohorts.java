package com.newsmell.toolkit.retention;

import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code rollup-cohorts} job every service runs (ADR 0048): each additive rollup table the service lists in
 * {@code newsmell.retention.rollups.tables} keeps its rows for {@code keep} (a year), then each month older than that
 * becomes one cohort row per other key ({@link CohortFold}), one table per transaction. Rows = rows folded; the detail
 * gives, per table, rows folded and cohort rows written.
 */
@ApplicationScoped
public class RollupCohorts implements ScheduledJob {

    public static final String NAME = "rollup-cohorts";

    private final RetentionConfig.Rollups config;

    public RollupCohorts(RetentionConfig config) {
        this.config = config.rollups();
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.cron(),
                CatchUp.LATEST_ONLY,
                "Folds the rows of "
                        + (config.tables().isEmpty() ? "no rollup table" : String.join(", ", tables().keySet()))
                        + " older than " + config.keep()
                        + " into one cohort row per UTC month and other key (sums kept); rows = rows folded.");
    }

    private Map<String, String> tables() {
        return new TreeMap<>(config.tables());
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        Instant cutoff = CohortFold.cutoff(context.clock(), config.keep());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cutoff", cutoff.toString());
        Uni<Long> chain = Uni.createFrom().item(0L);
        for (Map.Entry<String, String> table : tables().entrySet()) {
            chain = chain.chain(total -> fold(table.getKey(), table.getValue(), cutoff)
                    .map(counts -> {
                        detail.put(table.getKey(), Map.of("folded", counts[0], "cohorts", counts[1]));
                        return total + counts[0];
                    }));
        }
        return chain.map(rows -> new JobOutcome(rows, null, detail));
    }

    /** Folds one table in a transaction of its own; answers {rows folded, cohort rows written}. */
    private Uni<long[]> fold(String table, String timeColumn, Instant cutoff) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(CohortFold.COLUMNS_SQL, Object[].class)
                        .setParameter("table", table)
                        .getResultList()
                        .map(rows -> CohortFold.of(table, timeColumn, columns(rows)))
                        .chain(fold -> s.createNativeQuery(fold.sql(), Object[].class)
                                .setParameter("cutoff", cutoffValue(fold, cutoff))
                                .getSingleResult())
                        .map(r -> new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()})));
    }

    private static Object cutoffValue(CohortFold fold, Instant cutoff) {
        return switch (fold.timeType()) {
            case "date" -> cutoff.atZone(ZoneOffset.UTC).toLocalDate();
            case "timestamp with time zone" -> cutoff.atOffset(ZoneOffset.UTC);
            default -> cutoff.atZone(ZoneOffset.UTC).toLocalDateTime();
        };
    }

    private static List<CohortFold.Column> columns(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new CohortFold.Column((String) r[0], (String) r[1], (Boolean) r[2]))
                .toList();
    }
}
