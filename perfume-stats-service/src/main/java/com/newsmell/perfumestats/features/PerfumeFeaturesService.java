package com.newsmell.perfumestats.features;

import com.newsmell.perfumestats.api.PerfumeNotFound;
import com.newsmell.perfumestats.catalog.CatalogAttributesRepository;
import com.newsmell.perfumestats.stats.PerfumeInteractionStatsRepository;
import com.newsmell.perfumestats.weekly.WeeklyTrendRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One perfume's features: its statistics, its catalog entry and its latest weekly trend, read in one transaction and
 * combined by {@link PerfumeFeatures#of}. A perfume the service knows neither from interactions nor from the catalog
 * is a 404.
 */
@ApplicationScoped
public class PerfumeFeaturesService {

    private final PerfumeInteractionStatsRepository stats;
    private final CatalogAttributesRepository catalog;
    private final WeeklyTrendRepository trends;

    public PerfumeFeaturesService(
            PerfumeInteractionStatsRepository stats,
            CatalogAttributesRepository catalog,
            WeeklyTrendRepository trends) {
        this.stats = stats;
        this.catalog = catalog;
        this.trends = trends;
    }

    @WithTransaction
    public Uni<PerfumeFeatures> features(String perfumeId) {
        return stats.findByPerfumeId(perfumeId)
                .chain(row -> catalog.find(perfumeId).chain(entry -> {
                    if (row == null && entry == null) {
                        throw PerfumeNotFound.anywhere(perfumeId);
                    }
                    return trends.latest(perfumeId).map(trend -> PerfumeFeatures.of(perfumeId, row, entry, trend));
                }));
    }
}
