package com.newsmell.recommendation.feedback;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_FEEDBACK;
import static com.newsmell.recommendation.RecommendationEvents.clicked;
import static com.newsmell.recommendation.RecommendationEvents.data;
import static com.newsmell.recommendation.RecommendationEvents.recommendation;
import static com.newsmell.recommendation.RecommendationEvents.shown;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import com.newsmell.recommendation.feedback.FeedbackResource.FeedbackItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recommendation feedback rules, pure: no Quarkus, no database, no broker. */
class FeedbackFoldTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SESSION = "s-1";
    private static final String VIEWER = "session:" + SESSION;

    // Seed, RecommendationFeedback: "viewed Boolean", "clicked Boolean" (impressions and clicks; the explicit
    // feedback fields are not recorded in this minimal version). Bot traffic is no user's response (ADR 0008).
    @Test
    @DisplayName("only human RECOMMENDATION_SHOWN and RECOMMENDATION_CLICKED events are folded")
    void onlyHumanImpressionsAndClicksAreRelevant() {
        assertThat(FeedbackFold.relevant(shownAt(T0, 0))).isTrue();
        assertThat(FeedbackFold.relevant(clickedAt(T0))).isTrue();
        assertThat(FeedbackFold.relevant(recommendation(RECOMMENDATION_FEEDBACK, SESSION, "r-1", "p-1", T0)
                        .build()))
                .isFalse();
        assertThat(FeedbackFold.relevant(
                        WireEvents.event(PAGE_VIEW, SESSION, T0).build()))
                .isFalse();
        assertThat(FeedbackFold.relevant(shownAt(T0, 0).toBuilder()
                        .isBot(true)
                        .botReason("user-agent")
                        .build()))
                .isFalse();
    }

    // Seed, RecommendationFeedback: "viewed Boolean", "clicked Boolean": a batch without an impression or a click
    // changes no feedback, so the consumer acknowledges it without a transaction.
    @Test
    @DisplayName("a batch concerns this service when any of its events is a human impression or click")
    void aBatchConcernsTheServiceWhenAnyEventIsRelevant() {
        UserInteractionEvent view = WireEvents.event(PAGE_VIEW, SESSION, T0).build();
        UserInteractionEvent botClick =
                clickedAt(T0).toBuilder().isBot(true).botReason("user-agent").build();

        assertThat(FeedbackService.concernsAny(List.of())).isFalse();
        assertThat(FeedbackService.concernsAny(List.of(view, botClick))).isFalse();
        assertThat(FeedbackService.concernsAny(List.of(view, botClick, clickedAt(T0))))
                .isTrue();
    }

    // Seed, RecommendationFeedback: "userId String" (required). An anonymous viewer is session:<sessionId>
    // (ADR 0008), so a viewer who logs in between impression and click has two rows.
    @Test
    @DisplayName("the viewer is the userId, else session:<sessionId> for an anonymous viewer")
    void theViewerIsTheUserElseTheSession() {
        UserInteractionEvent anonymous = shownAt(T0, 0);
        UserInteractionEvent signedIn = clickedAt(T0).toBuilder().userId("u-1").build();

        assertThat(FeedbackKey.viewer(anonymous)).isEqualTo(VIEWER);
        assertThat(FeedbackKey.viewer(signedIn)).isEqualTo("u-1");
        assertThat(FeedbackKey.of(anonymous)).isEqualTo(new FeedbackKey("r-1", VIEWER, "p-1"));
        assertThat(FeedbackKey.of(signedIn)).isEqualTo(new FeedbackKey("r-1", "u-1", "p-1"));
    }

    // Seed, RecommendationFeedback: "@@unique([recommendationId, userId, perfumeId])".
    @Test
    @DisplayName("a batch is grouped per (recommendationId, userId, perfumeId), in that key order (the lock order)")
    void groupsTheRelevantEventsPerKeyInKeyOrder() {
        UserInteractionEvent r2 =
                shown(SESSION, "r-2", "p-a", T0, 0).userId("u-a").build();
        UserInteractionEvent r1ub =
                shown(SESSION, "r-1", "p-a", T0, 0).userId("u-b").build();
        UserInteractionEvent r1uaPb =
                shown(SESSION, "r-1", "p-b", T0, 1).userId("u-a").build();
        UserInteractionEvent r1uaPa =
                shown(SESSION, "r-1", "p-a", T0, 0).userId("u-a").build();
        UserInteractionEvent r1uaPaClick =
                clicked(SESSION, "r-1", "p-a", T0.plusSeconds(1)).userId("u-a").build();
        UserInteractionEvent other = WireEvents.event(PAGE_VIEW, SESSION, T0).build();

        var byKey = FeedbackFold.byKey(List.of(r2, r1ub, other, r1uaPb, r1uaPa, r1uaPaClick));

        assertThat(byKey.keySet())
                .containsExactly(
                        new FeedbackKey("r-1", "u-a", "p-a"),
                        new FeedbackKey("r-1", "u-a", "p-b"),
                        new FeedbackKey("r-1", "u-b", "p-a"),
                        new FeedbackKey("r-2", "u-a", "p-a"));
        assertThat(byKey.get(new FeedbackKey("r-1", "u-a", "p-a"))).containsExactly(r1uaPa, r1uaPaClick);
        assertThat(FeedbackFold.byKey(List.of(other))).isEmpty();
    }

    // Seed, RecommendationFeedback: "source String // 'homepage', 'detail_page', 'search', 'email'",
    // "algorithm String", "position Int // Position in recommendation list", "viewed Boolean @default(false)",
    // "impressionTime DateTime", "confidence Float? // Algorithm confidence score",
    // "similarityScore Float? // Similarity to user preferences".
    @Test
    @DisplayName("an impression sets viewed, impressionTime and its context; position 0 and scores 0 and 1 are kept")
    void anImpressionSetsViewedItsTimeAndItsContext() {
        assertThat(folded(shownAt(T0, "collaborative", "email", 0, 0.0, 1.0)))
                .isEqualTo(
                        new FeedbackItem(VIEWER, "p-1", "email", "collaborative", 0, true, false, T0, null, 0.0, 1.0));
    }

    // Seed, RecommendationFeedback: "impressionTime DateTime" (the impression: the earliest SHOWN, with its
    // context). On an exact tie, the first applied stays (README, Rules).
    @Test
    @DisplayName("a later or equal impression keeps the first one's time and context")
    void aLaterOrEqualImpressionChangesNothing() {
        assertThat(folded(
                        shownAt(T0, "trending", "email", 5, 0.5, 0.25),
                        shownAt(T0.plusMillis(1), "later", "search", 7, 0.9, 0.9),
                        shownAt(T0, "tie", "search", 8, 0.9, 0.9)))
                .isEqualTo(new FeedbackItem(VIEWER, "p-1", "email", "trending", 5, true, false, T0, null, 0.5, 0.25));
    }

    // Seed, RecommendationFeedback: "impressionTime DateTime" (the impression: the earliest SHOWN, with its
    // context).
    @Test
    @DisplayName("an earlier impression replaces the time and the whole context, absent scores included")
    void anEarlierImpressionReplacesTheWholeContext() {
        assertThat(folded(
                        shownAt(T0, "trending", "email", 5, 0.5, 0.25),
                        shownAt(T0.minusMillis(1), "content-based", "detail_page", 1, 0.875, null)))
                .isEqualTo(new FeedbackItem(
                        VIEWER,
                        "p-1",
                        "detail_page",
                        "content-based",
                        1,
                        true,
                        false,
                        T0.minusMillis(1),
                        null,
                        0.875,
                        null));
    }

    // Seed, RecommendationFeedback: "clicked Boolean @default(false)", "firstInteractionTime DateTime?".
    @Test
    @DisplayName("a click sets clicked; firstInteractionTime is the earliest click, a later or equal one keeps it")
    void theEarliestClickIsTheFirstInteraction() {
        assertThat(folded(clickedAt(T0), clickedAt(T0.plusMillis(1)), clickedAt(T0)))
                .isEqualTo(new FeedbackItem(VIEWER, "p-1", null, null, null, false, true, null, T0, null, null));
        assertThat(folded(clickedAt(T0), clickedAt(T0.minusMillis(1))))
                .isEqualTo(new FeedbackItem(
                        VIEWER, "p-1", null, null, null, false, true, null, T0.minusMillis(1), null, null));
    }

    // Seed, RecommendationFeedback: "viewed Boolean @default(false)", "firstInteractionTime DateTime?": a click
    // that arrives before its impression counts; the impression fields wait for the SHOWN.
    @Test
    @DisplayName("a click before its impression: clicked, not viewed, impression time and context still null")
    void aClickBeforeItsImpressionLeavesTheImpressionEmpty() {
        RecommendationFeedback row = row();
        FeedbackFold.apply(row, clickedAt(T0.plusSeconds(10)));
        assertThat(FeedbackItem.of(row))
                .isEqualTo(new FeedbackItem(
                        VIEWER, "p-1", null, null, null, false, true, null, T0.plusSeconds(10), null, null));

        FeedbackFold.apply(row, shownAt(T0.plusSeconds(20), "trending", "homepage", 3, null, 0.5));
        assertThat(FeedbackItem.of(row))
                .isEqualTo(new FeedbackItem(
                        VIEWER,
                        "p-1",
                        "homepage",
                        "trending",
                        3,
                        true,
                        true,
                        T0.plusSeconds(20),
                        T0.plusSeconds(10),
                        null,
                        0.5));
    }

    // Seed, RecommendationFeedback: "viewed Boolean", "impressionTime DateTime": an impression whose eventData
    // carries no context still counts as viewed.
    @Test
    @DisplayName("an impression without context in its eventData is viewed, with its time and a null context")
    void anImpressionWithoutContextIsStillViewed() {
        UserInteractionEvent bare = shownAt(T0, 0).toBuilder()
                .eventData(JsonNodeFactory.instance.objectNode())
                .build();

        assertThat(folded(bare))
                .isEqualTo(new FeedbackItem(VIEWER, "p-1", null, null, null, true, false, T0, null, null, null));
    }

    // Seed, RecommendationFeedback: one row per "@@unique([recommendationId, userId, perfumeId])", built from
    // its events as a set: the arrival order cannot matter.
    @Test
    @DisplayName("every arrival order folds to the same row")
    void everyArrivalOrderFoldsToTheSameRow() {
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                shownAt(T0.plusSeconds(20), "trending", "email", 5, 0.5, 0.25),
                shownAt(T0, "content-based", "detail_page", 1, 0.875, null),
                clickedAt(T0.plusSeconds(10)),
                clickedAt(T0.plusSeconds(5))));
        FeedbackItem expected = new FeedbackItem(
                VIEWER, "p-1", "detail_page", "content-based", 1, true, true, T0, T0.plusSeconds(5), 0.875, null);
        Random random = new Random(13);
        for (int i = 0; i < 30; i++) {
            Collections.shuffle(events, random);
            assertThat(folded(events.toArray(UserInteractionEvent[]::new))).isEqualTo(expected);
        }
    }

    // Seed, RecommendationFeedback: one row per "@@unique([recommendationId, userId, perfumeId])"; a row the
    // batch has no events for keeps its values.
    @Test
    @DisplayName("only the rows a batch has events for change, and they are updated at now")
    void onlyTheRowsWithEventsChange() {
        RecommendationFeedback active = row();
        RecommendationFeedback untouched = row();
        untouched.perfumeId = "p-2";
        untouched.updatedAt = T0;

        FeedbackFold.fold(
                List.of(active, untouched),
                Map.of(
                        new FeedbackKey("r-1", VIEWER, "p-1"),
                        List.of(clickedAt(T0)),
                        new FeedbackKey("r-1", VIEWER, "p-3"),
                        List.of(clicked(SESSION, "r-1", "p-3", T0).build())),
                NOW);

        assertThat(active.clicked).isTrue();
        assertThat(active.updatedAt).isEqualTo(NOW);
        assertThat(untouched.clicked).isFalse();
        assertThat(untouched.updatedAt).isEqualTo(T0);
    }

    /** The events folded, as one batch, into a new row of their key; the row as the API shows it. */
    private static FeedbackItem folded(UserInteractionEvent... events) {
        RecommendationFeedback row = row();
        FeedbackFold.fold(List.of(row), FeedbackFold.byKey(List.of(events)), NOW);
        assertThat(row.updatedAt).isEqualTo(NOW);
        return FeedbackItem.of(row);
    }

    /** A new row of (r-1, the anonymous viewer of s-1, p-1): just its key, as createAndLock makes it. */
    private static RecommendationFeedback row() {
        RecommendationFeedback row = new RecommendationFeedback();
        row.recommendationId = "r-1";
        row.userId = VIEWER;
        row.perfumeId = "p-1";
        return row;
    }

    private static UserInteractionEvent shownAt(Instant at, int position) {
        return shown(SESSION, "r-1", "p-1", at, position).build();
    }

    private static UserInteractionEvent shownAt(
            Instant at, String algorithm, String source, int position, Double confidence, Double similarityScore) {
        return shown(SESSION, "r-1", "p-1", at, position)
                .eventData(data(algorithm, source, position, confidence, similarityScore))
                .build();
    }

    private static UserInteractionEvent clickedAt(Instant at) {
        return clicked(SESSION, "r-1", "p-1", at).build();
    }
}
