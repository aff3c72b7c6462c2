package com.newsmell.session.usersession;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.session.Scenarios.click;
import static com.newsmell.session.Scenarios.searchEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.Scenarios;
import com.newsmell.session.metrics.SessionContribution;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One transaction's re-fold of its locked sessions ({@link SessionBatchFold}): which rows it creates or changes, what
 * it adds to the real-time session metrics (seed, "Aggregation Schedules": {@code sessionMetrics: "immediate"}),
 * when it closes a session, and which orphan clicks it dead-letters. Plain objects: no database.
 */
class SessionBatchFoldTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final SessionBatchFold.Rules RULES = new SessionBatchFold.Rules(IDLE, Duration.ofSeconds(30));
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");
    private static final Scenarios.Ctx C = new Scenarios.Ctx("s-batch", T0);

    private static List<SessionEvent> stored(UserInteractionEvent... events) {
        List<SessionEvent> rows = new ArrayList<>();
        for (UserInteractionEvent e : events) {
            rows.add(SessionEvent.of(e));
        }
        return rows;
    }

    private static UserSession existing(List<SessionEvent> events, boolean closing, Instant now) {
        SessionBatchFold.Result first = SessionBatchFold.fold(List.of(), events, closing, now, RULES);
        return first.created().get(0);
    }

    /** The one delta row of the fold's session-metric changes. */
    private static long[] onlyDelta(SessionBatchFold.Result result) {
        List<SessionContribution> deltas = result.rollups().sessionDeltas();
        assertThat(deltas).hasSize(1);
        return deltas.get(0).values();
    }

    @Test
    @DisplayName("sessionMetrics: \"immediate\" — a session seen for the first time is created and counted at once")
    void aNewSessionIsCreatedAndCountedAtOnce() {
        List<SessionEvent> events = stored(
                C.ev(PAGE_VIEW, 0).path("/home").build(),
                C.ev(PERFUME_VIEW, 10).path("/perfume/p1").perfumeId("p1").build());

        SessionBatchFold.Result result = SessionBatchFold.fold(List.of(), events, false, C.at(20), RULES);

        assertThat(result.created()).singleElement().satisfies(row -> {
            assertThat(row.sessionId).isEqualTo(C.sid());
            assertThat(row.pageViews).isEqualTo(2);
            assertThat(row.closed).isFalse();
            assertThat(row.updatedAt).isEqualTo(C.at(20));
        });
        assertThat(result.rollups().sessionDeltas()).singleElement().satisfies(delta -> {
            assertThat(delta.key())
                    .isEqualTo(new SessionContribution.Key(Instant.parse("2026-03-01T10:00:00Z"), "desktop", false));
            assertThat(delta.values()).containsExactly(1, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        });
        assertThat(result.rollups().dirtyHours())
                .as("no search: no hour for the hourly job")
                .isEmpty();
    }

    @Test
    @DisplayName("UserSession.pageViews Int — a known session is changed in place, and only its change is counted")
    void aKnownSessionIsChangedInPlace() {
        List<SessionEvent> events = stored(C.ev(PAGE_VIEW, 0).path("/home").build());
        UserSession row = existing(events, false, C.at(1));
        events.addAll(stored(C.ev(PAGE_VIEW, 30).path("/about").build()));

        SessionBatchFold.Result result = SessionBatchFold.fold(List.of(row), events, false, C.at(31), RULES);

        assertThat(result.created()).isEmpty();
        assertThat(row.pageViews).isEqualTo(2);
        assertThat(row.lastEventTime).isEqualTo(C.at(30));
        assertThat(onlyDelta(result)).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("a re-fold that changes nothing adds no delta and, without searches, marks no hour")
    void anUnchangedRefoldAddsNothing() {
        List<SessionEvent> events = stored(C.ev(PAGE_VIEW, 0).path("/home").build());
        UserSession row = existing(events, false, C.at(1));

        SessionBatchFold.Result result = SessionBatchFold.fold(List.of(row), events, false, C.at(2), RULES);

        assertThat(result.rollups().sessionDeltas()).isEmpty();
        assertThat(result.rollups().dirtyHours()).isEmpty();
    }

    @ParameterizedTest(name = "idle for 30 min {0} ms: closed = {1}")
    @CsvSource({"-1, false", "0, true", "1, true"})
    @DisplayName("UserSession.endTime DateTime? / duration Int? — the close job closes a session idle for exactly the"
            + " 30-minute timeout (ADR 0009: \"a session closes after 30 idle minutes\")")
    void theCloseJobClosesFromExactlyTheIdleTimeout(long extraMillis, boolean closed) {
        List<SessionEvent> events = stored(
                C.ev(PAGE_VIEW, 0).path("/home").build(),
                C.ev(PAGE_VIEW, 90).path("/about").build());
        UserSession row = existing(events, false, C.at(91));
        Instant now = C.at(90).plus(IDLE).plusMillis(extraMillis);

        SessionBatchFold.Result result = SessionBatchFold.fold(List.of(row), events, true, now, RULES);

        assertThat(row.closed).isEqualTo(closed);
        assertThat(row.endTime).isEqualTo(closed ? C.at(90) : null);
        assertThat(row.duration).isEqualTo(closed ? 90 : null);
        assertThat(row.durationMs).isEqualTo(closed ? 90_000L : null);
        assertThat(row.exitPage).isEqualTo(closed ? "/about" : null);
        assertThat(result.rollups().sessionDeltas())
                .hasSize(closed ? 1 : 0)
                .allSatisfy(delta -> assertThat(delta.values()).containsExactly(0, 1, 90, 90_000, 0, 0, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("the consumer never closes a session itself, however old its events are")
    void theConsumerNeverCloses() {
        SessionBatchFold.Result result = SessionBatchFold.fold(
                List.of(), stored(C.ev(PAGE_VIEW, 0).build()), false, T0.plus(Duration.ofDays(3)), RULES);

        assertThat(result.created().get(0).closed).isFalse();
        assertThat(result.created().get(0).endTime).isNull();
    }

    @Test
    @DisplayName("a late event of a closed session that leaves it idle re-folds it closed, with the late event in it")
    void aLateEventKeepsAnIdleSessionClosed() {
        List<SessionEvent> events = stored(
                C.ev(PAGE_VIEW, 0).path("/home").build(),
                C.ev(PAGE_VIEW, 60).path("/about").build());
        UserSession row = existing(events, true, C.at(60).plus(IDLE));
        events.addAll(stored(
                C.ev(PERFUME_VIEW, 30).path("/perfume/p1").perfumeId("p1").build()));

        SessionBatchFold.Result result = SessionBatchFold.fold(
                List.of(row), events, false, C.at(60).plus(IDLE).plusSeconds(5), RULES);

        assertThat(row.closed).isTrue();
        assertThat(row.pageViews).isEqualTo(3);
        assertThat(row.exitPage).isEqualTo("/about");
        assertThat(onlyDelta(result)).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("a late event that makes a closed session no longer idle reopens it until the job closes it again")
    void aLateEventThatEndsTheIdlenessReopens() {
        List<SessionEvent> events = stored(C.ev(PAGE_VIEW, 0).path("/home").build());
        Instant closedAt = C.at(0).plus(IDLE);
        UserSession row = existing(events, true, closedAt);
        events.addAll(stored(C.ev(PAGE_VIEW, 1800 - 1).path("/late").build()));

        SessionBatchFold.Result result = SessionBatchFold.fold(List.of(row), events, false, closedAt, RULES);

        assertThat(row.closed).isFalse();
        assertThat(row.endTime).isNull();
        assertThat(row.bounced).isFalse();
        assertThat(onlyDelta(result)).containsExactly(0, -1, 0, 0, -1, 1, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("a click of an unknown searchId is kept while the session is open, then dead-lettered once at close")
    void anOrphanClickIsDeadLetteredOnceAtClose() {
        UserInteractionEvent orphan = click(C, 5, "{\"searchId\":\"ghost\",\"position\":1,\"perfumeId\":\"p1\"}");
        List<SessionEvent> events = stored(searchEvent(C, 0, "{\"searchId\":\"q1\",\"query\":\"rose\"}"), orphan);

        SessionBatchFold.Result open = SessionBatchFold.fold(List.of(), events, false, C.at(6), RULES);
        UserSession row = open.created().get(0);
        SessionBatchFold.Result closing =
                SessionBatchFold.fold(List.of(row), events, true, C.at(5).plus(IDLE), RULES);
        SessionBatchFold.Result again = SessionBatchFold.fold(
                List.of(row), events, true, C.at(5).plus(IDLE).plusSeconds(60), RULES);

        assertThat(open.deadLetters()).isEmpty();
        assertThat(closing.deadLetters()).extracting(Rejection::reason).containsExactly("unknown searchId ghost");
        assertThat(closing.deadLetters().get(0).event().eventId()).isEqualTo(orphan.eventId());
        assertThat(events.get(1).deadLettered).isTrue();
        assertThat(again.deadLetters()).isEmpty();
    }

    @Test
    @DisplayName("a click without searchId and without a search before it is dead-lettered with its own reason")
    void aClickBeforeAnySearchHasItsOwnReason() {
        List<SessionEvent> events = stored(click(C, 0, "{\"position\":1,\"perfumeId\":\"p1\"}"));

        SessionBatchFold.Result result =
                SessionBatchFold.fold(List.of(), events, true, C.at(0).plus(IDLE), RULES);

        assertThat(result.deadLetters())
                .extracting(Rejection::reason)
                .containsExactly("no search before the click in its session");
    }

    @Test
    @DisplayName(
            "SearchQuery rows carry the session's bot flag, and mark their own hour (not the session's start hour)")
    void searchRowsCarryTheBotFlagAndMarkTheirHour() {
        Scenarios.Ctx late = new Scenarios.Ctx("s-bot", Instant.parse("2026-03-01T10:59:30Z"));
        List<SessionEvent> events = stored(
                late.ev(PAGE_VIEW, 0).isBot(true).build(),
                searchEvent(late, 45, "{\"searchId\":\"q1\",\"query\":\"oud\"}"));

        SessionBatchFold.Result result = SessionBatchFold.fold(List.of(), events, false, late.at(50), RULES);

        assertThat(result.searches()).singleElement().satisfies(search -> {
            assertThat(search.searchId).isEqualTo("q1");
            assertThat(search.isBot).isTrue();
        });
        assertThat(result.rollups().dirtyHours()).containsExactly(Instant.parse("2026-03-01T11:00:00Z"));
    }

    @Test
    @DisplayName("UserSession.sessionId String @unique — each session's events fold into its own row")
    void eachSessionFoldsIntoItsOwnRow() {
        Scenarios.Ctx other = new Scenarios.Ctx("s-other", T0);
        List<SessionEvent> events = stored(
                C.ev(PAGE_VIEW, 0).path("/a").build(),
                C.ev(PAGE_VIEW, 1).path("/b").build(),
                other.ev(PAGE_VIEW, 2).path("/c").build());
        UserSession known = existing(stored(C.ev(PAGE_VIEW, 0).path("/a").build()), false, C.at(1));

        SessionBatchFold.Result result = SessionBatchFold.fold(List.of(known), events, false, C.at(3), RULES);

        assertThat(known.pageViews).isEqualTo(2);
        assertThat(result.created()).singleElement().satisfies(row -> {
            assertThat(row.sessionId).isEqualTo("s-other");
            assertThat(row.pageViews).isEqualTo(1);
        });
    }
}
