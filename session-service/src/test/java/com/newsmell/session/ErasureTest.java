package com.newsmell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0032 through the toolkit's listener, against Kafka and PostgreSQL: an erasure request on privacy-requests
 * deletes the user's sessions, their events (also the anonymous ones of the same session) and searches, acknowledges
 * on privacy-acks with the rows per table group, leaves another user untouched, and a later event of the user
 * (a redelivery or a replay) is dropped on read.
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class ErasureTest {

    private static final String DB = SessionTestResource.DATABASE;

    @Test
    void theUsersSessionsGoTheAckSaysSoAndLaterEventsAreDropped() {
        String user = "erase-" + UUID.randomUUID();
        String other = "keep-" + UUID.randomUUID();
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS);
        Scenarios.Ctx mine = new Scenarios.Ctx("s-erase-" + UUID.randomUUID(), t0);
        Scenarios.Ctx theirs = new Scenarios.Ctx("s-keep-" + UUID.randomUUID(), t0);
        Api.publish(
                List.of(
                        mine.ev(InteractionEventType.PAGE_VIEW, 0).build(), // anonymous, before login
                        mine.ev(InteractionEventType.PAGE_VIEW, 5).userId(user).build(),
                        mine.ev(InteractionEventType.SEARCH_PERFORMED, 10)
                                .userId(user)
                                .path("/search")
                                .eventData(Scenarios.data("{\"searchId\":\"q1\",\"query\":\"rose\",\"resultsCount\":50,"
                                        + "\"resultsShown\":20,\"searchType\":\"initial\"}"))
                                .build(),
                        theirs.ev(InteractionEventType.PAGE_VIEW, 0)
                                .userId(other)
                                .build()),
                false);
        Api.awaitStoredEvents(mine.sid(), 3);
        Api.awaitStoredEvents(theirs.sid(), 1);

        String requestId = Erasures.request(user);
        ErasureAck ack = Erasures.awaitAck(requestId, "session-service");
        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup())
                .containsEntry("sessions", 1L)
                .containsEntry("session-events", 3L)
                .containsKey("search-queries")
                .containsEntry("session-summary-tombstones", 1L);
        assertThat(Sql.count(DB, "select count(*) from user_session where session_id = ?", mine.sid()))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from session_event where session_id = ?", mine.sid()))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from search_query where session_id = ?", mine.sid()))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from session_event where session_id = ?", theirs.sid()))
                .isOne();

        // the compacted session-summaries topic gets a tombstone for the user's session (through the outbox)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(Infra.shared().topic(ServiceConfig.SESSION_SUMMARIES)).stream()
                        .anyMatch(r -> mine.sid().equals(r.key()) && r.value() == null));

        // a redelivered (or replayed) event of the user is dropped on read; the other user's next event is applied
        Api.publish(
                List.of(
                        mine.ev(InteractionEventType.PAGE_VIEW, 20).userId(user).build(),
                        theirs.ev(InteractionEventType.PAGE_VIEW, 20)
                                .userId(other)
                                .build()),
                false);
        Api.awaitStoredEvents(theirs.sid(), 2);
        Api.awaitConsumerCaughtUp();
        assertThat(Sql.count(DB, "select count(*) from session_event where user_id = ?", user))
                .isZero();
    }
}
