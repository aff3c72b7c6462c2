package com.newsmell.perfumestats.stats;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

    @WithSession
    public Uni<List<PerfumeInteractionStats>> findByPerfumeIds(Collection<String> perfumeIds) {
        return list("perfumeId in ?1", perfumeIds);
    }
}
