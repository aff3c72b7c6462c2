package com.newsmell.profile.profile;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;

/** How one event changes its user's profile. Every rule is order-independent, so arrival order doesn't matter. */
final class ProfileFold {

    private ProfileFold() {}

    /** Only a known user's human traffic builds a profile: anonymous and bot events are skipped. */
    static boolean counts(UserInteractionEvent event) {
        return event.userId() != null && !event.isBot();
    }

    static UserBehaviorProfile start(UserInteractionEvent event) {
        UserBehaviorProfile profile = new UserBehaviorProfile();
        profile.userId = event.userId();
        profile.lastActiveDate = event.timestamp();
        return profile;
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
