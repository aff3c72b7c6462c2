package com.newsmell.recommendation.feedback;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.RecommendationData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a batch of events changes its RecommendationFeedback rows. Every rule is order-independent: the row is
 * created by whichever event comes first, the impression (time and context) is the earliest SHOWN's, the first
 * interaction time is the earliest CLICKED's. Pure: no database, no clock.
 */
final class FeedbackFold {

    private FeedbackFold() {}

    /** Whether this service folds the event: a RECOMMENDATION_SHOWN or _CLICKED that is not bot traffic. */
    static boolean relevant(UserInteractionEvent event) {
        return !event.isBot()
                && (event.eventType() == InteractionEventType.RECOMMENDATION_SHOWN
                        || event.eventType() == InteractionEventType.RECOMMENDATION_CLICKED);
    }

    /** The relevant events per row key, in key order: the order their rows are created and locked in. */
    static SortedMap<FeedbackKey, List<UserInteractionEvent>> byKey(Collection<UserInteractionEvent> events) {
        SortedMap<FeedbackKey, List<UserInteractionEvent>> byKey = new TreeMap<>();
        for (UserInteractionEvent event : events) {
            if (relevant(event)) {
                byKey.computeIfAbsent(FeedbackKey.of(event), k -> new ArrayList<>())
                        .add(event);
            }
        }
        return byKey;
    }

    /** Folds each row's events ({@link #byKey}) into it; a row that has events is updated at {@code now}. */
    static void fold(
            Collection<RecommendationFeedback> rows, Map<FeedbackKey, List<UserInteractionEvent>> byKey, Instant now) {
        for (RecommendationFeedback row : rows) {
            List<UserInteractionEvent> events = byKey.getOrDefault(FeedbackKey.of(row), List.of());
            if (!events.isEmpty()) {
                events.forEach(event -> apply(row, event));
                row.updatedAt = now;
            }
        }
    }

    static void apply(RecommendationFeedback row, UserInteractionEvent event) {
        Instant at = event.timestamp();
        if (event.eventType() == InteractionEventType.RECOMMENDATION_SHOWN) {
            row.viewed = true;
            if (row.impressionTime == null || at.isBefore(row.impressionTime)) {
                row.impressionTime = at;
                if (event.data() instanceof RecommendationData data) {
                    row.source = data.source();
                    row.algorithm = data.algorithm();
                    row.position = data.position();
                    row.confidence = data.confidence();
                    row.similarityScore = data.similarityScore();
                }
            }
        } else if (event.eventType() == InteractionEventType.RECOMMENDATION_CLICKED) {
            row.clicked = true;
            if (row.firstInteractionTime == null || at.isBefore(row.firstInteractionTime)) {
                row.firstInteractionTime = at;
            }
        }
    }
}
