package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.BACK_BUTTON;
import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.COLLECTION_REMOVE;
import static com.newsmell.contract.InteractionEventType.EXTERNAL_LINK;
import static com.newsmell.contract.InteractionEventType.IMAGE_VIEWED;
import static com.newsmell.contract.InteractionEventType.NAVIGATION_CLICK;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.RATING_STARTED;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_CLICKED;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_SHOWN;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.TRADE_OFFERED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.usersession.SessionFold;
import com.newsmell.session.usersession.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenarios through the pure fold: fast, and every arrival order. */
class SessionFoldTest {

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

        SessionFold.Folded folded = SessionFold.fold(events, true, DESIRED);

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
        SessionFold.Folded inOrder = SessionFold.fold(events, true, DESIRED);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(SessionFold.fold(events, true, DESIRED)).isEqualTo(inOrder);
        }
    }

    @Test
    void anOpenSessionHasNoEndDurationExitOrBounceYet() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-open", T0);
        SessionFold.Folded folded = SessionFold.fold(
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

        assertThat(SessionFold.fold(List.of(click), false, DESIRED).orphanClicks())
                .containsExactly(click);
        SessionFold.Folded both = SessionFold.fold(List.of(click, search), false, DESIRED);
        assertThat(both.orphanClicks()).isEmpty();
        assertThat(both.searches().get(0).clickedPositions()).containsExactly(1);
        assertThat(both.searches().get(0).timeToFirstClick()).isEqualTo(2000);
    }

    @ParameterizedTest(name = "idle for 30 min {0} ms, closing = {1}: closed = {2}")
    @CsvSource({"-1, true, false", "0, true, true", "1, true, true", "86400000, false, false"})
    @DisplayName("UserSession.endTime DateTime? — a session is closed once idle for exactly the 30-minute timeout"
            + " (ADR 0009: \"a session closes after 30 idle minutes\"), and only when the close job closes it")
    void aSessionClosesFromExactlyTheIdleTimeout(long extraMillis, boolean closing, boolean closed) {
        Duration idle = Duration.ofMinutes(30);

        assertThat(SessionFold.closedAt(closing, T0, T0.plus(idle).plusMillis(extraMillis), idle))
                .isEqualTo(closed);
    }

    @Test
    @DisplayName("UserSession.bounced Boolean — a closed session of one page view and nothing else is a bounce;"
            + " navigation clicks are no engagement")
    void aOnePageSessionIsABounce() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-bounce", T0);
        List<UserInteractionEvent> onePage = List.of(
                c.ev(PAGE_VIEW, 0).path("/home").build(),
                c.ev(NAVIGATION_CLICK, 4).path("/home").build());

        assertThat(SessionFold.fold(onePage, true, DESIRED).session().bounced()).isTrue();
        assertThat(SessionFold.fold(onePage, false, DESIRED).session().bounced())
                .as("an open session is no bounce yet")
                .isFalse();
    }

    @ParameterizedTest(name = "one page view and a {0}: bounced = {1}")
    @CsvSource({
        "NAVIGATION_CLICK, true",
        "BACK_BUTTON, true",
        "EXTERNAL_LINK, true",
        "RECOMMENDATION_SHOWN, true",
        "IMAGE_VIEWED, false",
        "NOTES_EXPANDED, false",
        "SEARCH_PERFORMED, false",
        "FILTER_APPLIED, false",
        "WISHLIST_ADD, false",
        "RATING_STARTED, false",
        "RECOMMENDATION_CLICKED, false",
        "PROFILE_VIEWED, false"
    })
    @DisplayName("UserSession.bounced Boolean (the seed leaves it undefined; Plausible's bounce) — exactly one page"
            + " view (VIEW category) and no engagement: every event but page views, the navigation events and the"
            + " RECOMMENDATION_SHOWN impression engages")
    void aBounceIsOnePageViewAndNoEngagement(InteractionEventType second, boolean bounced) {
        Scenarios.Ctx c = new Scenarios.Ctx("s-engagement", T0);
        List<UserInteractionEvent> events = List.of(
                c.ev(PERFUME_VIEW, 0).path("/perfume/p1").perfumeId("p1").build(),
                c.ev(second, 5).path("/perfume/p1").perfumeId("p1").build());

        assertThat(SessionFold.fold(events, true, DESIRED).session().bounced()).isEqualTo(bounced);
        assertThat(SessionFold.PASSIVE)
                .containsExactlyInAnyOrder(RECOMMENDATION_SHOWN, NAVIGATION_CLICK, BACK_BUTTON, EXTERNAL_LINK);
    }

    @Test
    @DisplayName("UserSession.interactions Int — the seed's totalInteractions (\"Profile Calculations\": [\"RATING\","
            + " \"REVIEW\", \"COLLECTION\"].includes(e.eventCategory)): wishlist, engagement, search, navigation and"
            + " recommendation events are no interactions")
    void interactionsAreTheSeedsTotalInteractions() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-interactions", T0);
        List<InteractionEventType> types = List.of(
                PAGE_VIEW,
                RATING_STARTED,
                RATING_COMPLETED,
                REVIEW_SUBMITTED,
                COLLECTION_ADD,
                COLLECTION_REMOVE,
                WISHLIST_ADD,
                IMAGE_VIEWED,
                SEARCH_PERFORMED,
                NAVIGATION_CLICK,
                RECOMMENDATION_CLICKED,
                TRADE_OFFERED);
        List<UserInteractionEvent> events = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            events.add(c.ev(types.get(i), i).perfumeId("p1").build());
        }

        SessionView session = SessionFold.fold(events, true, DESIRED).session();

        assertThat(session.interactions()).isEqualTo(5);
        assertThat(session.pageViews()).isEqualTo(1);
        assertThat(session.bounced()).isFalse();
    }

    @Test
    @DisplayName("UserSession.bounced Boolean — a second page view, or one interaction, or no page view at all is no"
            + " bounce")
    void moreThanOnePageIsNoBounce() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-no-bounce", T0);
        UserInteractionEvent view = c.ev(PAGE_VIEW, 0).path("/home").build();

        assertThat(SessionFold.fold(List.of(view, c.ev(PAGE_VIEW, 1).build()), true, DESIRED)
                        .session()
                        .bounced())
                .isFalse();
        assertThat(SessionFold.fold(
                                List.of(
                                        view,
                                        c.ev(WISHLIST_ADD, 1).perfumeId("p1").build()),
                                true,
                                DESIRED)
                        .session()
                        .bounced())
                .isFalse();
        assertThat(SessionFold.fold(
                                List.of(Scenarios.searchEvent(c, 0, "{\"searchId\":\"q1\",\"query\":\"rose\"}")),
                                true,
                                DESIRED)
                        .session()
                        .bounced())
                .isFalse();
    }

    @Test
    @DisplayName("UserSession.exitPage String? — the path of the last page view, not of a later non-view event; the"
            + " entry page is the first page view's")
    void theExitPageIsTheLastPageViewsPath() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-exit", T0);
        SessionView session = SessionFold.fold(
                        List.of(
                                c.ev(WISHLIST_ADD, 0)
                                        .path("/perfume/p0")
                                        .perfumeId("p0")
                                        .build(),
                                c.ev(PAGE_VIEW, 1).path("/home").build(),
                                c.ev(PAGE_VIEW, 2).path("/perfume/p1").build(),
                                c.ev(WISHLIST_ADD, 3)
                                        .path("/perfume/p2")
                                        .perfumeId("p2")
                                        .build()),
                        true,
                        DESIRED)
                .session();

        assertThat(session.entryPage()).isEqualTo("/home");
        assertThat(session.exitPage()).isEqualTo("/perfume/p1");
        assertThat(session.endTime()).isEqualTo(c.at(3));
    }

    @ParameterizedTest(name = "last event after {0} ms: duration {1} s")
    @CsvSource({"0, 0", "999, 0", "1000, 1", "59999, 59", "1800000, 1800"})
    @DisplayName(
            "UserSession.duration Int? // Duration in seconds — endTime − startTime in whole seconds, rounded down")
    void theDurationIsWholeSecondsRoundedDown(long lastMillis, int seconds) {
        Scenarios.Ctx c = new Scenarios.Ctx("s-duration", T0);
        SessionView session = SessionFold.fold(
                        List.of(
                                c.ev(PAGE_VIEW, 0).build(),
                                c.ev(PAGE_VIEW, lastMillis / 1000.0).build()),
                        true,
                        DESIRED)
                .session();

        assertThat(session.duration()).isEqualTo(seconds);
        assertThat(session.endTime()).isEqualTo(T0.plusMillis(lastMillis));
    }
}
