package com.newsmell.profile.recompute;

import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code profiles} job (seed: userBehaviorProfiles "daily at 2am"; latest period only, since one run catches up
 * every change): recomputes the users marked since the last run and those whose window lost days ({@link ProfileRun}).
 */
@ApplicationScoped
public class ProfileJob implements ScheduledJob {

    public static final String NAME = "profiles";

    private final ProfileRun run;
    private final ProfileConfig config;

    public ProfileJob(ProfileRun run, ProfileConfig config) {
        this.run = run;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.job().cron(),
                CatchUp.LATEST_ONLY,
                "Recomputes every field of the profiles of the users with new events, session summaries or catalog"
                        + " entries since the last run, and of those whose window lost days, as of the run's clock;"
                        + " then the feature vectors of the users whose profile changed (every user's after a schema"
                        + " version change) and their snapshots' retention; then drops rollup days no profile reads;"
                        + " rows = profiles recomputed.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return run.run(context, false);
    }
}
