package com.newsmell.archiver.replay;

import com.newsmell.archiver.archive.ArchiveKeys;
import com.newsmell.archiver.parquet.ArchiveSchema;
import com.newsmell.archiver.parquet.ParquetFiles;
import com.newsmell.archiver.parquet.RowChecksum;
import com.newsmell.archiver.store.ObjectStore;
import com.newsmell.contract.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * The parquet source of replays (ADR 0045), {@code event-archiver replay}: every pending parquet source the collector
 * recorded (the archived months of a replay's range) is claimed ({@code for update skip locked}, so two runs never
 * share one), its months' verified files are fetched from the object store and read with DuckDB's read_parquet, in
 * (timestamp, eventId) order, restricted to the replay's [from, to), and each row is published to the replay's topic
 * as the contract's event (keyed by sessionId, the replay's id in a header). Acknowledgements are awaited (a flush)
 * every {@value #CHUNK} events before the published count is stored; the source ends done or failed. Rows of users
 * with an erasure the archive has not applied yet are left out; the services drop erased users' events anyway.
 */
public final class ArchiveReplay {

    private static final Logger LOG = Logger.getLogger(ArchiveReplay.class);

    static final int CHUNK = 5_000;

    private static final int USER_ID = ArchiveSchema.names().indexOf("user_id");
    private static final int SESSION_ID = ArchiveSchema.names().indexOf("session_id");

    /** What a run did: the parquet sources it published and their events. */
    public record Outcome(int sources, long published) {}

    private record Claimed(UUID id, String topic, Instant from, Instant to, List<LocalDate> months) {}

    private final DataSource db;
    private final ObjectStore store;
    private final Path workDir;
    private final Producer<String, String> producer;

    public ArchiveReplay(DataSource db, ObjectStore store, Path workDir, Producer<String, String> producer) {
        this.db = db;
        this.store = store;
        this.workDir = workDir;
        this.producer = producer;
    }

    /** Publishes every pending parquet source, one after the other; fails after the first that failed. */
    public Outcome run() throws SQLException, IOException {
        Files.createDirectories(workDir);
        int sources = 0;
        long published = 0;
        for (Claimed claimed = claim(); claimed != null; claimed = claim()) {
            try {
                published += publish(claimed);
                finish(claimed.id(), null);
                sources++;
            } catch (SQLException | IOException | RuntimeException e) {
                finish(claimed.id(), e.toString());
                throw e;
            }
        }
        return new Outcome(sources, published);
    }

    private long publish(Claimed replay) throws SQLException, IOException {
        Set<String> pendingErasure = pendingErasures();
        byte[] id = replay.id().toString().getBytes(StandardCharsets.UTF_8);
        AtomicReference<Exception> failed = new AtomicReference<>();
        long published = 0;
        try (ParquetFiles parquet = new ParquetFiles(workDir)) {
            for (LocalDate month : replay.months()) {
                for (String type : eventTypes(month)) {
                    Path file = workDir.resolve("replay-" + replay.id() + ".parquet");
                    store.get(ArchiveKeys.of(month, type), file);
                    try (var s = parquet.connection()
                            .prepareStatement("select " + ArchiveSchema.selectList() + " from read_parquet('"
                                    + file.toAbsolutePath().toString().replace("'", "''") + "') where"
                                    + " \"timestamp\" >= ? and \"timestamp\" < ? order by \"timestamp\","
                                    + " event_id")) {
                        s.setObject(1, replay.from().atOffset(ZoneOffset.UTC));
                        s.setObject(2, replay.to().atOffset(ZoneOffset.UTC));
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                Object[] values = RowChecksum.values(rs);
                                String user = (String) values[USER_ID];
                                if (user != null && pendingErasure.contains(user)) {
                                    continue;
                                }
                                ProducerRecord<String, String> record = new ProducerRecord<>(
                                        replay.topic(), (String) values[SESSION_ID], ArchivedEvents.toJson(values));
                                record.headers().add(Topics.REPLAY_ID_HEADER, id);
                                producer.send(record, (meta, e) -> {
                                    if (e != null) {
                                        failed.compareAndSet(null, e);
                                    }
                                });
                                if (++published % CHUNK == 0) {
                                    acknowledged(replay.id(), published, failed);
                                }
                            }
                        }
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        acknowledged(replay.id(), published, failed);
        LOG.infof("replay %s: %d archived events published to %s", replay.id(), published, replay.topic());
        return published;
    }

    /** Waits for every send's acknowledgement, then stores the count. */
    private void acknowledged(UUID replay, long published, AtomicReference<Exception> failed) throws SQLException {
        producer.flush();
        if (failed.get() != null) {
            throw new IllegalStateException("Kafka refused a replay record: " + failed.get(), failed.get());
        }
        update("update replay_source set published = ? where replay_id = ? and source = 'parquet'", published, replay);
    }

    private Claimed claim() throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.prepareStatement("update replay_source rs set status = 'running', started_at = now()"
                        + " from replay r where r.replay_id = rs.replay_id and rs.source = 'parquet' and"
                        + " (rs.replay_id, rs.source) = (select replay_id, source from replay_source where source ="
                        + " 'parquet' and status = 'pending' order by replay_id limit 1 for update skip locked)"
                        + " returning rs.replay_id, r.topic, r.from_time, r.to_time, cast(rs.months as text)")) {
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String months = rs.getString(5).replace("{", "").replace("}", "");
                List<LocalDate> list = new ArrayList<>();
                for (String m : months.isBlank() ? new String[0] : months.split(",")) {
                    list.add(LocalDate.parse(m));
                }
                return new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        list);
            }
        }
    }

    /** The event types of the month's verified files (ADR 0031's manifest). */
    private List<String> eventTypes(LocalDate month) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection c = db.getConnection();
                var s = c.prepareStatement("select event_type from archive_manifest where month = ? and verified_at is"
                        + " not null and deleted_at is null order by event_type")) {
            s.setObject(1, month);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private Set<String> pendingErasures() throws SQLException {
        Set<String> users = new HashSet<>();
        try (Connection c = db.getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("select user_id from archive_erasure_pending")) {
            while (rs.next()) {
                users.add(rs.getString(1));
            }
        }
        return users;
    }

    private void finish(UUID replay, String error) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.prepareStatement("update replay_source set status = ?, error = ?, finished_at = now()"
                        + " where replay_id = ? and source = 'parquet'")) {
            s.setString(1, error == null ? "done" : "failed");
            s.setString(2, error);
            s.setObject(3, replay);
            s.executeUpdate();
        }
    }

    private void update(String sql, long value, UUID replay) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setLong(1, value);
            s.setObject(2, replay);
            s.executeUpdate();
        }
    }
}
