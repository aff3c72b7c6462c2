package com.newsmell.recommendation.feedback;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.PURCHASE_COMPLETED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static com.newsmell.recommendation.RecommendationEvents.clicked;
import static com.newsmell.recommendation.RecommendationEvents.conversion;
import static com.newsmell.recommendation.RecommendationEvents.data;
import static com.newsmell.recommendation.RecommendationEvents.feedback;
import static com.newsmell.recommendation.RecommendationEvents.rating;
import static com.newsmell.recommendation.RecommendationEvents.shown;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ledger's rules (ADR 0023), pure: no Quarkus, no database, no broker. */
class FeedbackFoldTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SESSION = "s-1";

    @Test
    @DisplayName(
            "recommendation events of humans fold into the ledger; conversions of a perfume are facts; bots nowhere")
    void whichEventsCount() {
        assertThat(FeedbackFold.ledger(shownAt(T0, 0))).isTrue();
        assertThat(FeedbackFold.ledger(clicked(SESSION, "r-1", "p-1", T0).build()))
                .isTrue();
        assertThat(FeedbackFold.ledger(
                        feedback(SESSION, "r-1", "p-1", T0, "thumbsUp").build()))
                .isTrue();
        assertThat(FeedbackFold.ledger(
                        shownAt(T0, 0).toBuilder().isBot(true).botReason("ua").build()))
                .isFalse();
        assertThat(FeedbackFold.conversionKind(
                        conversion(PERFUME_VIEW, SESSION, "p-1", T0).build()))
                .isEqualTo("view");
        assertThat(FeedbackFold.conversionKind(
                        conversion(WISHLIST_ADD, SESSION, "p-1", T0).build()))
                .isEqualTo("wishlist");
        assertThat(FeedbackFold.conversionKind(
                        conversion(PURCHASE_COMPLETED, SESSION, "p-1", T0).build()))
                .isEqualTo("purchase");
        assertThat(FeedbackFold.conversionKind(rating(SESSION, "p-1", T0, 4).build()))
                .isEqualTo("rating");
        assertThat(FeedbackFold.conversionKind(
                        conversion(WISHLIST_REMOVE, SESSION, "p-1", T0).build()))
                .isNull();
        assertThat(FeedbackFold.conversionKind(
                        WireEvents.event(PAGE_VIEW, SESSION, T0).build()))
                .isNull();
        assertThat(FeedbackService.concernsAny(
                        List.of(WireEvents.event(PAGE_VIEW, SESSION, T0).build())))
                .isFalse();
        assertThat(FeedbackService.concernsAny(List.of(
                        WireEvents.event(PAGE_VIEW, SESSION, T0).userId("u-1").build())))
                .as("an identified event tells its session's user")
                .isTrue();
    }

    @Test
    @DisplayName("a conversion fact keeps its viewer, its named recommendation and a rating's overall value")
    void conversionFacts() {
        UserInteractionEvent r = rating(SESSION, "p-1", T0, 4)
                .userId("u-1")
                .recommendationId("r-9")
                .build();

        assertThat(FeedbackFold.conversions(List.of(r, shownAt(T0, 0))))
                .containsExactly(new FeedbackFold.Conversion(
                        UUID.fromString(r.eventId()), "rating", "p-1", "u-1", SESSION, "r-9", T0, 4.0, null));
    }

    @Test
    @DisplayName("a Segment-spec conversion without a session keeps its visitor's anonymousId instead (ADR 0061)")
    void conversionWithoutSession() {
        UserInteractionEvent r = rating(SESSION, "p-1", T0, 4)
                .sessionId(null)
                .anonymousId("anon-1")
                .build();

        assertThat(FeedbackFold.conversions(List.of(r)))
                .extracting(FeedbackFold.Conversion::sessionId)
                .containsExactly("anon-1");
    }

    @Test
    @DisplayName("a session's user is its earliest identified event's, ties to the smallest userId")
    void identities() {
        List<UserInteractionEvent> events = List.of(
                WireEvents.event(PAGE_VIEW, "s-a", T0.plusSeconds(5))
                        .userId("u-late")
                        .build(),
                WireEvents.event(PAGE_VIEW, "s-a", T0).userId("u-z").build(),
                WireEvents.event(PAGE_VIEW, "s-a", T0).userId("u-b").build(),
                WireEvents.event(PAGE_VIEW, "s-b", T0).build());

        assertThat(FeedbackFold.identities(events)).containsExactly(new FeedbackFold.Identity("s-a", "u-b", T0));
    }

    @Test
    @DisplayName(
            "the impression is the earliest SHOWN's (ties: smallest eventId), with algorithmVersion and randomized")
    void theEarliestImpressionWins() {
        UserInteractionEvent late = shownAt(T0.plusSeconds(9), 5);
        var d = data("hybrid", "search", 2, 0.5, 0.25);
        d.put("algorithmVersion", "2.1").put("randomized", true);
        UserInteractionEvent early =
                shown(SESSION, "r-1", "p-1", T0, 2).eventData(d).build();

        RecommendationFeedback row = fold(List.of(late, early));

        assertThat(row.impressionTime).isEqualTo(T0);
        assertThat(row.algorithm).isEqualTo("hybrid");
        assertThat(row.algorithmVersion).isEqualTo("2.1");
        assertThat(row.source).isEqualTo("search");
        assertThat(row.position).isEqualTo(2);
        assertThat(row.randomized).isTrue();
        assertThat(row.confidence).isEqualTo(0.5);

        UserInteractionEvent tieA = shownAt(T0, 1).toBuilder()
                .eventId("00000000-0000-0000-0000-00000000000a")
                .build();
        UserInteractionEvent tieB = shownAt(T0, 7).toBuilder()
                .eventId("00000000-0000-0000-0000-00000000000b")
                .build();
        assertThat(fold(List.of(tieB, tieA)).position).isEqualTo(1);
        assertThat(fold(List.of(tieA, tieB)).position).isEqualTo(1);
    }

    @Test
    @DisplayName("thumbs down then hide: both flags stay on; the report keeps the earliest report's reason")
    void explicitFeedbackFlagsStayOn() {
        RecommendationFeedback row = fold(List.of(
                shownAt(T0, 0),
                feedback(SESSION, "r-1", "p-1", T0.plusSeconds(10), "thumbsDown")
                        .build(),
                feedback(SESSION, "r-1", "p-1", T0.plusSeconds(20), "hidPerfume")
                        .build(),
                feedback(SESSION, "r-1", "p-1", T0.plusSeconds(40), "reportedIrrelevant", "reportReason=other")
                        .build(),
                feedback(SESSION, "r-1", "p-1", T0.plusSeconds(30), "reportedIrrelevant", "reportReason=already_owned")
                        .build()));

        assertThat(row.thumbsDown).isTrue();
        assertThat(row.hidPerfume).isTrue();
        assertThat(row.thumbsUp).isFalse();
        assertThat(row.reportedIrrelevant).isTrue();
        assertThat(row.reportReason).isEqualTo("already_owned");
        assertThat(row.feedbackTime).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    @DisplayName("a click before its impression: the row exists from the click, the impression completes it")
    void aClickBeforeItsImpression() {
        RecommendationFeedback row = new RecommendationFeedback();
        FeedbackFold.apply(
                row, clicked(SESSION, "r-1", "p-1", T0.plusSeconds(3)).build());
        assertThat(row.clicked).isTrue();
        assertThat(row.impressionTime).isNull();
        assertThat(row.anonymousId).isEqualTo(SESSION);
        assertThat(row.userId).isNull();

        FeedbackFold.apply(row, shownAt(T0, 0));
        assertThat(row.impressionTime).isEqualTo(T0);
        assertThat(row.clickTime).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    @DisplayName("the viewer: the earliest identified event's userId, the earliest event's session as anonymous id")
    void theViewerIsFirstClass() {
        RecommendationFeedback row = fold(List.of(
                shownAt(T0, 0),
                clicked("s-2", "r-1", "p-1", T0.plusSeconds(60)).userId("u-1").build()));

        assertThat(row.anonymousId).isEqualTo(SESSION);
        assertThat(row.userId).isEqualTo("u-1");
    }

    @Test
    @DisplayName("every arrival order and any redelivery give the same row")
    void everyOrderGivesTheSameRow() {
        List<UserInteractionEvent> events = List.of(
                shownAt(T0.plusSeconds(1), 3),
                shownAt(T0, 1),
                clicked(SESSION, "r-1", "p-1", T0.plusSeconds(9)).userId("u-1").build(),
                clicked(SESSION, "r-1", "p-1", T0.plusSeconds(4)).build(),
                feedback(SESSION, "r-1", "p-1", T0.plusSeconds(5), "thumbsUp").build(),
                feedback(SESSION, "r-1", "p-1", T0.plusSeconds(6), "reportedIrrelevant")
                        .build(),
                feedback(SESSION, "r-1", "p-1", T0.plusSeconds(6), "reportedIrrelevant", "reportReason=other")
                        .build());
        String expected = describe(fold(events));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            List<UserInteractionEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            if (i % 2 == 0) {
                shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
            }
            assertThat(describe(fold(shuffled))).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("the days an event can change: its day and the attribution window's days before it")
    void dirtyDays() {
        assertThat(FeedbackFold.dirtyDays(
                        List.of(shownAt(Instant.parse("2026-03-10T01:00:00Z"), 0)), Duration.ofDays(2)))
                .containsExactly(
                        LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));
        assertThat(FeedbackFold.dirtyDays(
                        List.of(WireEvents.event(PAGE_VIEW, SESSION, T0).build()), Duration.ofDays(7)))
                .isEmpty();
    }

    private static UserInteractionEvent shownAt(Instant at, int position) {
        return shown(SESSION, "r-1", "p-1", at, position).build();
    }

    private static RecommendationFeedback fold(List<UserInteractionEvent> events) {
        var byKey = FeedbackFold.byKey(events);
        RecommendationFeedback row = new RecommendationFeedback();
        row.recommendationId = "r-1";
        row.perfumeId = "p-1";
        FeedbackFold.fold(List.of(row), byKey, NOW);
        return row;
    }

    private static String describe(RecommendationFeedback r) {
        return String.join(
                "|",
                String.valueOf(r.userId),
                String.valueOf(r.userEventTime),
                String.valueOf(r.anonymousId),
                String.valueOf(r.impressionTime),
                String.valueOf(r.impressionEventId),
                String.valueOf(r.position),
                String.valueOf(r.clicked),
                String.valueOf(r.clickTime),
                String.valueOf(r.thumbsUp),
                String.valueOf(r.thumbsDown),
                String.valueOf(r.hidPerfume),
                String.valueOf(r.reportedIrrelevant),
                String.valueOf(r.reportReason),
                String.valueOf(r.reportTime),
                String.valueOf(r.feedbackTime));
    }
}
