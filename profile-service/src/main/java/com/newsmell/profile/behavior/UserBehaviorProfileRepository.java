package com.newsmell.profile.behavior;

import com.newsmell.toolkit.persistence.AggregateRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class UserBehaviorProfileRepository implements PanacheRepositoryBase<UserBehaviorProfile, String> {

    @WithSession
    public Uni<UserBehaviorProfile> findByUserId(String userId) {
        return findById(userId);
    }

    /**
     * One page of the profiles in (lastActiveDate descending, userId) order after the cursor's profile, optionally
     * with lastActiveDate in [from, to); fetches {@code limit + 1} rows so that the caller knows whether there is a
     * next page. Answered by the index {@code idx_user_behavior_profile_last_active_user} (V4).
     */
    @WithSession
    public Uni<List<UserBehaviorProfile>> page(ProfileListQuery q) {
        List<String> where = new ArrayList<>(List.of("lastActiveDate is not null"));
        Parameters params = new Parameters();
        if (q.window().from() != null) {
            where.add("lastActiveDate >= :from");
            params = params.and("from", q.window().from());
        }
        if (q.window().to() != null) {
            where.add("lastActiveDate < :to");
            params = params.and("to", q.window().to());
        }
        if (q.after() != null) {
            where.add("lastActiveDate <= :afterDate");
            where.add("(lastActiveDate < :afterDate or userId > :afterUser)");
            params = params.and("afterDate", q.after().lastActiveDate())
                    .and("afterUser", q.after().userId());
        }
        return find(
                        String.join(" and ", where),
                        Sort.descending("lastActiveDate").and("userId", Sort.Direction.Ascending),
                        params)
                .range(0, q.limit())
                .list();
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
