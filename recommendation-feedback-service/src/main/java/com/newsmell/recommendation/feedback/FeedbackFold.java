package com.newsmell.recommendation.feedback;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.RecommendationData;
import java.time.Instant;

/**
 * How one event changes its RecommendationFeedback row. Every rule is order-independent: the row is created
 * by whichever event comes first, the impression (time and context) is the earliest SHOWN's, the first
 * interaction time is the earliest CLICKED's.
 */
final class FeedbackFold {

    private FeedbackFold() {}

    /** Whether this service folds the event: a RECOMMENDATION_SHOWN or _CLICKED that is not bot traffic. */
    static boolean relevant(UserInteractionEvent event) {
        return !event.isBot()
                && (event.eventType() == InteractionEventType.RECOMMENDATION_SHOWN
                        || event.eventType() == InteractionEventType.RECOMMENDATION_CLICKED);
    }

    static RecommendationFeedback start(FeedbackKey key) {
        RecommendationFeedback row = new RecommendationFeedback();
        row.recommendationId = key.recommendationId();
        row.userId = key.userId();
        row.perfumeId = key.perfumeId();
        return row;
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
