package com.newsmell.profile.behavior;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.profile.rollup.RollupFold;
import com.newsmell.profile.rollup.RollupRepository;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.consumer.EventClaims;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The profiles: a batch of interaction events is claimed (ADR 0004) and added to the rollups in the same transaction,
 * which also keeps each user's lastActiveDate and marks them for the next run; and reads.
 */
@ApplicationScoped
public class ProfileService {

    private final UserBehaviorProfileRepository profiles;
    private final RollupRepository rollups;
    private final EventClaims claims;

    public ProfileService(UserBehaviorProfileRepository profiles, RollupRepository rollups, EventClaims claims) {
        this.profiles = profiles;
        this.rollups = rollups;
        this.claims = claims;
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return claims.claim(events)
                .chain(fresh -> rollups.add(RollupFold.fold(fresh)))
                .replaceWith(List.of());
    }

    public Uni<UserBehaviorProfile> find(String userId) {
        return profiles.findByUserId(userId);
    }

    /** One page of the profiles (fetches limit + 1 rows). */
    public Uni<List<UserBehaviorProfile>> page(ProfileListQuery query) {
        return profiles.page(query);
    }
}
