package com.newsmell.profile.behavior;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.consumer.EventClaims;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * Folds interaction events into user behavior profiles (ADR 0012): claim the eventIds, create and lock the
 * profiles the fresh events touch, fold them; Hibernate flushes the changed rows at commit.
 */
@ApplicationScoped
public class ProfileService {

    private final UserBehaviorProfileRepository profiles;
    private final EventClaims claims;

    public ProfileService(UserBehaviorProfileRepository profiles, EventClaims claims) {
        this.profiles = profiles;
        this.claims = claims;
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return claims.claim(events).chain(this::fold).replaceWith(List.of());
    }

    public Uni<UserBehaviorProfile> find(String userId) {
        return profiles.findByUserId(userId);
    }

    /** One page of the profiles, most recently active first (fetches limit + 1 rows). */
    public Uni<List<UserBehaviorProfile>> page(ProfileListQuery query) {
        return profiles.page(query);
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh) {
        SortedMap<String, List<UserInteractionEvent>> byUser = ProfileFold.byUser(fresh);
        if (byUser.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return profiles.createAndLock(List.copyOf(byUser.keySet()))
                .invoke(locked -> ProfileFold.fold(locked, byUser, Instant.now()))
                .replaceWithVoid();
    }
}
