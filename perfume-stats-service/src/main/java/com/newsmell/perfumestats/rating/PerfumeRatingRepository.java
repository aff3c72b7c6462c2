package com.newsmell.perfumestats.rating;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class PerfumeRatingRepository implements PanacheRepositoryBase<PerfumeRating, PerfumeRating.Key> {

    /** The stored ratings of the given pairs, in one query. */
    @WithSession
    public Uni<List<PerfumeRating>> findByKeys(Collection<PerfumeRating.Key> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> users = keys.stream().map(k -> k.userKey).collect(Collectors.toSet());
        Set<String> perfumes = keys.stream().map(k -> k.perfumeId).collect(Collectors.toSet());
        return list("userKey in ?1 and perfumeId in ?2", users, perfumes)
                .map(found -> found.stream().filter(r -> keys.contains(r.key())).toList());
    }
}
