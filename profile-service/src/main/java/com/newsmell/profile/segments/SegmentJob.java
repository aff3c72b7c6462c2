package com.newsmell.profile.segments;

import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code segments} job (issue #12; seed: userSegmentation "Sunday at 1am"; latest period only: a missed week
 * cannot be segmented from its own vectors any more, so one run segments the current vectors): the week's segments
 * ({@link SegmentService#run}).
 */
@ApplicationScoped
public class SegmentJob implements ScheduledJob {

    public static final String NAME = "segments";

    private final SegmentService segments;
    private final ProfileConfig config;

    public SegmentJob(SegmentService segments, ProfileConfig config) {
        this.segments = segments;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.segments().cron(),
                CatchUp.LATEST_ONLY,
                "Segments the users with a feature vector of the latest schema version into "
                        + config.segments().k()
                        + " segments (k-means, seeded) for the week of the run's clock (its Sunday, UTC), replaces"
                        + " that week's segments and assignments and gives each profile its segment; rows = users"
                        + " segmented.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return segments.run(context.clock()).map(run -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("week", run.week().toString());
            if (run.schemaVersion() != null) {
                detail.put("schemaVersion", run.schemaVersion());
            }
            detail.put("segments", run.segments());
            detail.put("kMeansMs", run.clusterMs());
            detail.put("writeMs", run.writeMs());
            detail.put("vectorsNotUsed", run.skipped());
            return new JobOutcome(run.users(), context.clock(), detail);
        });
    }
}
