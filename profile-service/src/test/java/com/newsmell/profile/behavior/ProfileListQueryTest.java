package com.newsmell.profile.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The profile list's parameters and cursor, pure. */
class ProfileListQueryTest {

    @Test
    @DisplayName("from and to are each optional, dates in tz; limit 1 to 1000, default 100")
    void theWindowIsOptional() {
        ProfileListQuery all = q(null, null, null, null, null);
        assertThat(all.window().from()).isNull();
        assertThat(all.window().to()).isNull();
        assertThat(all.window().tz()).isEqualTo("UTC");
        assertThat(all.limit()).isEqualTo(100);
        assertThat(all.after()).isNull();

        ProfileListQuery berlin = q("2", null, "2024-02-01", null, "Europe/Berlin");
        assertThat(berlin.window().from()).isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
        assertThat(berlin.window().to()).isNull();
        assertThat(berlin.limit()).isEqualTo(2);

        assertViolation("to", "after-from", () -> q(null, null, "2024-02-02", "2024-02-01", null));
        assertViolation("limit", "range", () -> q("1001", null, null, null, null));
        assertViolation("from", "format", () -> q(null, null, "yesterday", null, null));
        assertViolation("tz", "zone", () -> q(null, null, null, null, "Berlin"));
    }

    @Test
    @DisplayName(
            "the cursor is the last profile's (lastActiveDate or engagementScore, userId) in its sort; a cursor the API did not return is a 400")
    void theCursorIsTheLastProfile() {
        UserBehaviorProfile profile = new UserBehaviorProfile();
        profile.userId = "u-1\nwith, odd \"text\"";
        profile.lastActiveDate = Instant.parse("2024-02-01T12:00:00.123456Z");

        profile.engagementScore = 42.25;

        assertThat(q(null, ProfileListQuery.Cursor.of(profile, ProfileListQuery.Sort.lastActiveDate), null, null, null)
                        .after())
                .isEqualTo(new ProfileListQuery.Cursor(
                        profile.lastActiveDate,
                        ProfileListQuery.Sort.lastActiveDate,
                        42.25,
                        "u-1\nwith, odd \"text\""));
        String byScore = ProfileListQuery.Cursor.of(profile, ProfileListQuery.Sort.engagementScore);
        assertThat(ProfileListQuery.of(null, byScore, null, null, null, "engagementScore", null, null)
                        .after()
                        .engagementScore())
                .isEqualTo(42.25);
        // A cursor of one order is no position in the other.
        assertViolation("cursor", "format", () -> q(null, byScore, null, null, null));
        assertViolation("cursor", "format", () -> q(null, "nope", null, null, null));
        assertViolation(
                "cursor",
                "format",
                () -> q(null, QueryParams.encodeCursor("yesterday", "lastActiveDate", "0.0", "u-1"), null, null, null));
    }

    /** A query with only the window and paging parameters. */
    private static ProfileListQuery q(String limit, String cursor, String from, String to, String tz) {
        return ProfileListQuery.of(limit, cursor, from, to, tz, null, null, null);
    }

    @Test
    @DisplayName(
            "sort is lastActiveDate (default) or engagementScore; browsingStyle one of the four; minEngagement 0-100")
    void theFiltersAndTheSort() {
        ProfileListQuery all = q(null, null, null, null, null);
        assertThat(all.sort()).isEqualTo(ProfileListQuery.Sort.lastActiveDate);
        assertThat(all.browsingStyle()).isNull();
        assertThat(all.minEngagement()).isNull();

        ProfileListQuery some = ProfileListQuery.of(null, null, null, null, null, "engagementScore", "trader", "12.5");
        assertThat(some.sort()).isEqualTo(ProfileListQuery.Sort.engagementScore);
        assertThat(some.browsingStyle()).isEqualTo(com.newsmell.profile.calculation.BrowsingStyle.trader);
        assertThat(some.minEngagement()).isEqualTo(12.5);

        assertViolation("sort", "enum", () -> ProfileListQuery.of(null, null, null, null, null, "name", null, null));
        assertViolation(
                "browsingStyle", "enum", () -> ProfileListQuery.of(null, null, null, null, null, null, "Trader", null));
        assertViolation(
                "minEngagement", "type", () -> ProfileListQuery.of(null, null, null, null, null, null, null, "high"));
        assertViolation(
                "minEngagement", "range", () -> ProfileListQuery.of(null, null, null, null, null, null, null, "100.5"));
        assertViolation(
                "minEngagement", "range", () -> ProfileListQuery.of(null, null, null, null, null, null, null, "NaN"));
    }

    private static void assertViolation(String parameter, String rule, Executable call) {
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().errors()).singleElement().satisfies(v -> {
                            assertThat(v.pointer()).isEqualTo("?" + parameter);
                            assertThat(v.rule()).isEqualTo(rule);
                        }));
    }
}
