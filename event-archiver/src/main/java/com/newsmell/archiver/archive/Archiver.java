package com.newsmell.archiver.archive;

import com.newsmell.archiver.parquet.ArchiveSchema;
import com.newsmell.archiver.parquet.ParquetFiles;
import com.newsmell.archiver.parquet.ParquetFiles.Fingerprint;
import com.newsmell.archiver.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One archive run (ADR 0031): for every cold partition of the collector's raw store (as its partitions job marked it,
 * ADR 0030), writes one ZSTD Parquet file per event type, stores it, records it in {@code archive_manifest}, reads it
 * back from the store and marks it verified only when its row count and row checksum equal the source's; then asks
 * the database to drop the month ({@code drop_archived_interaction_partition}: only if the verified files hold every
 * row). Files of months older than the archive retention (2 years) are deleted. A run that fails or is interrupted
 * anywhere leaves the partition in PostgreSQL; the next run re-writes what is not verified.
 */
public final class Archiver {

    private static final Logger LOG = Logger.getLogger(Archiver.class);

    /** A point of the run a test can fail at: after a file was stored and recorded, before it was verified. */
    public interface Checkpoint {
        void reached(String point, String key) throws IOException;
    }

    /** What a run did. */
    public record Outcome(
            long runId,
            int partitions,
            int files,
            long rows,
            int skipped,
            List<String> dropped,
            int expired,
            int erasedRows) {}

    private record Cold(String partition, LocalDate month) {}

    private final DataSource db;
    private final ObjectStore store;
    private final Path workDir;
    private final Period retention;
    private final Checkpoint checkpoint;

    public Archiver(DataSource db, ObjectStore store, Path workDir, Period retention, Checkpoint checkpoint) {
        this.db = db;
        this.store = store;
        this.workDir = workDir;
        this.retention = retention;
        this.checkpoint = checkpoint;
    }

    public Outcome run(Instant clock) throws SQLException, IOException {
        Files.createDirectories(workDir);
        JobRunLog log = new JobRunLog(db);
        long runId = log.start(clock, "event-archiver");
        try (Connection lock = db.getConnection()) {
            if (!tryLock(lock)) {
                log.end(runId, false, 0, null, "another archive run holds the lock");
                throw new IllegalStateException("another archive run holds the lock");
            }
            checkColumns();
            List<Cold> cold = coldPartitions();
            long total = 0;
            for (Cold c : cold) {
                total += count(c.partition(), null);
            }
            Progress progress = new Progress(log, runId, total, cold.size());
            int files = 0;
            int skipped = 0;
            List<String> dropped = new ArrayList<>();
            try (ParquetFiles parquet = new ParquetFiles(workDir)) {
                for (Cold c : cold) {
                    for (String type : eventTypes(c.partition())) {
                        if (archiveFile(parquet, c, type, progress)) {
                            files++;
                        } else {
                            skipped++;
                        }
                    }
                    String outcome = drop(c);
                    if ("dropped".equals(outcome)) {
                        dropped.add(c.partition());
                    }
                    progress.partitionDone(c.partition(), outcome);
                }
            }
            int erasedRows = eraseFromArchive(workDir);
            int expired = expire(clock);
            Outcome outcome =
                    new Outcome(runId, cold.size(), files, progress.rows, skipped, dropped, expired, erasedRows);
            log.end(runId, true, progress.rows, progress.detail(expired), null);
            return outcome;
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.errorf(e, "archive run %d failed", runId);
            try {
                log.end(runId, false, 0, null, String.valueOf(e.getMessage()));
            } catch (SQLException ignored) {
                // the run stays 'running' and its heartbeat ages: the collector's GET /v1/jobs shows it stale
            }
            throw e;
        }
    }

    /** Archives one (month, event type); false when the manifest already holds it, verified, with every row. */
    private boolean archiveFile(ParquetFiles parquet, Cold c, String type, Progress progress)
            throws SQLException, IOException {
        long live = count(c.partition(), type);
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select rows from archive_manifest where month = ? and event_type = ?"
                        + " and verified_at is not null and deleted_at is null")) {
            s.setDate(1, Date.valueOf(c.month()));
            s.setString(2, type);
            try (var rs = s.executeQuery()) {
                if (rs.next() && rs.getLong(1) == live) {
                    progress.rows(live);
                    return false;
                }
            }
        }
        String key = ArchiveKeys.of(c.month(), type);
        Path file = workDir.resolve("write-" + c.partition() + "-" + type + ".parquet");
        Fingerprint source;
        long before = progress.rows;
        try (Connection conn = db.getConnection()) {
            conn.setAutoCommit(false); // a cursor: rows are fetched 5,000 at a time
            try (var s = conn.prepareStatement("select " + ArchiveSchema.selectList() + " from "
                    + quoteIdent(c.partition()) + " where event_type = ?")) {
                s.setFetchSize(5_000);
                s.setString(1, type);
                try (var rs = s.executeQuery()) {
                    source = parquet.write(rs, file, done -> progress.rowsAt(before + done));
                }
            }
            conn.commit();
        }
        long bytes = Files.size(file);
        String sha = sha256(file);
        record(c, type, key, source, bytes, sha);
        store.put(key, file);
        checkpoint.reached("stored", key);
        Path back = workDir.resolve("verify-" + c.partition() + "-" + type + ".parquet");
        store.get(key, back);
        Fingerprint read = parquet.read(back);
        String backSha = sha256(back);
        Files.deleteIfExists(file);
        Files.deleteIfExists(back);
        if (!backSha.equals(sha) || !read.equals(source)) {
            throw new IllegalStateException("archive file " + key + " does not read back as written: " + read
                    + " (sha256 " + backSha + ") instead of " + source + " (sha256 " + sha + ")");
        }
        markVerified(c, type);
        LOG.infof("archived %s %s: %d rows, %d bytes, verified", c.partition(), type, source.rows(), bytes);
        return true;
    }

    private void record(Cold c, String type, String key, Fingerprint f, long bytes, String sha) throws SQLException {
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("insert into archive_manifest (partition_name, month, event_type, path,"
                        + " rows, bytes, row_checksum, file_sha256, schema_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (month, event_type) do update set partition_name = excluded.partition_name,"
                        + " path = excluded.path, rows = excluded.rows, bytes = excluded.bytes,"
                        + " row_checksum = excluded.row_checksum, file_sha256 = excluded.file_sha256,"
                        + " schema_version = excluded.schema_version, written_at = now(), verified_at = null,"
                        + " deleted_at = null")) {
            s.setString(1, c.partition());
            s.setDate(2, Date.valueOf(c.month()));
            s.setString(3, type);
            s.setString(4, key);
            s.setLong(5, f.rows());
            s.setLong(6, bytes);
            s.setString(7, f.checksum());
            s.setString(8, sha);
            s.setInt(9, ArchiveSchema.VERSION);
            s.executeUpdate();
        }
    }

    private void markVerified(Cold c, String type) throws SQLException {
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement(
                        "update archive_manifest set verified_at = now() where month = ? and event_type = ?")) {
            s.setDate(1, Date.valueOf(c.month()));
            s.setString(2, type);
            s.executeUpdate();
        }
    }

    private String drop(Cold c) throws SQLException {
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select drop_archived_interaction_partition(?, ?)")) {
            s.setString(1, c.partition());
            s.setDate(2, Date.valueOf(c.month()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * Rewrites every archive file holding rows of a user with a pending erasure (archive_erasure_pending, written by
     * the collector's DELETE /v1/users/{userId}/data) without them, verified like a new file, then acknowledges the
     * request for the table group archive-files in privacy_ack and forgets the user id. Returns the rows removed.
     */
    private int eraseFromArchive(Path dir) throws SQLException, IOException {
        List<String[]> pending = new ArrayList<>();
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select cast(request_id as text), user_id from archive_erasure_pending"
                        + " order by requested_at");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                pending.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        List<String[]> files = new ArrayList<>();
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select cast(id as text), path from archive_manifest"
                        + " where deleted_at is null and verified_at is not null order by month, event_type");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                files.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        int total = 0;
        try (ParquetFiles parquet = new ParquetFiles(dir)) {
            for (String[] request : pending) {
                long removed = 0;
                for (String[] file : files) {
                    removed += eraseFromFile(parquet, file[0], file[1], request[1]);
                }
                try (Connection conn = db.getConnection()) {
                    conn.setAutoCommit(false);
                    try (var ack = conn.prepareStatement("insert into privacy_ack (request_id, service, table_group,"
                                    + " status, rows, completed_at) values (cast(? as uuid), 'event-archiver',"
                                    + " 'archive-files', 'done', ?, now()) on conflict (request_id, service, table_group)"
                                    + " do update set status = 'done', rows = excluded.rows, completed_at = now()");
                            var forget = conn.prepareStatement(
                                    "delete from archive_erasure_pending where request_id = cast(? as uuid)")) {
                        ack.setString(1, request[0]);
                        ack.setLong(2, removed);
                        ack.executeUpdate();
                        forget.setString(1, request[0]);
                        forget.executeUpdate();
                    }
                    conn.commit();
                }
                LOG.infof("erasure %s: %d archived rows removed", request[0], removed);
                total += (int) removed;
            }
        }
        return total;
    }

    private long eraseFromFile(ParquetFiles parquet, String id, String key, String userId)
            throws SQLException, IOException {
        Path file = workDir.resolve("erase-" + id + ".parquet");
        store.get(key, file);
        long rows = parquet.countOfUser(file, userId);
        if (rows == 0) {
            Files.deleteIfExists(file);
            return 0;
        }
        Path rewritten = workDir.resolve("erased-" + id + ".parquet");
        Files.deleteIfExists(rewritten);
        Fingerprint kept = parquet.withoutUser(file, userId, rewritten);
        String sha = sha256(rewritten);
        long bytes = Files.size(rewritten);
        store.put(key, rewritten);
        Path back = workDir.resolve("erased-back-" + id + ".parquet");
        store.get(key, back);
        if (!sha256(back).equals(sha) || !parquet.read(back).equals(kept)) {
            throw new IllegalStateException("rewritten archive file " + key + " does not read back as written");
        }
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("update archive_manifest set rows = ?, bytes = ?, row_checksum = ?,"
                        + " file_sha256 = ?, verified_at = now() where id = cast(? as bigint)")) {
            s.setLong(1, kept.rows());
            s.setLong(2, bytes);
            s.setString(3, kept.checksum());
            s.setString(4, sha);
            s.setString(5, id);
            s.executeUpdate();
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(rewritten);
        Files.deleteIfExists(back);
        return rows;
    }

    /** Deletes the files of months older than the retention; returns how many. */
    private int expire(Instant clock) throws SQLException, IOException {
        LocalDate horizon = clock.atOffset(ZoneOffset.UTC).toLocalDate().minus(retention);
        List<String[]> expired = new ArrayList<>();
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select cast(id as text), path from archive_manifest"
                        + " where deleted_at is null and (month + interval '1 month') <= ?")) {
            s.setDate(1, Date.valueOf(horizon));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    expired.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] row : expired) {
            store.delete(row[1]);
            try (Connection conn = db.getConnection();
                    var s = conn.prepareStatement(
                            "update archive_manifest set deleted_at = now() where id = cast(? as bigint)")) {
                s.setString(1, row[0]);
                s.executeUpdate();
            }
        }
        return expired.size();
    }

    private void checkColumns() throws SQLException {
        Set<String> actual = new LinkedHashSet<>();
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select column_name from information_schema.columns"
                        + " where table_name = 'user_interaction_event' order by ordinal_position");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                actual.add(rs.getString(1));
            }
        }
        if (!actual.equals(new LinkedHashSet<>(ArchiveSchema.names()))
                && !Set.copyOf(actual).equals(Set.copyOf(ArchiveSchema.names()))) {
            throw new IllegalStateException("the raw store's columns " + actual + " are not the archive schema v"
                    + ArchiveSchema.VERSION + "'s " + ArchiveSchema.names() + ": update ArchiveSchema");
        }
    }

    private List<Cold> coldPartitions() throws SQLException {
        List<Cold> cold = new ArrayList<>();
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select t.partition_name, t.month from interaction_partition_tier t"
                        + " join pg_inherits i on i.inhrelid = to_regclass(t.partition_name)"
                        + " and i.inhparent = 'user_interaction_event'::regclass"
                        + " where t.tier = 'cold' and t.month is not null order by t.month");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                cold.add(new Cold(rs.getString(1), rs.getDate(2).toLocalDate()));
            }
        }
        return cold;
    }

    private List<String> eventTypes(String partition) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement(
                        "select distinct event_type from " + quoteIdent(partition) + " order by 1");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        return types;
    }

    private long count(String partition, String type) throws SQLException {
        try (Connection conn = db.getConnection();
                var s = conn.prepareStatement("select count(*) from " + quoteIdent(partition)
                        + (type == null ? "" : " where event_type = ?"))) {
            if (type != null) {
                s.setString(1, type);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean tryLock(Connection lock) throws SQLException {
        try (var s = lock.prepareStatement("select pg_try_advisory_lock(hashtext('event-archiver'))");
                var rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static String quoteIdent(String name) {
        if (!name.matches("user_interaction_event_\\d{4}_\\d{2}")) {
            throw new IllegalArgumentException("not a monthly partition: " + name);
        }
        return '"' + name + '"';
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run's progress in job_run: rows done of the total, partitions done of the cold ones. */
    private static final class Progress {
        private final JobRunLog log;
        private final long runId;
        private final long total;
        private final int partitions;
        private long rows;
        private int partitionsDone;
        private final List<String> outcomes = new ArrayList<>();

        Progress(JobRunLog log, long runId, long total, int partitions) {
            this.log = log;
            this.runId = runId;
            this.total = total;
            this.partitions = partitions;
        }

        void rows(long more) throws SQLException {
            rowsAt(rows + more);
        }

        void rowsAt(long done) {
            rows = done;
            try {
                log.progress(runId, rows, total, detail(0));
            } catch (SQLException e) {
                LOG.warnf(e, "archive run %d: could not record progress", runId);
            }
        }

        void partitionDone(String partition, String outcome) throws SQLException {
            partitionsDone++;
            outcomes.add("\"" + partition + "\":\"" + outcome + "\"");
            log.progress(runId, rows, total, detail(0));
        }

        String detail(int expired) {
            return "{\"partitions\":" + partitions + ",\"partitionsDone\":" + partitionsDone + ",\"rows\":" + rows
                    + ",\"rowsTotal\":" + total + ",\"expiredFiles\":" + expired + ",\"outcomes\":{"
                    + String.join(",", outcomes) + "}}";
        }
    }
}
