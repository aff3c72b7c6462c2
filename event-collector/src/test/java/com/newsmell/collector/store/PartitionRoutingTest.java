package com.newsmell.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
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
