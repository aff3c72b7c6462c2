package com.newsmell.profile.privacy;

import com.newsmell.toolkit.privacy.ErasureStep;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The profile-retention job's reads and writes (ADR 0033). */
@ApplicationScoped
public class ProfileRetentionRepository {

    /** Up to {@code batch} profiles last active before the instant (only not yet pseudonymised ones, when asked). */
    @WithSession
    public Uni<List<String>> inactive(Instant before, boolean onlyIdentified, int batch) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select user_id from user_behavior_profile where last_active_date < cast(:before as"
                                        + " timestamptz)"
                                        + (onlyIdentified ? " and user_id not like 'pseudonym:%'" : "")
                                        + " order by user_id limit :batch",
                                String.class)
                        .setParameter("before", before.atOffset(ZoneOffset.UTC))
                        .setParameter("batch", batch)
                        .getResultList());
    }

    /** Runs the steps in order in the current transaction for the user. */
    @WithSession
    public Uni<Void> execute(List<ErasureStep> steps, String userId) {
        return Panache.getSession().chain(s -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ErasureStep step : steps) {
                chain = chain.chain(() -> step.run(s, userId).replaceWithVoid());
            }
            return chain;
        });
    }
}
