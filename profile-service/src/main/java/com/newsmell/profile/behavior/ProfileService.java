package com.newsmell.profile.behavior;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.identity.AnonymousEventRepository;
import com.newsmell.profile.rollup.RollupFold;
import com.newsmell.profile.rollup.RollupRepository;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.consumer.EventClaims;
import com.newsmell.toolkit.identity.Attribution;
import com.newsmell.toolkit.identity.IdentityLinkStore;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles: a batch of interaction events is claimed (ADR 0004) and added to the rollups in the same transaction,
 * which also keeps each user's lastActiveDate and marks them for the next run; and reads.
 */
@ApplicationScoped
public class ProfileService {

    private final UserBehaviorProfileRepository profiles;
    private final RollupRepository rollups;
    private final EventClaims claims;
    private final IdentityLinkStore links;
    private final AnonymousEventRepository anonymous;

    private final ProfileRules rules;

    public ProfileService(
            UserBehaviorProfileRepository profiles,
            RollupRepository rollups,
            EventClaims claims,
            IdentityLinkStore links,
            AnonymousEventRepository anonymous,
            ProfileConfig config) {
        this.links = links;
        this.anonymous = anonymous;
        this.profiles = profiles;
        this.rollups = rollups;
        this.claims = claims;
        this.rules = ProfileRules.of(config);
    }

    /**
     * Claims the events and adds them to the rollups; an anonymous event whose anonymousId is linked counts as the
     * user's, one not linked yet is parked until its link comes (ADR 0064).
     */
    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return claims.claim(events)
                .chain(fresh -> links.lockVisitors(fresh.stream()
                                .map(UserInteractionEvent::anonymousId)
                                .toList())
                        .chain(() -> links.attribute(fresh)))
                .chain(attributed -> rollups.add(RollupFold.fold(attributed))
                        .chain(() -> anonymous.park(attributed.stream()
                                .filter(e -> Attribution.needsUser(e) && !e.isBot())
                                .toList())))
                .replaceWith(List.of());
    }

    public Uni<UserBehaviorProfile> find(String userId) {
        return profiles.findByUserId(userId);
    }

    /** The profiles of several users with one query, in the order asked (null where a user has none). */
    public Uni<List<UserBehaviorProfile>> findAll(List<String> userIds) {
        return profiles.byUserIds(userIds).map(rows -> {
            Map<String, UserBehaviorProfile> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.userId, r));
            return userIds.stream().map(byId::get).toList();
        });
    }

    /** The API's view of a profile as of {@code now} (churnRisk is computed when read). */
    public ProfileView view(UserBehaviorProfile profile, Instant now) {
        return ProfileView.of(profile, rules, now);
    }

    /** One page of the profiles (fetches limit + 1 rows). */
    public Uni<List<UserBehaviorProfile>> page(ProfileListQuery query) {
        return profiles.page(query);
    }
}
