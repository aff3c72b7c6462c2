package com.newsmell.perfumestats.membership;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, Membership.Key> {

    /** The memberships of the given triples that exist, in one query. */
    @WithSession
    public Uni<List<Membership>> findByKeys(Collection<Membership.Key> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> users = keys.stream().map(k -> k.userKey).collect(Collectors.toSet());
        Set<String> perfumes = keys.stream().map(k -> k.perfumeId).collect(Collectors.toSet());
        // users x perfumes is a superset of the pairs; keep only the triples asked for
        return list("userKey in ?1 and perfumeId in ?2", users, perfumes)
                .map(found -> found.stream().filter(m -> keys.contains(m.key())).toList());
    }
}
