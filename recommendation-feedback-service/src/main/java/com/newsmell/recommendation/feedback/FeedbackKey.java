package com.newsmell.recommendation.feedback;

import com.newsmell.contract.UserInteractionEvent;
import java.util.Comparator;

/**
 * The natural key of a ledger row: one recommendation instance (one list shown to one viewer) and one of its
 * perfumes. Keys sort as the rows are created and locked.
 */
record FeedbackKey(String recommendationId, String perfumeId) implements Comparable<FeedbackKey> {

    private static final Comparator<FeedbackKey> ORDER =
            Comparator.comparing(FeedbackKey::recommendationId).thenComparing(FeedbackKey::perfumeId);

    static FeedbackKey of(UserInteractionEvent event) {
        return new FeedbackKey(event.recommendationId(), event.perfumeId());
    }

    static FeedbackKey of(RecommendationFeedback row) {
        return new FeedbackKey(row.recommendationId, row.perfumeId);
    }

    @Override
    public int compareTo(FeedbackKey other) {
        return ORDER.compare(this, other);
    }
}
