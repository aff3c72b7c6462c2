package com.newsmell.profile.recompute;

import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.rollup.PendingRepository;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One run of the profile job, incremental or full (README "The daily job"): mark the users to recompute (incremental:
 * those whose window or history lost days, on top of the marks the consumers made; full: every user), recompute the
 * marked users chunk by chunk in userId order (streamed: one chunk in memory at a time), then drop the rollup days
 * that no profile reads any more.
 */
@ApplicationScoped
public class ProfileRun {

    private static final Logger LOG = Logger.getLogger(ProfileRun.class);

    private final RecomputeService recompute;
    private final int chunkSize;

    public ProfileRun(RecomputeService recompute, ProfileConfig config) {
        this.recompute = recompute;
        this.chunkSize = Math.max(1, config.job().chunkSize());
    }

    public Uni<JobOutcome> run(JobContext context, boolean full) {
        ProfileWindow window = ProfileWindow.of(context.clock(), recompute.rules());
        String computedBy = "job-run:" + context.runId();
        InputRepository.CatalogCache catalog = new InputRepository.CatalogCache();
        return recompute
                .mark(window, full)
                .chain(marked -> drain(null, 0, marked, window, computedBy, catalog, context)
                        .chain(done -> recompute.prune(window).map(pruned -> {
                            LOG.infof(
                                    "%s profile run as of %s: %d to recompute, %d recomputed, %d rollup rows dropped",
                                    full ? "full" : "incremental", window.asOf(), marked, done, pruned);
                            return new JobOutcome(
                                    done,
                                    window.asOf(),
                                    Map.of(
                                            "windowStart",
                                            window.windowStart().toString(),
                                            "historyStart",
                                            window.historyStart().toString(),
                                            "pending",
                                            marked,
                                            "rollupRowsDropped",
                                            pruned));
                        })));
    }

    private Uni<Long> drain(
            String after,
            long done,
            long total,
            ProfileWindow window,
            String computedBy,
            InputRepository.CatalogCache catalog,
            JobContext context) {
        return recompute.nextChunk(after, chunkSize).chain(marks -> {
            if (marks.isEmpty()) {
                return Uni.createFrom().item(done);
            }
            List<String> users =
                    marks.stream().map(PendingRepository.Mark::userId).toList();
            return recompute
                    .recompute(users, window, computedBy, catalog)
                    .call(n -> context.progress(done + n, Math.max(total, done + n)))
                    .chain(n ->
                            drain(users.get(users.size() - 1), done + n, total, window, computedBy, catalog, context));
        });
    }
}
