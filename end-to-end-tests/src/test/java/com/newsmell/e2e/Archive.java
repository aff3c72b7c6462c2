package com.newsmell.e2e;

import com.newsmell.infra.Infra;
import com.newsmell.infra.ParquetRows;
import com.newsmell.infra.PostgresServer;
import com.newsmell.infra.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The cold tier in the end-to-end run (issue #15): months of raw events written straight into the collector's
 * database as the past, the event-archiver job run as its CronJob would run it (its own JVM, against the collector's
 * database, a local archive directory), and the archive's Parquet files read with parquet-java.
 */
final class Archive {

    static final String MONTH = "2025-01-01";
    static final String PARTITION = "user_interaction_event_2025_01";

    private final Path repo;
    final Path dir;

    /** An empty archive directory under target/ (a former run's files go). */
    Archive(Path repo) throws IOException {
        this.repo = repo;
        this.dir = Path.of("target", "archive").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** {@code perUser} page views of each user in January 2025, its month made cold (the partitions job's mark). */
    static void writeColdMonth(List<String> users, int perUser) {
        String db = "collector";
        Sql.query(db, "select ensure_interaction_partitions(cast(? as date), 0)", MONTH);
        for (String user : users) {
            Sql.query(
                    db,
                    "insert into user_interaction_event (event_id, user_id, session_id, event_type, event_category,"
                            + " timestamp, client_timestamp, sent_at, received_at, event_data, device_type, browser,"
                            + " os, is_bot, user_agent, path, source) select gen_random_uuid(), ?, 'cold-' || ? || '-'"
                            + " || i, 'PAGE_VIEW', 'NAVIGATION', t, t, t, t, jsonb_build_object('title', 'old'),"
                            + " 'desktop', 'Firefox', 'Linux', false, 'Mozilla/5.0', '/', '(direct)' from"
                            + " generate_series(1, ?) i, lateral (select timestamptz '2025-01-10 10:00:00+00' + i *"
                            + " interval '1 hour') x(t)",
                    user,
                    user,
                    perUser);
        }
        Sql.query(
                db,
                "insert into raw_event_key (event_id, timestamp) select event_id, timestamp from " + PARTITION
                        + " on conflict do nothing");
        Sql.query(db, "select set_interaction_partition_tier(?, 'cold')", PARTITION);
    }

    /** Runs event-archiver once, now, to its end; fails when it does not exit 0 within three minutes. */
    void run() throws IOException, InterruptedException {
        Path jar = repo.resolve("event-archiver/target/quarkus-app/quarkus-run.jar");
        PostgresServer pg = Infra.shared().postgres();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.datasource.jdbc.url=" + pg.jdbcUrl(Infra.shared().database("collector")),
                "-Dquarkus.datasource.username=" + pg.user(),
                "-Dquarkus.datasource.password=" + pg.password(),
                "-Dnewsmell.archiver.local-dir=" + dir,
                "-Dnewsmell.archiver.work-dir=" + dir.resolveSibling("archive-work"),
                "-jar",
                jar.toString()));
        Path log = Path.of("target", "services", "event-archiver.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("event-archiver did not finish within 3 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("event-archiver exited " + process.exitValue() + "; see " + log);
        }
    }

    /** The archive's rows, every file, for which the test holds (given each row's every value as text). */
    long rows(Predicate<String> test) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
            files = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        long[] rows = {0};
        for (Path file : files) {
            ParquetRows.each(file, (schema, row) -> {
                if (test.test(row.toString())) {
                    rows[0]++;
                }
            });
        }
        return rows[0];
    }
}
