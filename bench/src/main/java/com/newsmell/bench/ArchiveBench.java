package com.newsmell.bench;

import com.newsmell.archiver.archive.Archiver;
import com.newsmell.archiver.store.LocalObjectStore;
import com.newsmell.infra.Infra;
import com.newsmell.infra.PostgresServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The archive benchmark (ADR 0031): archive rows/s of one month partition (DuckDB appender, ZSTD Parquet, local
 * store, read-back verification, drop) beside a plain {@code COPY (select ...) TO STDOUT} of the same partition.
 *
 * <p>Usage: {@code ArchiveBench [--rows N] [--repo DIR]}.
 */
public final class ArchiveBench {

    private ArchiveBench() {}

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        Path repo = Path.of("..").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--repo" -> repo = Path.of(args[i + 1]).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("usage: ArchiveBench [--rows N] [--repo DIR]");
            }
        }
        Infra infra = Infra.shared();
        PostgresServer pg = infra.postgres();
        Machine machine = Machine.describe(infra);
        log("machine: %s; load average %s", machine.oneLine(), machine.loadAverage());
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.jdbcUrl(infra.database("archive_bench")));
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        migrate(ds, repo);
        String partition = "user_interaction_event_2025_01";
        long t0 = System.nanoTime();
        fill(ds, rows);
        log("filled %,d rows in %s in %.1f s", rows, partition, (System.nanoTime() - t0) / 1e9);

        // reference: a plain COPY of the same partition, text format, to nowhere
        long copyStart = System.nanoTime();
        long copied;
        try (Connection c = ds.getConnection()) {
            copied = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("copy (select * from " + partition + ") to stdout", OutputStream.nullOutputStream());
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;

        Path dir = Path.of("target", "archive-bench");
        deleteTree(dir);
        long archiveStart = System.nanoTime();
        Archiver.Outcome outcome = new Archiver(
                        ds,
                        new LocalObjectStore(dir.resolve("store")),
                        dir.resolve("work"),
                        Period.ofYears(2),
                        (p, k) -> {})
                .run(Instant.parse("2025-07-01T00:00:00Z"));
        double archiveSeconds = (System.nanoTime() - archiveStart) / 1e9;
        long bytes;
        try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }

        log(
                "RESULT archive: %,d rows in %.2f s = %,.0f rows/s (%d files, %,d bytes ZSTD Parquet, verified, dropped %s)",
                outcome.rows(),
                archiveSeconds,
                outcome.rows() / archiveSeconds,
                outcome.files(),
                bytes,
                outcome.dropped());
        log(
                "RESULT reference COPY (select * from %s) TO STDOUT: %,d rows in %.2f s = %,.0f rows/s",
                partition, copied, copySeconds, copied / copySeconds);
        Row.compared(
                "event-archiver, a month partition to Parquet",
                String.format("%,.0f rows/s", outcome.rows() / archiveSeconds),
                String.format("COPY TO STDOUT %,.0f rows/s", copied / copySeconds),
                (outcome.rows() / archiveSeconds) / (copied / copySeconds));
        log(
                "RESULT ratio archive/COPY: %.2f; load average %s",
                (outcome.rows() / archiveSeconds) / (copied / copySeconds), machine.loadAverage());
        System.exit(0);
    }

    /** The collector's migrations and the toolkit's tables, in order, as plain SQL scripts. */
    private static void migrate(PGSimpleDataSource ds, Path repo) throws Exception {
        Path dir = repo.resolve("event-collector/src/main/resources/db/migration");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts =
                    files.sorted(Comparator.comparingInt(ArchiveBench::version)).toList();
        }
        try (Connection c = ds.getConnection();
                var s = c.createStatement()) {
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
            s.execute(Files.readString(
                    repo.resolve("service-toolkit/src/main/resources/db/toolkit/R__service_toolkit.sql")));
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static void fill(PGSimpleDataSource ds, int rows) throws Exception {
        try (Connection c = ds.getConnection();
                var s = c.createStatement()) {
            s.execute("select ensure_interaction_partitions('2025-01-01', 0)");
            s.execute("insert into user_interaction_event (event_id, user_id, session_id, event_type, event_category,"
                    + " timestamp, client_timestamp, sent_at, received_at, perfume_id, event_data, device_type, browser,"
                    + " os, is_bot, user_agent, referrer, path, location, duration, value, source)"
                    + " select gen_random_uuid(), case when i % 3 = 0 then null else 'user-' || (i % 9973) end,"
                    + " 'session-' || (i / 7), (array['PAGE_VIEW','PERFUME_VIEW','SEARCH_PERFORMED','WISHLIST_ADD',"
                    + "'RATING_SUBMITTED','SEARCH_RESULT_CLICK'])[1 + i % 6], 'NAVIGATION', t, t - interval '1 second',"
                    + " t, t + interval '2 seconds', case when i % 2 = 0 then 'perfume-' || (i % 5000) end,"
                    + " jsonb_build_object('query', 'rose ' || (i % 1000), 'n', i), (array['desktop','mobile','tablet'])[1 + i % 3],"
                    + " 'Firefox', 'Linux', i % 17 = 0, 'Mozilla/5.0 (X11; Linux x86_64)',"
                    + " case when i % 4 = 0 then 'https://google.com/' end, '/p/' || (i % 400), 'DE',"
                    + " case when i % 5 = 0 then i % 60000 end, i / 3.0, case when i % 4 = 0 then 'google.com' else '(direct)' end"
                    + " from (select i, timestamptz '2025-01-01 00:00:00+00' + i * (interval '31 days' / " + rows
                    + ") as t from generate_series(0, " + (rows - 1) + ") i) g");
            s.execute("select set_interaction_partition_tier('user_interaction_event_2025_01', 'cold')");
            s.execute("analyze user_interaction_event_2025_01");
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[archive-bench] " + format + "%n", args);
    }
}
