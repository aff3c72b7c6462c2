package com.newsmell.perfumestats.features;

import com.newsmell.perfumestats.api.PerfumeNotFound;
import com.newsmell.perfumestats.catalog.CatalogAttributes;
import com.newsmell.perfumestats.catalog.CatalogAttributesRepository;
import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import com.newsmell.perfumestats.stats.PerfumeInteractionStatsRepository;
import com.newsmell.perfumestats.weekly.WeeklyTrendRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        return features(List.of(perfumeId)).map(found -> {
            if (found.get(0) == null) {
                throw PerfumeNotFound.anywhere(perfumeId);
            }
            return found.get(0);
        });
    }

    /**
     * The features of several perfumes, in the order asked, null for a perfume the service knows neither from
     * interactions nor from the catalog: three statements whatever the number (the GraphQL subgraph's batches).
     */
    @WithTransaction
    public Uni<List<PerfumeFeatures>> features(List<String> perfumeIds) {
        return stats.byIds(perfumeIds)
                .chain(rows -> catalog.findAll(perfumeIds)
                        .chain(entries -> trends.latestAll(perfumeIds).map(latest -> {
                            Map<String, PerfumeInteractionStats> byId = new HashMap<>();
                            rows.forEach(r -> byId.put(r.perfumeId, r));
                            List<PerfumeFeatures> found = new ArrayList<>();
                            for (String id : perfumeIds) {
                                PerfumeInteractionStats row = byId.get(id);
                                CatalogAttributes entry = entries.get(id);
                                found.add(
                                        row == null && entry == null
                                                ? null
                                                : PerfumeFeatures.of(id, row, entry, latest.get(id)));
                            }
                            return found;
                        })));
    }
}
