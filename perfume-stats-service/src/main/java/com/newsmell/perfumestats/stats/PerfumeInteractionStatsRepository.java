package com.newsmell.perfumestats.stats;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

@ApplicationScoped
public class PerfumeInteractionStatsRepository implements PanacheRepositoryBase<PerfumeInteractionStats, String> {

    @WithSession
    public Uni<PerfumeInteractionStats> findByPerfumeId(String perfumeId) {
        return findById(perfumeId);
    }

    /**
     * Creates the rows that don't exist yet (race-free: insert ... on conflict do nothing), then loads them all
     * locked for update, in perfumeId order, so two consumers touching the same perfumes never lose an update
     * and never deadlock.
     */
    @WithSession
    public Uni<List<PerfumeInteractionStats>> createAndLock(Collection<String> sortedPerfumeIds) {
        List<String> ids = List.copyOf(sortedPerfumeIds);
        String values = IntStream.rangeClosed(1, ids.size())
                .mapToObj(i -> "(?" + i + ")")
                .collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(
                    "insert into perfume_interaction_stats (perfume_id) values " + values + " on conflict do nothing");
            for (int i = 0; i < ids.size(); i++) {
                insert.setParameter(i + 1, ids.get(i));
            }
            return insert.executeUpdate()
                    .chain(() -> find("perfumeId in ?1 order by perfumeId", ids)
                            .withLock(LockModeType.PESSIMISTIC_WRITE)
                            .list());
        });
    }
}
