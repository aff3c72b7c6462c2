package com.newsmell.profile.behavior;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.NAVIGATION_CLICK;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import com.newsmell.profile.behavior.ProfileResource.ProfileView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The profile rules, pure: no Quarkus, no database, no broker. */
class ProfileFoldTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    // Seed, UserInteractionEvent: "userId String? // Nullable for anonymous users"; UserBehaviorProfile:
    // "userId String @unique". Bot traffic is no user's behavior (ADR 0008).
    @Test
    @DisplayName("only a known user's human events count: anonymous (userId null) and bot events are skipped")
    void onlyAKnownUsersHumanEventsCount() {
        assertThat(ProfileFold.counts(event(PAGE_VIEW, "u-1", T0))).isTrue();
        assertThat(ProfileFold.counts(event(PAGE_VIEW, null, T0))).isFalse();
        assertThat(ProfileFold.counts(WireEvents.event(PAGE_VIEW, "s-1", T0)
                        .userId("u-1")
                        .isBot(true)
                        .botReason("user-agent")
                        .build()))
                .isFalse();
    }

    // Seed, UserBehaviorProfile: "userId String @unique" (one profile per user).
    @Test
    @DisplayName("a batch is grouped per userId, in userId order (the lock order), without the events that don't count")
    void groupsTheCountingEventsPerUserInUserIdOrder() {
        UserInteractionEvent c1 = event(PAGE_VIEW, "u-c", T0);
        UserInteractionEvent a1 = event(SEARCH_PERFORMED, "u-a", T0.plusSeconds(1));
        UserInteractionEvent c2 = event(PERFUME_VIEW, "u-c", T0.plusSeconds(2));
        UserInteractionEvent anonymous = event(PAGE_VIEW, null, T0);
        UserInteractionEvent bot = WireEvents.event(PAGE_VIEW, "s-bot", T0)
                .userId("u-b")
                .isBot(true)
                .botReason("user-agent")
                .build();

        var byUser = ProfileFold.byUser(List.of(c1, a1, anonymous, bot, c2));

        assertThat(byUser.keySet()).containsExactly("u-a", "u-c");
        assertThat(byUser.get("u-a")).containsExactly(a1);
        assertThat(byUser.get("u-c")).containsExactly(c1, c2);
        assertThat(ProfileFold.byUser(List.of())).isEmpty();
        assertThat(ProfileFold.byUser(List.of(anonymous, bot))).isEmpty();
    }

    // Seed, "Aggregation Queries" (updateUserBehaviorProfile), verbatim:
    //   totalPageViews: events.filter((e) => e.eventCategory === "VIEW").length,
    //   totalSearches: events.filter((e) => e.eventCategory === "SEARCH").length,
    //   totalInteractions: events.filter((e) =>
    //     ["RATING", "REVIEW", "COLLECTION"].includes(e.eventCategory)
    //   ).length,
    // Issue #21: "the seed's totalInteractions counts RATING, REVIEW and COLLECTION". Before, totalSearches counted
    // SEARCH_PERFORMED only and there was no totalInteractions.
    @ParameterizedTest(name = "{0}")
    @EnumSource(InteractionEventType.class)
    @DisplayName("the seed's profile calculation: VIEW → totalPageViews, SEARCH → totalSearches,"
            + " RATING/REVIEW/COLLECTION → totalInteractions, any other category → none")
    void eachEventTypeCountsByItsCategoryAsTheSeedSays(InteractionEventType type) {
        UserBehaviorProfile profile = profile("u-1");

        ProfileFold.apply(profile, event(type, "u-1", T0));

        InteractionCategory category = type.category();
        assertThat(ProfileView.of(profile))
                .isEqualTo(new ProfileView(
                        "u-1",
                        category == InteractionCategory.VIEW ? 1 : 0,
                        category == InteractionCategory.SEARCH ? 1 : 0,
                        List.of(InteractionCategory.RATING, InteractionCategory.REVIEW, InteractionCategory.COLLECTION)
                                        .contains(category)
                                ? 1
                                : 0,
                        T0));
    }

    // Seed, InteractionCategory: "WISHLIST" is a category of its own, not "COLLECTION".
    @Test
    @DisplayName("a wishlist add is no interaction, a collection add, a rating and a review are")
    void wishlistIsNotAnInteraction() {
        UserBehaviorProfile profile = profile("u-1");

        for (InteractionEventType type :
                List.of(WISHLIST_ADD, WISHLIST_REMOVE, COLLECTION_ADD, RATING_COMPLETED, REVIEW_SUBMITTED)) {
            ProfileFold.apply(profile, event(type, "u-1", T0));
        }

        assertThat(profile.totalInteractions).isEqualTo(3);
    }

    // Seed, UserBehaviorProfile: "totalPageViews Int @default(0)", "totalSearches Int @default(0)"; the seed's
    // profile calculation adds "totalInteractions": the stored counts grow by the batch's events.
    @Test
    @DisplayName("a batch adds to the stored counters, it does not replace them")
    void aBatchAddsToTheStoredCounters() {
        UserBehaviorProfile profile = profile("u-1");
        profile.totalPageViews = 7;
        profile.totalSearches = 3;
        profile.totalInteractions = 5;
        profile.lastActiveDate = T0;

        ProfileFold.fold(
                List.of(profile),
                ProfileFold.byUser(List.of(
                        event(PAGE_VIEW, "u-1", T0.plusSeconds(1)),
                        event(SEARCH_PERFORMED, "u-1", T0.plusSeconds(2)),
                        event(RATING_COMPLETED, "u-1", T0.plusSeconds(1)))),
                NOW);

        assertThat(ProfileView.of(profile)).isEqualTo(new ProfileView("u-1", 8, 4, 6, T0.plusSeconds(2)));
    }

    // Seed, UserBehaviorProfile: "lastActiveDate DateTime" (its last activity: the largest event timestamp).
    @Test
    @DisplayName("lastActiveDate of a new profile (null) is its first event's timestamp")
    void aNewProfileTakesItsFirstEventsTimestamp() {
        UserBehaviorProfile profile = profile("u-1");

        ProfileFold.apply(profile, event(NAVIGATION_CLICK, "u-1", T0));

        assertThat(ProfileView.of(profile)).isEqualTo(new ProfileView("u-1", 0, 0, 0, T0));
    }

    // Seed, UserBehaviorProfile: "lastActiveDate DateTime" (the largest event timestamp).
    @Test
    @DisplayName("lastActiveDate moves forward only: a later event moves it, an earlier or equal one does not")
    void lastActiveDateIsTheLargestTimestamp() {
        UserBehaviorProfile profile = profile("u-1");
        profile.lastActiveDate = T0;

        ProfileFold.apply(profile, event(PAGE_VIEW, "u-1", T0.minusMillis(1)));
        assertThat(profile.lastActiveDate).isEqualTo(T0);
        ProfileFold.apply(profile, event(PAGE_VIEW, "u-1", T0));
        assertThat(profile.lastActiveDate).isEqualTo(T0);
        ProfileFold.apply(profile, event(PAGE_VIEW, "u-1", T0.plusMillis(1)));
        assertThat(profile.lastActiveDate).isEqualTo(T0.plusMillis(1));
    }

    // Seed, Aggregation Queries: the profile is computed from "events" as a set (filter + length, max): the
    // arrival order cannot matter.
    @Test
    @DisplayName("every arrival order folds to the same profile")
    void everyArrivalOrderFoldsToTheSameProfile() {
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                event(WISHLIST_ADD, "u-1", T0.plusSeconds(90)),
                event(RATING_COMPLETED, "u-1", T0.plusSeconds(60)),
                event(SEARCH_PERFORMED, "u-1", T0.plusSeconds(50)),
                event(SEARCH_RESULT_CLICKED, "u-1", T0.plusSeconds(40)),
                event(SEARCH_PERFORMED, "u-1", T0.plusSeconds(30)),
                event(PERFUME_VIEW, "u-1", T0.plusSeconds(20)),
                event(PAGE_VIEW, "u-1", T0)));
        Random random = new Random(11);
        for (int i = 0; i < 30; i++) {
            Collections.shuffle(events, random);
            UserBehaviorProfile profile = profile("u-1");

            ProfileFold.fold(List.of(profile), ProfileFold.byUser(events), NOW);

            assertThat(ProfileView.of(profile)).isEqualTo(new ProfileView("u-1", 2, 3, 1, T0.plusSeconds(90)));
            assertThat(profile.updatedAt).isEqualTo(NOW);
        }
    }

    // Seed, UserBehaviorProfile: "updatedAt DateTime @updatedAt".
    @Test
    @DisplayName("only the profiles a batch has events for change, and they are updated at now")
    void onlyTheProfilesWithEventsChange() {
        UserBehaviorProfile active = profile("u-1");
        UserBehaviorProfile untouched = profile("u-2");
        untouched.totalPageViews = 4;
        untouched.lastActiveDate = T0;
        untouched.updatedAt = T0;

        ProfileFold.fold(
                List.of(active, untouched),
                Map.of(
                        "u-1", List.of(event(PAGE_VIEW, "u-1", T0)),
                        "u-3", List.of(event(PAGE_VIEW, "u-3", T0))),
                NOW);

        assertThat(ProfileView.of(active)).isEqualTo(new ProfileView("u-1", 1, 0, 0, T0));
        assertThat(active.updatedAt).isEqualTo(NOW);
        assertThat(ProfileView.of(untouched)).isEqualTo(new ProfileView("u-2", 4, 0, 0, T0));
        assertThat(untouched.updatedAt).isEqualTo(T0);
    }

    private static UserInteractionEvent event(InteractionEventType type, String userId, Instant at) {
        return WireEvents.event(type, "s-1", at).userId(userId).build();
    }

    private static UserBehaviorProfile profile(String userId) {
        UserBehaviorProfile profile = new UserBehaviorProfile();
        profile.userId = userId;
        return profile;
    }
}
