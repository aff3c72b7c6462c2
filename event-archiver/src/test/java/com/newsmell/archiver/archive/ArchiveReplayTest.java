package com.newsmell.archiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.archiver.replay.ArchiveReplay;
import com.newsmell.archiver.replay.ReplayProducer;
import com.newsmell.archiver.store.LocalObjectStore;
import com.newsmell.archiver.store.ObjectStore;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Infra;
import com.newsmell.infra.TopicReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0045's parquet source against the real PostgreSQL and Kafka: an archived (dropped) month is read back from the
 * archive and published to the replay's topic, exactly the events of the replay's range (a user whose erasure the
 * archive has not applied yet left out), in the contract's format with the replay's id; the source ends done with its
 * count.
 */
class ArchiveReplayTest {

    private static final LocalDate MONTH = LocalDate.parse("2025-01-01");

    @TempDir
    Path dir;

    @Test
    void anArchivedMonthIsPublishedToTheReplayTopicWithinTheRange() throws Exception {
        ArchiveDatabase db = new ArchiveDatabase("replay");
        SimulatedMonths.insert(db.dataSource, List.of(MONTH), 600);
        // The simulated months carry event types of their own; all but one become events of the contract.
        execute(db, "update user_interaction_event set event_type = 'PAGE_VIEW', event_category = 'VIEW'");
        execute(
                db,
                "update user_interaction_event set event_type = 'ADD_TO_WISHLIST', event_category = 'NAVIGATION',"
                        + " user_id = 'user-1' where event_id = (select event_id from user_interaction_event where timestamp >="
                        + " '2025-01-20' order by event_id limit 1)");
        Instant from = Instant.parse("2025-01-10T00:00:00Z");
        Instant to = Instant.parse("2025-02-01T00:00:00Z");
        Set<String> expected = eventIds(
                db,
                "select cast(event_id as text) from user_interaction_event where timestamp >= '" + from
                        + "' and timestamp < '" + to + "' and user_id is distinct from 'user-5'");
        ObjectStore store = new LocalObjectStore(dir.resolve("archive"));
        new Archiver(db.dataSource, store, dir.resolve("work"), Period.ofYears(2), (p, k) -> {})
                .run(Instant.parse("2025-07-15T03:00:00Z"));
        assertThat(ArchiverTest.exists(db, SimulatedMonths.partition(MONTH))).isFalse();

        UUID replay = UUID.randomUUID();
        // The replay topics exist before a replay (the deployment creates them); the broker's auto-creation is not
        // what is tested here.
        String topic = Infra.shared().topic("interaction-replay-test.perfume-stats-service");
        execute(
                db,
                "insert into archive_erasure_pending (request_id, user_id, requested_at) values"
                        + " (gen_random_uuid(), 'user-5', now())");
        execute(
                db,
                "insert into replay (replay_id, service, topic, from_time, to_time) values ('" + replay
                        + "', 'perfume-stats-service', '" + topic + "', '" + from + "', '" + to + "')");
        execute(
                db,
                "insert into replay_source (replay_id, source, months) values ('" + replay + "', 'parquet'," + " '{"
                        + MONTH + "}')");

        ArchiveReplay.Outcome outcome;
        try (var producer =
                ReplayProducer.create(Infra.shared().kafkaBootstrapServers(), Optional.empty(), Optional.empty())) {
            outcome = new ArchiveReplay(db.dataSource, store, dir.resolve("work"), producer).run();
        }

        assertThat(outcome.sources()).isOne();
        assertThat(outcome.published()).isEqualTo(expected.size());
        List<TopicReader.Read> records = TopicReader.readAll(topic);
        assertThat(records).allSatisfy(r -> assertThat(r.headers()).containsEntry("replay-id", replay.toString()));
        Set<String> published = new HashSet<>();
        for (TopicReader.Read r : records) {
            if (r.value().contains("\"event_type\"")) { // the one row that is no event: its columns, for the DLQ
                assertThat(r.value()).contains("\"event_type\":\"ADD_TO_WISHLIST\"", "\"session_id\":\"" + r.key());
                published.add(
                        EventCodec.mapper().readTree(r.value()).get("event_id").asText());
                continue;
            }
            UserInteractionEvent event = EventCodec.fromJson(r.value());
            assertThat(r.key()).isEqualTo(event.sessionId());
            assertThat(event.timestamp()).isBetween(from, to.minusNanos(1));
            published.add(event.eventId());
        }
        assertThat(records.stream().filter(r -> r.value().contains("\"event_type\"")))
                .hasSize(1);
        assertThat(published).hasSize(records.size()).isEqualTo(expected);
        assertThat(ArchiverTest.count(
                        db,
                        "select count(*) from replay_source where replay_id = '" + replay + "' and status = 'done'"
                                + " and published = " + expected.size()))
                .isOne();
        assertThat(new ArchiveReplay(db.dataSource, store, dir.resolve("work"), null)
                        .run()
                        .sources())
                .isZero();
    }

    private static Set<String> eventIds(ArchiveDatabase db, String sql) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = db.dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static void execute(ArchiveDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource.getConnection()) {
            c.createStatement().execute(sql);
        }
    }
}
