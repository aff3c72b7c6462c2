package com.newsmell.profile.similarity;

import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code similar-users} job (issue #12; latest period only: one run ranks everyone from the current vectors): every
 * user's most similar users ({@link SimilarityService#recomputeAll}), as of the UTC day of the run's clock. The same
 * stage runs after the vectors in the daily job; this job runs it on its own (default 02:30 UTC).
 */
@ApplicationScoped
public class SimilarUsersJob implements ScheduledJob {

    public static final String NAME = "similar-users";

    private final SimilarityService similarity;
    private final ProfileConfig config;

    public SimilarUsersJob(SimilarityService similarity, ProfileConfig config) {
        this.similarity = similarity;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.similarity().cron(),
                CatchUp.LATEST_ONLY,
                "Ranks every user's " + config.similarity().top() + " most similar users (cosine similarity of the"
                        + " feature vectors of the same schema version, exact) as of the run's UTC day and replaces"
                        + " user_similar; rows = users ranked.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        LocalDate asOf = LocalDate.ofInstant(context.clock(), ZoneOffset.UTC);
        return similarity.recomputeAll(asOf, context::progress).map(run -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("asOf", asOf.toString());
            detail.put("method", "exact");
            Map<String, Object> versions = new LinkedHashMap<>();
            run.usersByVersion().forEach((v, n) -> versions.put(Integer.toString(v), n));
            detail.put("usersBySchemaVersion", versions);
            detail.put("rowsWritten", run.rows());
            detail.put("searchMs", run.searchMs());
            detail.put("writeMs", run.writeMs());
            return new JobOutcome(run.users(), context.clock(), detail);
        });
    }
}
