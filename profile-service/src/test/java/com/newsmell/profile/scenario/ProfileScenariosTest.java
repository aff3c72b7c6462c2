package com.newsmell.profile.scenario;

import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.profile.scenario.ProfileHarness.assertProfile;
import static com.newsmell.profile.scenario.ProfileHarness.awaitCatalog;
import static com.newsmell.profile.scenario.ProfileHarness.awaitRollups;
import static com.newsmell.profile.scenario.ProfileHarness.profile;
import static com.newsmell.profile.scenario.ProfileHarness.publishCatalog;
import static com.newsmell.profile.scenario.ProfileHarness.publishNewestFirst;
import static com.newsmell.profile.scenario.ProfileHarness.publishSessions;
import static com.newsmell.profile.scenario.ProfileHarness.runJob;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.profile.ProfileTestResource;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.recompute.ProfileJob;
import com.newsmell.profile.recompute.ProfileRebuildJob;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 end to end in profile-service: the hand-built users' events, catalog entries and session summaries through
 * the real broker into the real database, the daily job run through the job runner with {@link Scenarios#NOW} as its
 * clock, and every profile field read back through the API, exact. Also: a full rebuild and a replay into emptied
 * tables give the same profiles as the incremental runs, and preferences fill in once a late perfume is known.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class ProfileScenariosTest {

    @Inject
    ProfileConfig config;

    @Test
    void theScenariosRulesAreTheConfiguredDefaults() {
        assertThat(ProfileRules.of(config)).isEqualTo(ProfileRules.defaults());
    }

    /** Publishes a scenario set and waits until profile-service holds all of it. */
    private static List<UserInteractionEvent> load(Scenarios s, String run) {
        publishCatalog(s.catalog(), 1);
        List<UserInteractionEvent> events = s.events();
        // The wishlist user's adds and removes one at a time, newest first; the rest newest first in batches.
        publishNewestFirst(
                s.wishlist().isEmpty()
                        ? List.of()
                        : events.stream()
                                .filter(e -> !e.userId().equals(s.user("wishlist")))
                                .toList(),
                7);
        publishNewestFirst(
                events.stream()
                        .filter(e -> e.userId().equals(s.user("wishlist")))
                        .toList(),
                1);
        publishSessions(s.sessions());
        awaitCatalog(s.catalog(), 1);
        awaitRollups("sc-" + run + "-", events.size(), 3);
        return events;
    }

    @Test
    void everyScenarioUserGetsItsExactProfile() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Scenarios s = new Scenarios(run);
        load(s, run);

        runJob(ProfileJob.NAME, Scenarios.NOW);

        for (Scenarios.Expected want : s.expected()) {
            Map<String, Object> got = profile(want.userId());
            assertProfile(got, want);
            assertThat(got.get("asOf")).isEqualTo("2024-06-30T03:00:00.000Z");
            assertThat((String) got.get("computedBy")).startsWith("job-run:");
            assertThat(got.get("windowStart")).isEqualTo("2024-06-01");
            // churnRisk is as of the request (years after 2024): every one of them has stopped coming by now.
            assertThat(got.get("churnRisk")).isEqualTo(1.0);
        }
        assertThat(profile(s.user("churned")).get("lastActiveDate")).isEqualTo("2024-04-16T09:00:00.000Z");
        assertThat(profile(s.user("churned"))).doesNotContainKey("browsingStyle");

        // The list: by engagementScore, one browsing style, a floor, keyset-paged (2 a page).
        assertThat(listed("sort=engagementScore&from=2024-04-01&to=2024-07-01", run))
                .containsExactly(
                        s.user("focused"),
                        s.user("trader"),
                        s.user("wishlist"),
                        s.user("explorer"),
                        s.user("casual"),
                        s.user("churned"));
        assertThat(listed("sort=engagementScore&minEngagement=13.6&from=2024-04-01&to=2024-07-01", run))
                .containsExactly(s.user("focused"), s.user("trader"), s.user("wishlist"));
        assertThat(listed("browsingStyle=casual&from=2024-04-01&to=2024-07-01", run))
                .containsExactly(s.user("casual"), s.user("wishlist"));
        assertThat(listed("from=2024-04-01&to=2024-07-01", run))
                .containsExactly(
                        s.user("casual"),
                        s.user("trader"),
                        s.user("explorer"),
                        s.user("focused"),
                        s.user("wishlist"),
                        s.user("churned"));
    }

    /** The scenario run's userIds in the list's order, read page by page (2 a page). */
    private static List<String> listed(String query, String run) {
        List<String> users = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().get("/v1/profiles?limit=2&" + query + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            page.getList("items.userId", String.class).stream()
                    .filter(u -> u.startsWith("sc-" + run + "-"))
                    .forEach(users::add);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return users;
    }

    @Test
    void aFullRebuildAndAReplayIntoEmptiedTablesGiveTheIncrementalProfiles() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Scenarios s = new Scenarios(run);
        List<UserInteractionEvent> events = load(s, run);

        // Incremental: a run five days earlier (its window holds part of the events), then the run at NOW, which
        // recomputes the users whose window lost days or who were marked since.
        runJob(ProfileJob.NAME, Scenarios.NOW.minus(Duration.ofDays(5)));
        runJob(ProfileJob.NAME, Scenarios.NOW);
        Map<String, Map<String, Object>> incremental = computed(s);
        s.expected().forEach(want -> assertProfile(incremental.get(want.userId()), want));

        runJob(ProfileRebuildJob.NAME, Scenarios.NOW);
        assertThat(computed(s)).isEqualTo(incremental);

        // Replay: every row of these users removed (and their eventIds' claims), the same events and summaries
        // published again in another order, the job run at the same clock.
        String like = "sc-" + run + "-%";
        for (String table : List.of(
                "user_day_activity", "user_perfume_day", "user_perfume", "profile_pending", "session_summary")) {
            Sql.count(
                    ProfileTestResource.DATABASE,
                    "with d as (delete from " + table + " where user_id like ?"
                            + " returning 1) select count(*) from d",
                    like);
        }
        Sql.count(
                ProfileTestResource.DATABASE,
                "with d as (delete from processed_event where event_id = any(?::uuid[]) returning 1)"
                        + " select count(*) from d",
                (Object) events.stream().map(UserInteractionEvent::eventId).toArray(String[]::new));
        Sql.count(
                ProfileTestResource.DATABASE,
                "with d as (delete from user_behavior_profile where user_id like ? returning 1) select count(*) from d",
                like);
        List<UserInteractionEvent> shuffled = new ArrayList<>(events);
        java.util.Collections.shuffle(shuffled, new java.util.Random(11));
        for (int from = 0; from < shuffled.size(); from += 13) {
            WireEvents.publish(shuffled.subList(from, Math.min(shuffled.size(), from + 13)));
        }
        publishSessions(s.sessions());
        awaitRollups("sc-" + run + "-", events.size(), 3);
        runJob(ProfileJob.NAME, Scenarios.NOW);
        assertThat(computed(s)).isEqualTo(incremental);
    }

    /**
     * Each scenario user's profile without what says when and by what it was computed: an incremental run leaves a
     * profile whose inputs did not change as it was (its asOf and windowStart those of the run that computed it).
     */
    private static Map<String, Map<String, Object>> computed(Scenarios s) {
        Map<String, Map<String, Object>> profiles = new HashMap<>();
        for (Scenarios.Expected want : s.expected()) {
            Map<String, Object> p = new HashMap<>(profile(want.userId()));
            p.remove("computedBy");
            p.remove("asOf");
            p.remove("windowStart");
            p.remove("churnRisk");
            profiles.put(want.userId(), p);
        }
        return profiles;
    }

    @Test
    void preferencesFillInAtTheNextRunOnceALatePerfumeIsKnown() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Scenarios s = new Scenarios(run);
        String user = s.user("late");
        String perfume = s.perfume("late");
        Instant at = Instant.parse("2024-06-29T10:00:00Z");
        WireEvents.publish(List.of(
                WireEvents.event(PERFUME_VIEW, "sc-" + run, at)
                        .userId(user)
                        .perfumeId(perfume)
                        .build(),
                WireEvents.event(PERFUME_VIEW, "sc-" + run, at.plusSeconds(5))
                        .userId(user)
                        .perfumeId(perfume)
                        .build()));
        awaitRollups("sc-" + run + "-", 2, 0);
        runJob(ProfileJob.NAME, Scenarios.NOW);
        given().get("/v1/profiles/" + user)
                .then()
                .statusCode(200)
                .body("totalPerfumesViewed", equalTo(1))
                .body("preferredNotes.size()", equalTo(0))
                .body("preferredHouses.size()", equalTo(0));

        Scenarios.Perfume late =
                new Scenarios.Perfume(perfume, s.house("h9"), List.of(s.note("iris")), "Parfum", new BigDecimal("80"));
        publishCatalog(List.of(late), 1);
        // The catalog entry marks the users who interacted with the perfume for the next run.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                ProfileTestResource.DATABASE,
                                "select count(*) from profile_pending where user_id = ?",
                                user)
                        == 1);
        runJob(ProfileJob.NAME, Scenarios.NOW);
        given().get("/v1/profiles/" + user)
                .then()
                .statusCode(200)
                .body("preferredNotes[0].id", equalTo(s.note("iris")))
                .body("preferredNotes[0].weight", equalTo(1.0f))
                .body("preferredHouses[0].id", equalTo(s.house("h9")))
                .body("preferredPriceRange.min", equalTo(80.0f))
                .body("preferredPerfumeTypes[0].perfumeType", equalTo("Parfum"));
    }
}
