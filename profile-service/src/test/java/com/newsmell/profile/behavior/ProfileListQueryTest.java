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
        ProfileListQuery all = ProfileListQuery.of(null, null, null, null, null);
        assertThat(all.window().from()).isNull();
        assertThat(all.window().to()).isNull();
        assertThat(all.window().tz()).isEqualTo("UTC");
        assertThat(all.limit()).isEqualTo(100);
        assertThat(all.after()).isNull();

        ProfileListQuery berlin = ProfileListQuery.of("2", null, "2024-02-01", null, "Europe/Berlin");
        assertThat(berlin.window().from()).isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
        assertThat(berlin.window().to()).isNull();
        assertThat(berlin.limit()).isEqualTo(2);

        assertViolation("to", "after-from", () -> ProfileListQuery.of(null, null, "2024-02-02", "2024-02-01", null));
        assertViolation("limit", "range", () -> ProfileListQuery.of("1001", null, null, null, null));
        assertViolation("from", "format", () -> ProfileListQuery.of(null, null, "yesterday", null, null));
        assertViolation("tz", "zone", () -> ProfileListQuery.of(null, null, null, null, "Berlin"));
    }

    @Test
    @DisplayName("the cursor is the last profile's (lastActiveDate, userId); a cursor the API did not return is a 400")
    void theCursorIsTheLastProfile() {
        UserBehaviorProfile profile = new UserBehaviorProfile();
        profile.userId = "u-1\nwith, odd \"text\"";
        profile.lastActiveDate = Instant.parse("2024-02-01T12:00:00.123456Z");

        assertThat(ProfileListQuery.of(null, ProfileListQuery.Cursor.of(profile), null, null, null)
                        .after())
                .isEqualTo(new ProfileListQuery.Cursor(profile.lastActiveDate, "u-1\nwith, odd \"text\""));
        assertViolation("cursor", "format", () -> ProfileListQuery.of(null, "nope", null, null, null));
        assertViolation(
                "cursor",
                "format",
                () -> ProfileListQuery.of(null, QueryParams.encodeCursor("yesterday", "u-1"), null, null, null));
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
