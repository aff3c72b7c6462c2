package com.newsmell.profile.behavior;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a batch of events changes its users' profiles, by the seed's profile calculation ("Aggregation Queries",
 * {@code updateUserBehaviorProfile}): {@code totalPageViews} counts category VIEW, {@code totalSearches} category
 * SEARCH, {@code totalInteractions} categories RATING, REVIEW and COLLECTION. Every rule is order-independent, so
 * arrival order doesn't matter. Pure: no database, no clock.
 */
final class ProfileFold {

    /** Seed: {@code ["RATING", "REVIEW", "COLLECTION"].includes(e.eventCategory)}. */
    static final Set<InteractionCategory> INTERACTIONS =
            EnumSet.of(InteractionCategory.RATING, InteractionCategory.REVIEW, InteractionCategory.COLLECTION);

    private ProfileFold() {}

    /** Only a known user's human traffic builds a profile: anonymous and bot events are skipped. */
    static boolean counts(UserInteractionEvent event) {
        return event.userId() != null && !event.isBot();
    }

    /** The events that count, per userId, in userId order: the order their profiles are created and locked in. */
    static SortedMap<String, List<UserInteractionEvent>> byUser(Collection<UserInteractionEvent> events) {
        SortedMap<String, List<UserInteractionEvent>> byUser = new TreeMap<>();
        for (UserInteractionEvent event : events) {
            if (counts(event)) {
                byUser.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event);
            }
        }
        return byUser;
    }

    /** Folds each profile's events ({@link #byUser}) into it; a profile that has events is updated at {@code now}. */
    static void fold(
            Collection<UserBehaviorProfile> profiles, Map<String, List<UserInteractionEvent>> byUser, Instant now) {
        for (UserBehaviorProfile profile : profiles) {
            List<UserInteractionEvent> events = byUser.getOrDefault(profile.userId, List.of());
            if (!events.isEmpty()) {
                events.forEach(event -> apply(profile, event));
                profile.updatedAt = now;
            }
        }
    }

    static void apply(UserBehaviorProfile profile, UserInteractionEvent event) {
        InteractionCategory category = event.eventCategory();
        if (category == InteractionCategory.VIEW) {
            profile.totalPageViews++;
        }
        if (category == InteractionCategory.SEARCH) {
            profile.totalSearches++;
        }
        if (INTERACTIONS.contains(category)) {
            profile.totalInteractions++;
        }
        if (profile.lastActiveDate == null || event.timestamp().isAfter(profile.lastActiveDate)) {
            profile.lastActiveDate = event.timestamp();
        }
    }
}
