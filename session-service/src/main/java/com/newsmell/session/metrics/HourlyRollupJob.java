package com.newsmell.session.metrics;

import com.newsmell.session.config.SessionConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The {@code rollup} job (seed: search popularity "every hour"; latest period only): recomputes the hourly search
 * rollups of every hour that changed, batch by batch, until no hour is left. Its {@code asOf} is the wall-clock time
 * the run started: every search row committed before it is in the rollups once the run succeeds (its hour was marked
 * in the same transaction, and the run goes on until no marked hour is left).
 */
@ApplicationScoped
public class HourlyRollupJob implements ScheduledJob {

    public static final String NAME = "rollup";

    private final HourlyRollupService rollups;
    private final SessionConfig config;

    public HourlyRollupJob(HourlyRollupService rollups, SessionConfig config) {
        this.rollups = rollups;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.rollupCron(),
                CatchUp.LATEST_ONLY,
                "Recomputes the search popularity and outcomes of every hour whose searches changed; rows = hours"
                        + " recomputed; asOf = when the run started.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return runFrom(context, 0).map(hours -> new JobOutcome(hours, asOf, Map.of("hours", hours)));
    }

    private Uni<Integer> runFrom(JobContext context, int done) {
        return rollups.rollupBatch()
                .chain(n -> n < HourlyRollupService.BATCH
                        ? Uni.createFrom().item(done + n)
                        : context.progress(done + n, done + n + HourlyRollupService.BATCH)
                                .chain(() -> runFrom(context, done + n)));
    }
}
