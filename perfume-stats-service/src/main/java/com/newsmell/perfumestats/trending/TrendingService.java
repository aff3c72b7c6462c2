package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The hourly job's writes, one short transaction per chunk of perfumes: lock the chunk's rows, refresh their windows
 * and trending score from the buckets, commit. A chunk holds its rows' locks for one statement only, so the consumer
 * waits at most that long for a perfume.
 */
@ApplicationScoped
public class TrendingService {

    private final TrendingRepository trending;
    private final PerfumeStatsConfig config;

    public TrendingService(TrendingRepository trending, PerfumeStatsConfig config) {
        this.trending = trending;
        this.config = config;
    }

    /** Refreshes the perfumes (sorted by perfumeId) as of the windows' hour; returns how many rows changed. */
    @WithTransaction
    public Uni<Long> refresh(Windows windows, List<String> sortedPerfumeIds) {
        return trending.lockAndRefresh(windows, config.trending(), sortedPerfumeIds);
    }
}
