package com.newsmell.perfumestats.stats;

import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import com.newsmell.perfumestats.jobs.JobRuns;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The reads of perfume statistics: one perfume, the top perfumes by a metric, the trending ones. */
@ApplicationScoped
public class PerfumeStatsQueries {

    /** A page of perfumes, with the hourly job's as-of time. */
    public record Ranking(String metric, Instant asOf, List<PerfumeStatsView> items) {}

    private final PerfumeInteractionStatsRepository stats;

    public PerfumeStatsQueries(PerfumeInteractionStatsRepository stats) {
        this.stats = stats;
    }

    @WithSession
    public Uni<PerfumeStatsView> one(String perfumeId) {
        return stats.findByPerfumeId(perfumeId).chain(row -> {
            if (row == null) {
                throw new ProblemException(Problem.of(
                        404,
                        "perfume-stats-not-found",
                        "Perfume statistics not found",
                        "No interactions with perfume " + perfumeId + " yet."));
            }
            return asOf().map(asOf -> PerfumeStatsView.of(row, asOf));
        });
    }

    /** By the metric's index, highest first; perfumes with fewer than minRatings ratings are left out. */
    @WithSession
    public Uni<Ranking> top(TopMetric metric, int limit, int minRatings) {
        String query = "totalRatings >= ?1 and " + metric.present() + " order by " + metric.field + " desc, perfumeId";
        return stats.find(query, minRatings)
                .page(Page.ofSize(limit))
                .list()
                .chain(rows -> ranking(metric.parameter, rows));
    }

    /** The stored trending scores (computed by the hourly job), highest first, optionally of one house. */
    @WithSession
    public Uni<Ranking> trending(int limit, String houseId) {
        var query = houseId == null
                ? stats.find("trendingScore > 0 order by trendingScore desc, perfumeId")
                : stats.find("houseId = ?1 and trendingScore > 0 order by trendingScore desc, perfumeId", houseId);
        return query.page(Page.ofSize(limit)).list().chain(rows -> ranking("trendingScore", rows));
    }

    private Uni<Ranking> ranking(String metric, List<PerfumeInteractionStats> rows) {
        return asOf().map(asOf -> new Ranking(
                metric,
                asOf,
                rows.stream().map(r -> PerfumeStatsView.of(r, asOf)).toList()));
    }

    private Uni<Instant> asOf() {
        return Panache.getSession().chain(session -> JobRuns.asOf(session, JobRuns.HOURLY));
    }
}
