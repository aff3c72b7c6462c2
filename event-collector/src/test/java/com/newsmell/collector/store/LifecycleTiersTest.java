package com.newsmell.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.store.PartitionRepository.Partition;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0030 against the real database: a partition's tier decides its indexes, and a cold month leaves PostgreSQL
 * only once the archive manifest holds its rows, verified. Each test attaches a month of its own in 1990, which no
 * other test creates.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class LifecycleTiersTest {

    private static final String DB = CollectorTestResource.DATABASE;

    private final PartitionMaintenance maintenance;
    private final RawEventStore store;

    LifecycleTiersTest(PartitionMaintenance maintenance, RawEventStore store) {
        this.maintenance = maintenance;
        this.store = store;
    }

    @Test
    @RunOnVertxContext
    void aHotPartitionHasEveryIndexAndAWarmOneOnlyTheKeptOnes(UniAsserter asserter) {
        Partition part = attach(LocalDate.parse("1990-01-01"));
        asserter.execute(() -> maintenance.tier(part, PartitionTier.HOT));
        asserter.execute(() -> {
            assertThat(indexes(part)).contains(part.name() + "_path_time", part.name() + "_user_type_time");
            assertThat(indexes(part)).hasSize(10 + 6); // hot-only, then the primary key and five partitioned ones
            assertThat(tier(part)).isEqualTo("hot");
        });
        asserter.execute(() -> maintenance.tier(part, PartitionTier.WARM));
        asserter.execute(() -> {
            assertThat(indexes(part)).hasSize(6).noneMatch(name -> name.startsWith(part.name() + "_path"));
            assertThat(tier(part)).isEqualTo("warm");
        });
    }

    @Test
    @RunOnVertxContext
    void aColdMonthIsDroppedOnlyOnceItsVerifiedFilesHoldEveryRow(UniAsserter asserter) {
        Partition part = attach(LocalDate.parse("1990-02-01"));
        String session = "cold-" + UUID.randomUUID();
        Instant at = Instant.parse("1990-02-10T10:00:00Z");
        asserter.assertThat(
                () -> store.store(List.of(event(session, at), event(session, at.plusSeconds(1)))),
                n -> assertThat(n).isEqualTo(2));
        asserter.assertThat(
                () -> maintenance.tier(part, PartitionTier.COLD),
                o -> assertThat(o).isEqualTo("awaiting-archive"));
        asserter.execute(() -> manifest(part, "PAGE_VIEW", 2, false));
        asserter.assertThat(
                () -> maintenance.tier(part, PartitionTier.COLD),
                o -> assertThat(o).isEqualTo("unverified"));
        asserter.execute(() ->
                Sql.query(DB, "update archive_manifest set verified_at = now() where partition_name = ?", part.name()));
        asserter.assertThat(
                () -> maintenance.tier(part, PartitionTier.COLD),
                o -> assertThat(o).isEqualTo("dropped"));
        asserter.execute(() -> {
            assertThat(Sql.count(DB, "select count(*) from pg_class where relname = ?", part.name()))
                    .isZero();
            assertThat(
                            Sql.count(
                                    DB,
                                    "select count(*) from raw_event_key where timestamp >= '1990-02-01' and timestamp < '1990-03-01'"))
                    .isZero();
            assertThat(tier(part)).isEqualTo("archived");
        });
    }

    @Test
    @RunOnVertxContext
    void anEmptyColdMonthNeedsNoFile(UniAsserter asserter) {
        Partition part = attach(LocalDate.parse("1990-03-01"));
        asserter.assertThat(
                () -> maintenance.tier(part, PartitionTier.COLD),
                o -> assertThat(o).isEqualTo("dropped"));
    }

    private static Partition attach(LocalDate month) {
        String name = "user_interaction_event_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
        Sql.query(DB, "drop table if exists " + name);
        Sql.query(DB, "delete from archive_manifest where month = ?", java.sql.Date.valueOf(month));
        Sql.query(
                DB, "create table " + name + " (like user_interaction_event including defaults including constraints)");
        Sql.query(
                DB,
                "alter table user_interaction_event attach partition " + name + " for values from ('" + month
                        + "') to ('" + month.plusMonths(1) + "')");
        return new Partition(name, month);
    }

    private static List<String> indexes(Partition part) {
        return Sql.query(DB, "select indexname from pg_indexes where tablename = ?", part.name()).stream()
                .map(row -> (String) row.get("indexname"))
                .toList();
    }

    private static Object tier(Partition part) {
        return Sql.query(DB, "select tier from interaction_partition_tier where partition_name = ?", part.name())
                .get(0)
                .get("tier");
    }

    private static void manifest(Partition part, String type, long rows, boolean verified) {
        Sql.query(
                DB,
                "insert into archive_manifest (partition_name, month, event_type, path, rows, bytes, row_checksum,"
                        + " file_sha256, schema_version, verified_at) values (?, ?, ?, 'test', ?, 1, 'x', 'x', 1, "
                        + (verified ? "now()" : "null") + ")",
                part.name(),
                java.sql.Date.valueOf(part.month()),
                type,
                rows);
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
