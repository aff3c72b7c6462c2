package com.newsmell.profile.behavior;

import com.newsmell.toolkit.persistence.AggregateRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class UserBehaviorProfileRepository implements PanacheRepositoryBase<UserBehaviorProfile, String> {

    @WithSession
    public Uni<UserBehaviorProfile> findByUserId(String userId) {
        return findById(userId);
    }

    /**
     * The profiles of these users, created if missing (race-free: {@code insert … on conflict do nothing}) and
     * locked for the rest of the transaction. A user's events arrive on any partition (the topic is keyed by
     * sessionId), so two replicas may fold the same user at once; locking in userId order keeps them from losing
     * an update or deadlocking (ADR 0008, 0012).
     */
    @WithSession
    public Uni<List<UserBehaviorProfile>> createAndLock(List<String> sortedUserIds) {
        return getSession()
                .chain(session -> AggregateRows.createAndLock(
                        session,
                        UserBehaviorProfile.class,
                        "user_behavior_profile",
                        "user_id",
                        "userId",
                        sortedUserIds));
    }
}
