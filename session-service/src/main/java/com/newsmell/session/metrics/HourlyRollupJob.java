package com.newsmell.session.metrics;

import com.newsmell.session.config.SessionConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The {@code rollup} job (seed: search popularity and active users "every hour"; latest period only): recomputes
 * the hourly rollups of every hour that changed, batch by batch, until no hour is left.
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
                "Recomputes unique users and search popularity of every hour that changed; rows = hours recomputed.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return runFrom(context, 0).map(hours -> new JobOutcome(hours, null, Map.of("hours", hours)));
    }

    private Uni<Integer> runFrom(JobContext context, int done) {
        return rollups.rollupBatch()
                .chain(n -> n < HourlyRollupService.BATCH
                        ? Uni.createFrom().item(done + n)
                        : context.progress(done + n, done + n + HourlyRollupService.BATCH)
                                .chain(() -> runFrom(context, done + n)));
    }
}
