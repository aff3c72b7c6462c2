package com.newsmell.profile.recompute;

import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.CronSchedule;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code profiles-rebuild} job: no schedule, run through {@code POST /v1/jobs/profiles-rebuild/runs}; recomputes
 * every profile as of its clock ({@link ProfileRun}, full). It gives the same profiles as the incremental runs.
 */
@ApplicationScoped
public class ProfileRebuildJob implements ScheduledJob {

    public static final String NAME = "profiles-rebuild";

    private final ProfileRun run;

    public ProfileRebuildJob(ProfileRun run) {
        this.run = run;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                CronSchedule.OFF,
                CatchUp.LATEST_ONLY,
                "Recomputes every profile as of the run's clock (a full rebuild; the same profiles as the daily"
                        + " incremental runs), then every feature vector; rows = profiles recomputed.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return run.run(context, true);
    }
}
