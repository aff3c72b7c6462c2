package com.newsmell.perfumestats;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.infra.Infra;
import com.newsmell.infra.PostgresServer;
import com.newsmell.infra.Sql;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * perfume-stats' own job_run (V2: one row per job) moves onto the job runner's table (V3, then the toolkit's
 * repeatable migration) without losing the as-of the stats API serves (ADR 0011).
 */
class JobRunMigrationTest {

    private static final String DATABASE = "perfume_stats_migration";

    @Test
    void theOldAsOfSurvivesAsASucceededRun() {
        Infra infra = Infra.shared();
        PostgresServer pg = infra.postgres();
        String url = pg.jdbcUrl(infra.database(DATABASE));
        // the service as deployed before the job runner: its own V1 + V2, no toolkit tables yet (a repeatable
        // migration would run at any target, and the runner's job_run indexes need V3's columns)
        Flyway.configure()
                .dataSource(url, pg.user(), pg.password())
                .locations("classpath:db/migration")
                .target("2")
                .load()
                .migrate();
        OffsetDateTime asOf = OffsetDateTime.of(2026, 11, 30, 14, 0, 0, 0, ZoneOffset.UTC);
        Sql.query(
                DATABASE,
                "insert into job_run (job, as_of, finished_at, duration_ms, rows_changed)"
                        + " values ('hourly', ?, ? + interval '2 seconds', 1500, 42)",
                asOf,
                asOf);

        Flyway.configure()
                .dataSource(url, pg.user(), pg.password())
                .locations("classpath:db/migration", "classpath:db/toolkit")
                .load()
                .migrate();

        List<Map<String, Object>> runs = Sql.query(
                DATABASE,
                "select job, status, trigger, rows_processed, as_of = ? as same_as_of,"
                        + " extract(epoch from finished_at - started_at) as seconds from job_run",
                asOf);
        assertThat(runs)
                .singleElement()
                .satisfies(run -> assertThat(run)
                        .containsEntry("job", "hourly")
                        .containsEntry("status", "succeeded")
                        .containsEntry("trigger", "schedule")
                        .containsEntry("rows_processed", 42L)
                        .containsEntry("same_as_of", true));
        assertThat(((Number) runs.get(0).get("seconds")).doubleValue()).isEqualTo(1.5);
        // the runner's shape: a second run of the same job is a new row, its shards have their table
        Sql.query(
                DATABASE,
                "insert into job_run (job, period, trigger, clock, status, started_at, heartbeat_at)"
                        + " values ('hourly', now(), 'manual', now(), 'running', now(), now())");
        assertThat(Sql.count(DATABASE, "select count(*) from job_run_shard")).isZero();
    }
}
