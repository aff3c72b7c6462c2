package com.newsmell.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.infra.Sql;
import com.newsmell.profile.privacy.ProfileRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0033 against PostgreSQL: a profile inactive for 200 days is anonymised (keyed pseudonym in every profile table,
 * search terms dropped), one inactive for 800 days is deleted, an active one is left alone.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class ProfileRetentionTest {

    private static final String DB = ProfileTestResource.DATABASE;

    @Test
    void inactiveProfilesAreAnonymisedThenDeleted() {
        String dormant = "dormant-" + UUID.randomUUID();
        String gone = "gone-" + UUID.randomUUID();
        String active = "active-" + UUID.randomUUID();
        profile(dormant, 200);
        profile(gone, 800);
        profile(active, 1);
        Sql.query(
                DB,
                "insert into user_similar (user_id, rank, other_user_id, similarity, schema_version, as_of)"
                        + " values (?, 1, ?, 0.9, 1, current_date)",
                active,
                dormant);

        given().post("/v1/jobs/profile-retention/runs").then().statusCode(200).body("status", equalTo("succeeded"));

        String pseudonym = ProfileRetention.pseudonym("dev-only-privacy-key", dormant);
        assertThat(Sql.count(DB, "select count(*) from user_behavior_profile where user_id = ?", dormant))
                .isZero();
        assertThat(Sql.count(
                        DB,
                        "select count(*) from user_behavior_profile where user_id = ? and search_patterns = '[]'",
                        pseudonym))
                .isOne();
        assertThat(Sql.count(DB, "select count(*) from user_similar where other_user_id = ?", pseudonym))
                .isOne();
        assertThat(Sql.count(DB, "select count(*) from user_behavior_profile where user_id = ?", gone))
                .isZero();
        assertThat(Sql.count(
                        DB,
                        "select count(*) from user_behavior_profile where user_id like 'pseudonym:%'"
                                + " and user_id = ?",
                        ProfileRetention.pseudonym("dev-only-privacy-key", gone)))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from user_behavior_profile where user_id = ?", active))
                .isOne();
    }

    private static void profile(String user, int inactiveDays) {
        Sql.query(
                DB,
                "insert into user_behavior_profile (user_id, last_active_date, search_patterns) values"
                        + " (?, now() - make_interval(days => ?), '[\"rose oud\"]')",
                user,
                inactiveDays);
    }
}
