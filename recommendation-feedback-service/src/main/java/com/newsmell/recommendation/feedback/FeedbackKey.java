package com.newsmell.recommendation.feedback;

import com.newsmell.contract.UserInteractionEvent;
import java.util.Comparator;

/** The natural key of a RecommendationFeedback row; keys sort as the rows are created and locked. */
record FeedbackKey(String recommendationId, String userId, String perfumeId) implements Comparable<FeedbackKey> {

    /** The prefix of the {@code userId} of an anonymous viewer, followed by the sessionId. */
    static final String ANONYMOUS_PREFIX = "session:";

    private static final Comparator<FeedbackKey> ORDER = Comparator.comparing(FeedbackKey::recommendationId)
            .thenComparing(FeedbackKey::userId)
            .thenComparing(FeedbackKey::perfumeId);

    static FeedbackKey of(UserInteractionEvent event) {
        return new FeedbackKey(event.recommendationId(), viewer(event), event.perfumeId());
    }

    static FeedbackKey of(RecommendationFeedback row) {
        return new FeedbackKey(row.recommendationId, row.userId, row.perfumeId);
    }

    /** The userId, else {@code session:<sessionId>} for an anonymous viewer. */
    static String viewer(UserInteractionEvent event) {
        return event.userId() != null ? event.userId() : ANONYMOUS_PREFIX + event.sessionId();
    }

    @Override
    public int compareTo(FeedbackKey other) {
        return ORDER.compare(this, other);
    }
}
