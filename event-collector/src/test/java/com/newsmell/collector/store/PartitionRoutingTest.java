package com.newsmell.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import com.newsmell.toolkit.api.TrafficSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Repository layer, real database: rows land in their monthly partition, checked with tableoid. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class PartitionRoutingTest {

    private final RawEventStore store;
    private final PartitionMaintenance partitions;

    PartitionRoutingTest(RawEventStore store, PartitionMaintenance partitions) {
        this.store = store;
        this.partitions = partitions;
    }

    @Test
    @RunOnVertxContext
    void rowsLandInTheirMonthlyPartition(UniAsserter asserter) {
        String session = "partition-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant nextMonth = LocalDate.now(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .plusMonths(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(3600);
        asserter.assertThat(
                () -> store.store(List.of(event(session, now), event(session, nextMonth))),
                n -> assertThat(n).isEqualTo(2));
        asserter.execute(() -> {
            assertThat(partitionOf(session, now)).isEqualTo(partitionName(now));
            assertThat(partitionOf(session, nextMonth)).isEqualTo(partitionName(nextMonth));
        });
    }

    @Test
    @RunOnVertxContext
    void strayRowsInTheDefaultPartitionMoveWhenTheirMonthIsCreated(UniAsserter asserter) {
        String session = "stray-" + UUID.randomUUID();
        Instant old = Instant.parse("2021-03-15T12:00:00Z");
        asserter.assertThat(
                () -> store.store(List.of(event(session, old))),
                n -> assertThat(n).isEqualTo(1));
        asserter.execute(() -> assertThat(partitionOf(session, old)).isEqualTo("user_interaction_event_default"));
        asserter.assertThat(
                () -> partitions.ensurePartitions(LocalDate.parse("2021-03-01")),
                n -> assertThat(n).isPositive());
        asserter.execute(() -> {
            assertThat(partitionOf(session, old)).isEqualTo("user_interaction_event_2021_03");
            assertThat(Sql.count(
                            CollectorTestResource.DATABASE,
                            "select count(*) from user_interaction_event_default where session_id = ?",
                            session))
                    .isZero();
        });
    }

    @Test
    @RunOnVertxContext
    void theSameEventIdIsStoredOnceEvenWithAnotherTimestamp(UniAsserter asserter) {
        String session = "dedupe-" + UUID.randomUUID();
        UserInteractionEvent first = event(session, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        UserInteractionEvent retried =
                first.toBuilder().timestamp(first.timestamp().plusMillis(40)).build();
        asserter.assertThat(
                () -> store.store(List.of(first)), n -> assertThat(n).isEqualTo(1));
        asserter.assertThat(
                () -> store.store(List.of(retried, retried)), n -> assertThat(n).isZero());
        asserter.execute(() -> assertThat(Sql.count(
                        CollectorTestResource.DATABASE,
                        "select count(*) from user_interaction_event where session_id = ?",
                        session))
                .isEqualTo(1));
    }

    @Test
    void futurePartitionsExistAhead() {
        LocalDate ahead = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(3);
        assertThat(Sql.count(
                        CollectorTestResource.DATABASE,
                        "select count(*) from pg_class where relname = ?",
                        "user_interaction_event_" + ahead.format(DateTimeFormatter.ofPattern("yyyy_MM"))))
                .isEqualTo(1);
    }

    // ADR 0015's source column and ADR 0030's partitioned indexes: a partition the partitions job creates after the
    // migrations has the column and every index kept in all tiers (the hot-only ones come with its tier,
    // LifecycleTiersTest).
    @Test
    @RunOnVertxContext
    void partitionsCreatedLaterCarryTheSourceColumnAndTheKeptIndexes(UniAsserter asserter) {
        asserter.assertThat(
                () -> partitions.ensurePartitions(LocalDate.parse("2019-06-01")),
                n -> assertThat(n).isPositive());
        asserter.execute(() -> {
            List<String> indexes = List.of(
                    "idx_uie_user_time",
                    "idx_uie_session_time",
                    "idx_uie_perfume_time",
                    "idx_uie_type_time",
                    "idx_uie_time_event");
            for (String index : indexes) {
                assertThat(Sql.count(
                                CollectorTestResource.DATABASE,
                                "select count(*) from pg_inherits p where p.inhparent = 'user_interaction_event'::regclass"
                                        + " and not exists (select 1 from pg_index x join pg_inherits i on i.inhrelid ="
                                        + " x.indexrelid where x.indrelid = p.inhrelid and i.inhparent = ?::regclass)",
                                index))
                        .as("partitions without their part of " + index)
                        .isZero();
            }
            assertThat(Sql.count(
                            CollectorTestResource.DATABASE,
                            "select count(*) from information_schema.columns where table_name ="
                                    + " 'user_interaction_event_2019_06' and column_name = 'source'"))
                    .isEqualTo(1);
        });
    }

    // ADR 0015: "source ... is computed once, when the row is written, by one rule (TrafficSource)".
    @Test
    @RunOnVertxContext
    void theSourceIsSetWhenTheEventIsStored(UniAsserter asserter) {
        String session = "source-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        asserter.assertThat(
                () -> store.store(List.of(
                        event(session, now).toBuilder()
                                .referrer("https://WWW.Example.org./perfumes?q=1")
                                .build(),
                        event(session, now.plusMillis(1)))),
                n -> assertThat(n).isEqualTo(2));
        asserter.execute(() -> assertThat(Sql.query(
                                CollectorTestResource.DATABASE,
                                "select source from user_interaction_event where session_id = ? order by timestamp",
                                session)
                        .stream()
                        .map(row -> row.get("source"))
                        .toList())
                .containsExactly("example.org", "(direct)"));
    }

    // The migration's backfill (V3) writes TrafficSource.of in SQL for the rows stored before: on a corpus of
    // referrers, the SQL function (run from the migration's own text) and the Java rule agree.
    @Test
    void theBackfillRuleAgreesWithTrafficSource() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V3__event_metrics_dimensions.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String function = migration
                .substring(
                        migration.indexOf("-- BEGIN traffic_source_backfill") + 32,
                        migration.indexOf("-- END traffic_source_backfill"))
                .trim();
        String name = "traffic_source_check_" + UUID.randomUUID().toString().replace("-", "");
        Sql.query(CollectorTestResource.DATABASE, function.replace("traffic_source_backfill(", name + "("));
        try {
            String[] referrers = {
                null,
                "",
                "   ",
                "https://www.google.com/search?q=rose",
                "https://google.com",
                "HTTPS://WWW.Google.COM./",
                "http://news.ycombinator.com:8080/item?id=1",
                "https://user:pw@www.example.org/path",
                "https://a@b@c.example/",
                "http://[2001:db8::1]:8080/x",
                "http://[2001:db8::1",
                "android-app://com.google.android.gm/",
                "https://exa_mple.com/x",
                "https://bücher.de/",
                "  https://www.duckduckgo.com/  ",
                "https://t.co#frag",
                "https://www./",
                "file:///etc/passwd",
                "not a url",
                "example.com/path",
                "mailto:someone@example.com",
                "//cdn.example.net/x",
                "http:///path",
                "https://" + "a".repeat(300) + ".com/"
            };
            for (String referrer : referrers) {
                Object sql = Sql.query(CollectorTestResource.DATABASE, "select " + name + "(?) as source", referrer)
                        .get(0)
                        .get("source");
                assertThat(sql).as("source of " + referrer).isEqualTo(TrafficSource.of(referrer));
            }
        } finally {
            Sql.query(CollectorTestResource.DATABASE, "drop function " + name + "(text)");
        }
    }

    private static String partitionOf(String session, Instant timestamp) {
        return (String) Sql.query(
                        CollectorTestResource.DATABASE,
                        "select tableoid::regclass::text as part from user_interaction_event where session_id = ? and timestamp = ?",
                        session,
                        java.sql.Timestamp.from(timestamp))
                .get(0)
                .get("part");
    }

    private static String partitionName(Instant instant) {
        return "user_interaction_event_"
                + DateTimeFormatter.ofPattern("yyyy_MM")
                        .withZone(ZoneOffset.UTC)
                        .format(instant);
    }

    private static UserInteractionEvent event(String session, Instant timestamp) {
        return UserInteractionEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .sessionId(session)
                .eventType(InteractionEventType.PAGE_VIEW)
                .timestamp(timestamp)
                .clientTimestamp(timestamp)
                .receivedAt(Instant.now())
                .path("/")
                .build();
    }
}
