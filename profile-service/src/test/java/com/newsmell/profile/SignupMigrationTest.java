package com.newsmell.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.infra.Infra;
import com.newsmell.infra.PostgresServer;
import com.newsmell.infra.Sql;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V8 (ADR 0020) on profiles made before it: each one's first event is the earliest the rollups still know, its signup
 * source first-event; user_perfume's new counts are unknown (null), never a wrong number.
 */
class SignupMigrationTest {

    private static final String DATABASE = "profile_signup_migration";

    private static OffsetDateTime at(String instant) {
        return OffsetDateTime.parse(instant);
    }

    /** A timestamptz as JDBC reads it. */
    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    @Test
    void profilesBeforeV8GetTheirEarliestKnownEventAsSignup() {
        Infra infra = Infra.shared();
        PostgresServer pg = infra.postgres();
        String url = pg.jdbcUrl(infra.database(DATABASE));
        Flyway.configure()
                .dataSource(url, pg.user(), pg.password())
                .locations("classpath:db/migration")
                .target("7")
                .load()
                .migrate();
        // a: a perfume row (exact) and two days of activity, the first one's earliest hour 09 (before the perfume's)
        Sql.query(
                DATABASE,
                "insert into user_behavior_profile (user_id, last_active_date) values"
                        + " ('a', '2026-11-30T10:00:00Z'), ('b', '2026-11-20T12:00:00Z'), ('c', '2026-11-25T07:30:00Z')");
        Sql.query(
                DATABASE,
                "insert into user_perfume (user_id, perfume_id, views, first_interaction, last_interaction) values"
                        + " ('a', 'p1', 2, '2026-11-02T08:15:30Z', '2026-11-30T10:00:00Z'),"
                        + " ('b', 'p1', 0, '2026-11-10T01:02:03.456Z', '2026-11-12T00:00:00Z'),"
                        + " ('b', 'p2', 1, '2026-11-11T00:00:00Z', '2026-11-11T00:00:00Z')");
        Sql.query(
                DATABASE,
                "insert into user_day_activity (user_id, day, event_counts, hour_counts) values"
                        + " ('a', '2026-11-05', '{\"PAGE_VIEW\": 1}', '{\"3\": 1}'),"
                        + " ('a', '2026-11-01', '{\"PAGE_VIEW\": 3}', '{\"14\": 2, \"9\": 1}')");

        Flyway.configure()
                .dataSource(url, pg.user(), pg.password())
                .locations("classpath:db/migration", "classpath:db/toolkit", "classpath:db/catalog")
                .load()
                .migrate();

        List<Map<String, Object>> profiles = Sql.query(
                DATABASE,
                "select user_id, first_event_at, registered_at, signup_at, signup_source from user_behavior_profile"
                        + " order by user_id");
        assertThat(profiles)
                .extracting(p -> List.of(
                        p.get("user_id"),
                        instant(p.get("first_event_at")),
                        instant(p.get("signup_at")),
                        p.get("signup_source")))
                .containsExactly(
                        List.of(
                                "a",
                                at("2026-11-01T09:00:00Z").toInstant(),
                                at("2026-11-01T09:00:00Z").toInstant(),
                                "first-event"),
                        List.of(
                                "b",
                                at("2026-11-10T01:02:03.456Z").toInstant(),
                                at("2026-11-10T01:02:03.456Z").toInstant(),
                                "first-event"),
                        List.of(
                                "c",
                                at("2026-11-25T07:30:00Z").toInstant(),
                                at("2026-11-25T07:30:00Z").toInstant(),
                                "first-event"));
        assertThat(profiles).allSatisfy(p -> assertThat(p.get("registered_at")).isNull());
        assertThat(Sql.count(
                        DATABASE,
                        "select count(*) from user_perfume where interactions is null and last_viewed_at is null"))
                .as("the pairs' new columns are unknown before V8")
                .isEqualTo(3);

        // the columns are generated: a registration, however it is written, becomes the signup
        Sql.query(
                DATABASE,
                "update user_behavior_profile set registered_at = '2026-11-03T00:00:00Z' where user_id = 'c'");
        assertThat(Sql.query(
                        DATABASE, "select signup_at, signup_source from user_behavior_profile where user_id = 'c'"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(instant(c.get("signup_at")))
                            .isEqualTo(at("2026-11-03T00:00:00Z").toInstant());
                    assertThat(c.get("signup_source")).isEqualTo("registered");
                });
    }
}
