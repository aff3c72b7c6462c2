package com.newsmell.profile.profile;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class UserBehaviorProfileRepository implements PanacheRepositoryBase<UserBehaviorProfile, String> {

    @WithSession
    public Uni<UserBehaviorProfile> findByUserId(String userId) {
        return findById(userId);
    }

    /**
     * The profiles of these users, locked for the rest of the transaction: a user's events arrive on any
     * partition (the topic is keyed by sessionId), so two consumers may fold the same user at once. Locking in
     * userId order keeps two such transactions from deadlocking.
     */
    @WithSession
    public Uni<List<UserBehaviorProfile>> findByUserIdsForUpdate(Collection<String> userIds) {
        return find("userId in ?1", Sort.by("userId"), userIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
