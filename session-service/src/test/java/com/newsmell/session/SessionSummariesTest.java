package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.SessionSummary;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, ADR 0017: a session's summary reaches the compacted session-summaries topic through the outbox when the
 * session closes, and again with a higher revision when a late event changes the closed session; against the real
 * broker and database, with the relay on its schedule.
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class SessionSummariesTest {

    private static List<SessionSummary> summaries(String sessionId) {
        return TopicReader.readAll(Infra.shared().topic(ServiceConfig.SESSION_SUMMARIES)).stream()
                .filter(r -> sessionId.equals(r.key()))
                .map(r -> SessionSummary.fromJson(r.value()))
                .toList();
    }

    private static long pendingInOutbox(String sessionId) {
        return Sql.count(
                SessionTestResource.DATABASE,
                "select count(*) from session_summary_outbox where session_id = ?",
                sessionId);
    }

    @Test
    void aClosedSessionsSummaryIsPublishedAndALateEventGivesAHigherRevision() {
        String sessionId = "s-" + UUID.randomUUID();
        String userId = "u-" + sessionId;
        Instant old = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, old)
                        .userId(userId)
                        .path("/a")
                        .build(),
                WireEvents.event(PAGE_VIEW, sessionId, old.plusSeconds(60))
                        .userId(userId)
                        .path("/b")
                        .build()));
        Api.awaitStoredEvents(sessionId, 2);
        assertThat(summaries(sessionId)).isEmpty();

        Api.closeIdleSessions();

        List<SessionSummary> first =
                await().atMost(Duration.ofSeconds(30)).until(() -> summaries(sessionId), l -> !l.isEmpty());
        assertThat(first).hasSize(1);
        SessionSummary summary = first.get(0);
        assertThat(summary.revision()).isEqualTo(1);
        assertThat(summary.userId()).isEqualTo(userId);
        assertThat(summary.startTime()).isEqualTo(old);
        assertThat(summary.endTime()).isEqualTo(old.plusSeconds(60));
        assertThat(summary.durationSeconds()).isEqualTo(60);
        assertThat(summary.pageViews()).isEqualTo(2);
        assertThat(summary.bounced()).isFalse();
        assertThat(summary.deviceType()).isEqualTo("desktop");
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingInOutbox(sessionId) == 0);

        // Another close run changes nothing: no new summary.
        Api.closeIdleSessions();
        assertThat(pendingInOutbox(sessionId)).isZero();

        // A late event of the closed session changes it: revision 2, with the new figures.
        WireEvents.publish(List.of(WireEvents.event(PAGE_VIEW, sessionId, old.plusSeconds(120))
                .userId(userId)
                .path("/c")
                .build()));
        List<SessionSummary> both =
                await().atMost(Duration.ofSeconds(30)).until(() -> summaries(sessionId), l -> l.size() == 2);
        SessionSummary late = both.get(1);
        assertThat(late.revision()).isEqualTo(2);
        assertThat(late.pageViews()).isEqualTo(3);
        assertThat(late.durationSeconds()).isEqualTo(120);
        assertThat(late.endTime()).isEqualTo(old.plusSeconds(120));
    }

    @Test
    void anAnonymousSessionsSummaryHasNoUserId() {
        String sessionId = "s-" + UUID.randomUUID();
        Instant old = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, old).path("/only").build()));
        Api.awaitStoredEvents(sessionId, 1);

        Api.closeIdleSessions();

        List<SessionSummary> published =
                await().atMost(Duration.ofSeconds(30)).until(() -> summaries(sessionId), l -> !l.isEmpty());
        assertThat(published).singleElement().satisfies(s -> {
            assertThat(s.userId()).isNull();
            assertThat(s.bounced()).isTrue();
            assertThat(s.revision()).isEqualTo(1);
        });
    }
}
