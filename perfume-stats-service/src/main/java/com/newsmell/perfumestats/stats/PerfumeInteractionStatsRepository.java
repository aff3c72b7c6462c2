package com.newsmell.perfumestats.stats;

import com.newsmell.toolkit.persistence.AggregateRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * The perfumes with a value for the metric over all time, highest first (through the metric's index), ties by
     * perfumeId, rows {@code offset} to {@code offset + count - 1}: a count when above 0; a rate or average when its
     * denominator is at least {@code minSample}. Optionally only one house's, and those with at least {@code
     * minRatings} ratings.
     */
    @WithSession
    public Uni<List<PerfumeInteractionStats>> top(
            TopMetric metric, Integer minSample, Integer minRatings, String houseId, int offset, int count) {
        StringBuilder where = new StringBuilder(
                metric.isCount()
                        ? metric.field + " > 0"
                        : metric.field + " is not null and " + metric.denominatorField + " >= :minSample");
        Parameters params = new Parameters();
        if (!metric.isCount()) {
            params.and("minSample", minSample);
        }
        if (houseId != null) {
            where.append(" and houseId = :house");
            params.and("house", houseId);
        }
        if (minRatings != null) {
            where.append(" and totalRatings >= :minRatings");
            params.and("minRatings", minRatings);
        }
        return find(where + " order by " + metric.field + " desc, perfumeId", params)
                .range(offset, offset + count - 1)
                .list();
    }

    /**
     * The perfumes with a stored trending score above 0, highest first, optionally of one house only, rows {@code
     * offset} to {@code offset + count - 1}.
     */
    @WithSession
    public Uni<List<PerfumeInteractionStats>> trending(String houseId, int offset, int count) {
        var query = houseId == null
                ? find("trendingScore > 0 order by trendingScore desc, perfumeId")
                : find("houseId = ?1 and trendingScore > 0 order by trendingScore desc, perfumeId", houseId);
        return query.range(offset, offset + count - 1).list();
    }

    /** The rows of these perfumes (those that exist), in no particular order. */
    @WithSession
    public Uni<List<PerfumeInteractionStats>> byIds(List<String> perfumeIds) {
        return perfumeIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("perfumeId in ?1", perfumeIds);
    }

    /**
     * The rank of these perfumes in the trending list ({@link #trending} without a house: 1 for the highest stored
     * score, ties by perfumeId), for those with a score above 0: one statement, each rank a count over the
     * trending_score index.
     */
    @WithSession
    public Uni<Map<String, Integer>> trendingRanks(List<String> perfumeIds) {
        if (perfumeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select s.perfume_id, cast(1 + (select count(*) from perfume_interaction_stats o"
                                        + " where o.trending_score > s.trending_score or (o.trending_score ="
                                        + " s.trending_score and o.perfume_id < s.perfume_id)) as integer)"
                                        + " from perfume_interaction_stats s where s.perfume_id in (:ids) and"
                                        + " s.trending_score > 0",
                                Object[].class)
                        .setParameter("ids", perfumeIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, Integer> ranks = new HashMap<>();
                    rows.forEach(r -> ranks.put((String) r[0], ((Number) r[1]).intValue()));
                    return ranks;
                });
    }
}
