package com.newsmell.profile.interaction;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads of the rollup {@code user_perfume} (ADR 0012: entity reads in the repository; writes are the consumer's). */
@ApplicationScoped
public class UserPerfumeRepository implements PanacheRepositoryBase<UserPerfume, UserPerfume.Key> {

    /** The pair's row by its primary key; null when the user never interacted with the perfume. */
    @WithSession
    public Uni<UserPerfume> findPair(String userId, String perfumeId) {
        return findById(new UserPerfume.Key(userId, perfumeId));
    }
}
