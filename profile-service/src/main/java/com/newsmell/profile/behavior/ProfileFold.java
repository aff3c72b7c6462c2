package com.newsmell.profile.behavior;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a batch of events changes its users' profiles. Every rule is order-independent, so arrival order doesn't
 * matter. Pure: no database, no clock.
 */
final class ProfileFold {

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
        if (event.eventCategory() == InteractionCategory.VIEW) {
            profile.totalPageViews++;
        }
        if (event.eventType() == InteractionEventType.SEARCH_PERFORMED) {
            profile.totalSearches++;
        }
        if (profile.lastActiveDate == null || event.timestamp().isAfter(profile.lastActiveDate)) {
            profile.lastActiveDate = event.timestamp();
        }
    }
}
