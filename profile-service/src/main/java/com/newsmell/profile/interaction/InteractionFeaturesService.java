package com.newsmell.profile.interaction;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The interaction features of a user and a perfume, read from the rollup {@code user_perfume}. */
@ApplicationScoped
public class InteractionFeaturesService {

    private final UserPerfumeRepository pairs;

    public InteractionFeaturesService(UserPerfumeRepository pairs) {
        this.pairs = pairs;
    }

    /** The pair's features as of {@code asOf}; null when the user never interacted with the perfume. */
    public Uni<InteractionFeatures> find(String userId, String perfumeId, Instant asOf) {
        return pairs.findPair(userId, perfumeId).map(row -> row == null ? null : FeatureRules.of(row, asOf));
    }
}
