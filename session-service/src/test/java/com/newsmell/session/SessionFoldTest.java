package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.session.SessionFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenarios through the pure fold: fast, and every arrival order. */
class SessionFolderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");
    private static final Duration DESIRED = Duration.ofSeconds(30);

    static List<Scenarios.Scenario> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void foldsEveryFieldExactly(Scenarios.Scenario scenario) {
        Scenarios.Ctx c = new Scenarios.Ctx("s-unit", T0);
        List<UserInteractionEvent> events = new ArrayList<>(scenario.firstEvents(c));
        events.addAll(scenario.late().apply(c));

        SessionFolder.Folded folded = SessionFolder.fold(events, true, DESIRED);

        assertThat(Scenarios.<Map<String, Object>>normalise(folded.session()))
                .isEqualTo(scenario.session().apply(c));
        assertThat(Scenarios.<List<Object>>normalise(folded.searches()))
                .isEqualTo(scenario.searches().apply(c));
        assertThat(folded.orphanClicks()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyArrivalOrderGivesTheInOrderResult(Scenarios.Scenario scenario) {
        Scenarios.Ctx c = new Scenarios.Ctx("s-unit", T0);
        List<UserInteractionEvent> events = new ArrayList<>(scenario.events().apply(c));
        events.addAll(scenario.late().apply(c));
        SessionFolder.Folded inOrder = SessionFolder.fold(events, true, DESIRED);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(SessionFolder.fold(events, true, DESIRED)).isEqualTo(inOrder);
        }
    }

    @Test
    void anOpenSessionHasNoEndDurationExitOrBounceYet() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-open", T0);
        SessionFolder.Folded folded = SessionFolder.fold(
                List.of(
                        c.ev(PAGE_VIEW, 0).path("/home").build(),
                        c.ev(SEARCH_PERFORMED, 5)
                                .path("/search")
                                .eventData(Scenarios.data("{\"searchId\":\"q1\",\"query\":\"rose\"}"))
                                .build()),
                false,
                DESIRED);

        assertThat(folded.session().endTime()).isNull();
        assertThat(folded.session().duration()).isNull();
        assertThat(folded.session().exitPage()).isNull();
        assertThat(folded.session().entryPage()).isEqualTo("/home");
        assertThat(folded.session().lastEventTime()).isEqualTo(c.at(5));
        assertThat(folded.session().closed()).isFalse();
        assertThat(folded.searches().get(0).abandoned()).isFalse();
    }

    @Test
    void aClickBeforeItsSearchIsAnOrphanUntilTheSearchArrives() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-orphan", T0);
        UserInteractionEvent click = c.ev(SEARCH_RESULT_CLICKED, 3)
                .path("/search")
                .eventData(Scenarios.data("{\"searchId\":\"q9\",\"position\":1,\"perfumeId\":\"p1\"}"))
                .build();
        UserInteractionEvent search = c.ev(SEARCH_PERFORMED, 1)
                .path("/search")
                .eventData(Scenarios.data("{\"searchId\":\"q9\",\"query\":\"rose\"}"))
                .build();

        assertThat(SessionFolder.fold(List.of(click), false, DESIRED).orphanClicks())
                .containsExactly(click);
        SessionFolder.Folded both = SessionFolder.fold(List.of(click, search), false, DESIRED);
        assertThat(both.orphanClicks()).isEmpty();
        assertThat(both.searches().get(0).clickedPositions()).containsExactly(1);
        assertThat(both.searches().get(0).timeToFirstClick()).isEqualTo(2000);
    }

    @Test
    void aSessionClosesOnlyOnceIdleForTheTimeout() {
        Instant last = T0;
        Duration idle = Duration.ofMinutes(30);
        assertThat(SessionFolder.closedAt(true, last, last.plus(idle), idle)).isTrue();
        assertThat(SessionFolder.closedAt(true, last, last.plus(idle).minusMillis(1), idle))
                .isFalse();
        assertThat(SessionFolder.closedAt(false, last, last.plus(Duration.ofDays(1)), idle))
                .isFalse();
    }
}
