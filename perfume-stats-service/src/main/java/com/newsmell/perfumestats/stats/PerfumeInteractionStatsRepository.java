package com.newsmell.perfumestats.stats;

import com.newsmell.toolkit.persistence.AggregateRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class PerfumeInteractionStatsRepository implements PanacheRepositoryBase<PerfumeInteractionStats, String> {

    @WithSession
    public Uni<PerfumeInteractionStats> findByPerfumeId(String perfumeId) {
        return findById(perfumeId);
    }

    /**
     * The rows of these perfumes, created if missing (race-free: {@code insert … on conflict do nothing}) and
     * locked for the rest of the transaction in perfumeId order, so two consumers touching the same perfumes never
     * lose an update and never deadlock (ADR 0008, 0012).
     */
    @WithSession
    public Uni<List<PerfumeInteractionStats>> createAndLock(Collection<String> sortedPerfumeIds) {
        List<String> ids = List.copyOf(sortedPerfumeIds);
        return getSession()
                .chain(session -> AggregateRows.createAndLock(
                        session,
                        PerfumeInteractionStats.class,
                        "perfume_interaction_stats",
                        "perfume_id",
                        "perfumeId",
                        ids));
    }

    /**
     * The perfumes with a value for the metric (counters above 0, ratios not null) and at least {@code minRatings}
     * ratings, highest first (through the metric's index).
     */
    @WithSession
    public Uni<List<PerfumeInteractionStats>> top(TopMetric metric, int limit, int minRatings) {
        String present = metric.counter ? metric.field + " > 0" : metric.field + " is not null";
        return find("totalRatings >= ?1 and " + present + " order by " + metric.field + " desc, perfumeId", minRatings)
                .page(Page.ofSize(limit))
                .list();
    }

    /** The perfumes with a stored trending score above 0, highest first, optionally of one house only. */
    @WithSession
    public Uni<List<PerfumeInteractionStats>> trending(int limit, String houseId) {
        var query = houseId == null
                ? find("trendingScore > 0 order by trendingScore desc, perfumeId")
                : find("houseId = ?1 and trendingScore > 0 order by trendingScore desc, perfumeId", houseId);
        return query.page(Page.ofSize(limit)).list();
    }
}
