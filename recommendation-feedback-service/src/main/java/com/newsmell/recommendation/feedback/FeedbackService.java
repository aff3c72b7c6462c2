package com.newsmell.recommendation.feedback;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.consumer.EventClaims;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * Folds RECOMMENDATION_SHOWN / RECOMMENDATION_CLICKED events into recommendation feedback (ADR 0012): claim the
 * eventIds, create and lock the rows the fresh events touch, fold them; Hibernate flushes the changed rows at
 * commit. Bot traffic and other event types are skipped, and not claimed.
 */
@ApplicationScoped
public class FeedbackService {

    private final RecommendationFeedbackRepository feedback;
    private final EventClaims claims;

    public FeedbackService(RecommendationFeedbackRepository feedback, EventClaims claims) {
        this.feedback = feedback;
        this.claims = claims;
    }

    /** Whether any of the events is one this service folds (lets the consumer skip a transaction). */
    public static boolean concernsAny(List<UserInteractionEvent> events) {
        return events.stream().anyMatch(FeedbackFold::relevant);
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        List<UserInteractionEvent> relevant =
                events.stream().filter(FeedbackFold::relevant).toList();
        if (relevant.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return claims.claim(relevant).chain(this::fold).replaceWith(List.of());
    }

    /** A recommendation's rows, by position (rows whose SHOWN has not arrived yet last). */
    public Uni<List<RecommendationFeedback>> findByRecommendationId(String recommendationId) {
        return feedback.findByRecommendationId(recommendationId);
    }

    /** One page of the impressions of a window, in (impressionTime, id) order (fetches limit + 1 rows). */
    public Uni<List<RecommendationFeedback>> page(FeedbackListQuery query) {
        return feedback.page(query);
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh) {
        SortedMap<FeedbackKey, List<UserInteractionEvent>> byKey = FeedbackFold.byKey(fresh);
        if (byKey.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return feedback.createAndLock(List.copyOf(byKey.keySet()))
                .invoke(locked -> FeedbackFold.fold(locked, byKey, Instant.now()))
                .replaceWithVoid();
    }
}
