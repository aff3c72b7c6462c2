package com.newsmell.perfumestats.stats;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.jobs.JobRunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The reads of perfume statistics: one perfume, the top perfumes by a metric, the trending ones. Each perfume
 * carries the as-of of its own windows and score; a ranking also carries the as-of of the hourly job's latest
 * successful run (the job runner's ledger, ADR 0011).
 */
@ApplicationScoped
public class PerfumeStatsQueries {

    /** A page of perfumes, with the hourly job's as-of time. */
    @Schema(description = "Perfumes ranked by one metric, highest first.")
    public record Ranking(
            @Schema(description = "The metric ranked by (the `metric` parameter, or trendingScore).")
            String metric,

            @Schema(
                    description = "The hour of the hourly job's latest successful run: the as-of of the windows"
                            + " and scores ranked (each item also carries its own asOf).")
            Instant asOf,

            @Schema(description = "The perfumes, highest first (ties by perfumeId).")
            List<PerfumeStatsView> items) {}

    /** The job whose run the figures are as of (the trending package's hourly job). */
    static final String AS_OF_JOB = "hourly";

    private final PerfumeInteractionStatsRepository stats;
    private final JobRunRepository jobRuns;

    public PerfumeStatsQueries(PerfumeInteractionStatsRepository stats, JobRunRepository jobRuns) {
        this.stats = stats;
        this.jobRuns = jobRuns;
    }

    public Uni<PerfumeStatsView> one(String perfumeId) {
        return stats.findByPerfumeId(perfumeId).map(row -> {
            if (row == null) {
                throw new ProblemException(Problem.of(
                        404,
                        "perfume-stats-not-found",
                        "Perfume statistics not found",
                        "No interactions with perfume " + perfumeId + " yet."));
            }
            return PerfumeStatsView.of(row);
        });
    }

    /** By the metric's index, highest first; perfumes with fewer than minRatings ratings are left out. */
    public Uni<Ranking> top(TopMetric metric, int limit, int minRatings) {
        return stats.top(metric, limit, minRatings).chain(rows -> ranking(metric.parameter, rows));
    }

    /** The stored trending scores (computed by the hourly job), highest first, optionally of one house. */
    public Uni<Ranking> trending(int limit, String houseId) {
        return stats.trending(limit, houseId).chain(rows -> ranking("trendingScore", rows));
    }

    private Uni<Ranking> ranking(String metric, List<PerfumeInteractionStats> rows) {
        return asOf().map(asOf -> new Ranking(
                metric, asOf, rows.stream().map(PerfumeStatsView::of).toList()));
    }

    private Uni<Instant> asOf() {
        return jobRuns.latestAsOf(AS_OF_JOB);
    }
}
