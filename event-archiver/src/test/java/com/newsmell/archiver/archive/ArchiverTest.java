package com.newsmell.archiver.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.archiver.parquet.ArchiveSchema;
import com.newsmell.archiver.parquet.IndependentParquetReader;
import com.newsmell.archiver.parquet.ParquetFiles;
import com.newsmell.archiver.store.LocalObjectStore;
import com.newsmell.archiver.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0031 against the real PostgreSQL: three simulated months archived to a local directory hold exactly the dropped
 * rows (count and checksum per month and event type, file by file); a crash between write and drop loses nothing and
 * a re-run finishes the job; files older than the retention are deleted.
 */
class ArchiverTest {

    private static final List<LocalDate> MONTHS =
            List.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01"));
    private static final Instant CLOCK = Instant.parse("2025-07-15T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void threeMonthsAreArchivedExactlyThenDropped() throws Exception {
        ArchiveDatabase db = new ArchiveDatabase("archiver");
        SimulatedMonths.insert(db.dataSource, MONTHS, 2_000);
        Map<LocalDate, Map<String, String>> source = new LinkedHashMap<>();
        for (LocalDate month : MONTHS) {
            source.put(month, SimulatedMonths.fingerprints(db.dataSource, month));
        }
        ObjectStore store = new LocalObjectStore(dir.resolve("archive"));

        Archiver.Outcome outcome = archiver(db, store, (p, k) -> {}).run(CLOCK);

        assertThat(outcome.partitions()).isEqualTo(3);
        assertThat(outcome.files()).isEqualTo(18); // 6 event types a month
        assertThat(outcome.rows()).isEqualTo(6_000);
        assertThat(outcome.dropped()).hasSize(3);
        for (LocalDate month : MONTHS) {
            assertThat(exists(db, SimulatedMonths.partition(month))).isFalse();
            Map<String, String> archived = new LinkedHashMap<>();
            Map<String, String> readIndependently = new LinkedHashMap<>();
            try (ParquetFiles parquet = new ParquetFiles(dir)) {
                for (String type : source.get(month).keySet()) {
                    Path copy = dir.resolve("check.parquet");
                    store.get(ArchiveKeys.of(month, type), copy);
                    ParquetFiles.Fingerprint f = parquet.read(copy);
                    archived.put(type, f.rows() + "/" + f.checksum());
                    readIndependently.put(type, IndependentParquetReader.fingerprint(copy));
                    assertThat(manifest(db, month, type)).isEqualTo(f.rows() + "/" + f.checksum() + "/verified");
                }
            }
            assertThat(archived).isEqualTo(source.get(month));
            // parquet-java, not DuckDB that wrote them, reads the same rows from the files
            assertThat(readIndependently).isEqualTo(source.get(month));
        }
        assertThat(store.list("events/year=2025/month=02/"))
                .contains("events/year=2025/month=02/event_type=PAGE_VIEW/part-0.parquet")
                .hasSize(6);
        assertThat(count(db, "select count(*) from raw_event_key")).isZero();
        assertThat(count(
                        db,
                        "select count(*) from job_run where job = 'archive' and status = 'succeeded'"
                                + " and progress_done = 6000 and progress_total = 6000 and rows_processed = 6000"))
                .isOne();
    }

    @Test
    void aCrashBetweenWriteAndDropLosesNothingAndARerunFinishes() throws Exception {
        ArchiveDatabase db = new ArchiveDatabase("archiver");
        List<LocalDate> months = MONTHS.subList(0, 1);
        SimulatedMonths.insert(db.dataSource, months, 600);
        Map<String, String> before = SimulatedMonths.fingerprints(db.dataSource, months.get(0));
        ObjectStore store = new LocalObjectStore(dir.resolve("archive"));

        assertThatThrownBy(() -> archiver(db, store, (point, key) -> {
                            if (key.contains("event_type=RATING")) {
                                throw new IOException("simulated crash after storing " + key);
                            }
                        })
                        .run(CLOCK))
                .hasMessageContaining("simulated crash");
        assertThat(exists(db, SimulatedMonths.partition(months.get(0)))).isTrue();
        assertThat(SimulatedMonths.fingerprints(db.dataSource, months.get(0))).isEqualTo(before);
        assertThat(count(db, "select count(*) from archive_manifest where verified_at is null"))
                .isOne();
        assertThat(count(db, "select count(*) from job_run where job = 'archive' and status = 'failed'"))
                .isOne();
        // the partitions job's rule refuses to drop a month with an unverified file
        assertThat(dropOutcome(db, months.get(0))).isEqualTo("unverified");

        Archiver.Outcome rerun = archiver(db, store, (p, k) -> {}).run(CLOCK);

        assertThat(rerun.skipped()).isEqualTo(3); // ADD_TO_WISHLIST, PAGE_VIEW, PERFUME_VIEW were already verified
        assertThat(rerun.files()).isEqualTo(3);
        assertThat(rerun.dropped()).containsExactly(SimulatedMonths.partition(months.get(0)));
        long archivedRows = 0;
        try (ParquetFiles parquet = new ParquetFiles(dir)) {
            for (String key : store.list("events/")) {
                Path copy = dir.resolve("check.parquet");
                store.get(key, copy);
                archivedRows += parquet.read(copy).rows();
            }
        }
        assertThat(archivedRows).isEqualTo(600);
    }

    @Test
    void aMonthThatAReplayPublishesFromPostgresIsDroppedOnlyAfterIt() throws Exception {
        ArchiveDatabase db = new ArchiveDatabase("archiver");
        List<LocalDate> months = MONTHS.subList(0, 1);
        SimulatedMonths.insert(db.dataSource, months, 60);
        ObjectStore store = new LocalObjectStore(dir.resolve("archive"));
        execute(
                db,
                "insert into replay (replay_id, service, topic, from_time, to_time) values"
                        + " ('00000000-0000-0000-0000-0000000000a1', 'session-service', 't',"
                        + " '2025-01-20T00:00:00Z', '2025-02-10T00:00:00Z')");
        execute(
                db,
                "insert into replay_source (replay_id, source, status) values"
                        + " ('00000000-0000-0000-0000-0000000000a1', 'postgres', 'running')");

        Archiver.Outcome during = archiver(db, store, (p, k) -> {}).run(CLOCK);

        assertThat(during.files()).isEqualTo(6);
        assertThat(during.dropped()).isEmpty();
        assertThat(exists(db, SimulatedMonths.partition(months.get(0)))).isTrue();
        assertThat(dropOutcome(db, months.get(0))).isEqualTo("replaying");

        execute(db, "update replay_source set status = 'done'");
        Archiver.Outcome after = archiver(db, store, (p, k) -> {}).run(CLOCK);

        assertThat(after.dropped()).containsExactly(SimulatedMonths.partition(months.get(0)));
    }

    @Test
    void filesOlderThanTheRetentionAreDeleted() throws Exception {
        ArchiveDatabase db = new ArchiveDatabase("archiver");
        SimulatedMonths.insert(db.dataSource, MONTHS.subList(0, 1), 60);
        ObjectStore store = new LocalObjectStore(dir.resolve("archive"));
        archiver(db, store, (p, k) -> {}).run(CLOCK);
        assertThat(store.list("events/")).hasSize(6);

        // January 2025 ended 2025-02-01; two years later its files go
        Archiver.Outcome later = archiver(db, store, (p, k) -> {}).run(Instant.parse("2027-02-01T03:00:00Z"));

        assertThat(later.expired()).isEqualTo(6);
        assertThat(store.list("events/")).isEmpty();
        assertThat(count(db, "select count(*) from archive_manifest where deleted_at is null"))
                .isZero();
    }

    @Test
    void anErasedUserLeavesEveryArchiveFileAndOthersStay() throws Exception {
        ArchiveDatabase db = new ArchiveDatabase("archiver");
        SimulatedMonths.insert(db.dataSource, MONTHS.subList(0, 2), 600);
        ObjectStore store = new LocalObjectStore(dir.resolve("archive"));
        archiver(db, store, (p, k) -> {}).run(CLOCK);
        long before5 = archivedRowsOf(store, "user-5");
        long before6 = archivedRowsOf(store, "user-6");
        assertThat(before5).isPositive();
        String request = java.util.UUID.randomUUID().toString();
        try (Connection c = db.dataSource.getConnection();
                var s = c.prepareStatement("insert into archive_erasure_pending (request_id, user_id, requested_at)"
                        + " values (cast(? as uuid), 'user-5', now())")) {
            s.setString(1, request);
            s.executeUpdate();
        }

        Archiver.Outcome outcome = archiver(db, store, (p, k) -> {}).run(CLOCK);

        assertThat(outcome.erasedRows()).isEqualTo(before5);
        assertThat(archivedRowsOf(store, "user-5")).isZero();
        assertThat(independentlyReadRowsOf(store, "user-5")).isZero();
        assertThat(independentlyReadRowsOf(store, "user-6")).isEqualTo(before6);
        assertThat(archivedRowsOf(store, "user-6")).isEqualTo(before6);
        assertThat(archivedRowsOf(store, null)).isEqualTo(1_200 - before5);
        assertThat(count(db, "select coalesce(sum(rows), 0) from archive_manifest where verified_at is not null"))
                .isEqualTo(1_200 - before5);
        assertThat(count(
                        db,
                        "select rows from privacy_ack where service = 'event-archiver'"
                                + " and table_group = 'archive-files' and status = 'done' and request_id = '" + request
                                + "'"))
                .isEqualTo(before5);
        assertThat(count(db, "select count(*) from archive_erasure_pending")).isZero();
    }

    /** Rows of the user (every row when null) in every file of the store, read with DuckDB. */
    private long archivedRowsOf(ObjectStore store, String user) throws Exception {
        long rows = 0;
        try (ParquetFiles parquet = new ParquetFiles(dir)) {
            for (String key : store.list("events/")) {
                Path copy = dir.resolve("count.parquet");
                store.get(key, copy);
                rows += user == null ? parquet.read(copy).rows() : parquet.countOfUser(copy, user);
            }
        }
        return rows;
    }

    /** Rows of the user in every file of the store, read with parquet-java. */
    private long independentlyReadRowsOf(ObjectStore store, String user) throws Exception {
        int userColumn = ArchiveSchema.COLUMNS.stream()
                .map(ArchiveSchema.Column::name)
                .toList()
                .indexOf("user_id");
        long rows = 0;
        for (String key : store.list("events/")) {
            Path copy = dir.resolve("independent.parquet");
            store.get(key, copy);
            rows += IndependentParquetReader.rows(copy).stream()
                    .filter(r -> user.equals(r[userColumn]))
                    .count();
        }
        return rows;
    }

    private Archiver archiver(ArchiveDatabase db, ObjectStore store, Archiver.Checkpoint checkpoint) {
        return new Archiver(db.dataSource, store, dir.resolve("work"), Period.ofYears(2), checkpoint);
    }

    static boolean exists(ArchiveDatabase db, String table) throws SQLException {
        return count(db, "select count(*) from pg_class where relname = '" + table + "'") == 1;
    }

    static long count(ArchiveDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource.getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(ArchiveDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    private static String manifest(ArchiveDatabase db, LocalDate month, String type) throws SQLException {
        try (Connection c = db.dataSource.getConnection();
                var s = c.prepareStatement("select rows, row_checksum, verified_at is not null from archive_manifest"
                        + " where month = ? and event_type = ?")) {
            s.setDate(1, java.sql.Date.valueOf(month));
            s.setString(2, type);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getString(2) + "/" + (rs.getBoolean(3) ? "verified" : "unverified");
            }
        }
    }

    private static String dropOutcome(ArchiveDatabase db, LocalDate month) throws SQLException {
        try (Connection c = db.dataSource.getConnection();
                var s = c.prepareStatement("select drop_archived_interaction_partition(?, ?)")) {
            s.setString(1, SimulatedMonths.partition(month));
            s.setDate(2, java.sql.Date.valueOf(month));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
