package com.newsmell.e2e;

import com.newsmell.infra.ParquetRows;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    private static Archive shared;

    private final Path repo;
    final Path dir;

    private Archive(Path repo, Path dir) {
        this.repo = repo;
        this.dir = dir;
    }

    /**
     * The archive of the shared system's collector (ErasureIT and ReplayEqualityIT both archive into it, in any
     * order): a directory of this run under target/, as the CronJob's object store is one for the deployment.
     */
    static synchronized Archive shared() throws IOException {
        if (shared == null) {
            Path dir = Path.of(
                            "target",
                            "archive-" + java.util.UUID.randomUUID().toString().substring(0, 8))
                    .toAbsolutePath();
            Files.createDirectories(dir);
            shared = new Archive(RunningSystem.repo(), dir);
        }
        return shared;
    }

    /** Where event-archiver stages its files (beside the archive, so that no staging file is read as archived). */
    Path workDir() {
        return dir.resolveSibling(dir.getFileName() + "-work");
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

    /**
     * Runs event-archiver against the shared collector's database with these arguments (none: the archive run, as
     * its CronJob runs it; {@code replay}: the replays' archived months; {@code --now=...}: as of that instant) to its
     * end; fails when it does not exit 0 within three minutes.
     */
    void run(String... args) {
        ServiceProcess.runToEnd(
                repo,
                "event-archiver",
                RunningSystem.database(RunningSystem.COLLECTOR),
                Map.of(
                        "newsmell.archiver.local-dir",
                        dir.toString(),
                        "newsmell.archiver.work-dir",
                        workDir().toString()),
                List.of(args),
                Duration.ofMinutes(3));
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
