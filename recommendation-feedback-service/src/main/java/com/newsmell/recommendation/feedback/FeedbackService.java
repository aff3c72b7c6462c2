package com.newsmell.recommendation.feedback;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.kafka.EventBatchProcessor.Rejection;
import com.newsmell.contract.kafka.EventClaims;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Folds RECOMMENDATION_SHOWN / RECOMMENDATION_CLICKED events into recommendation feedback, idempotently
 * (eventIds claimed in the same transaction). Bot traffic and other event types are skipped, and not claimed.
 */
@ApplicationScoped
public class FeedbackService {

    private final RecommendationFeedbackRepository feedback;

    public FeedbackService(RecommendationFeedbackRepository feedback) {
        this.feedback = feedback;
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
        return Panache.getSession()
                .chain(session -> EventClaims.claim(session, relevant))
                .chain(this::fold)
                .replaceWith(List.of());
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<FeedbackKey, List<UserInteractionEvent>> byKey =
                fresh.stream().collect(Collectors.groupingBy(FeedbackKey::of, LinkedHashMap::new, Collectors.toList()));
        Set<String> recommendationIds =
                byKey.keySet().stream().map(FeedbackKey::recommendationId).collect(Collectors.toSet());
        Set<String> userIds = byKey.keySet().stream().map(FeedbackKey::userId).collect(Collectors.toSet());
        return feedback.findCandidates(recommendationIds, userIds).chain(existing -> {
            Map<FeedbackKey, RecommendationFeedback> known =
                    existing.stream().collect(Collectors.toMap(FeedbackKey::of, Function.identity()));
            List<RecommendationFeedback> created = new ArrayList<>();
            Instant now = Instant.now();
            byKey.forEach((key, keyEvents) -> {
                RecommendationFeedback row = known.get(key);
                if (row == null) {
                    row = FeedbackFold.start(key);
                    created.add(row);
                }
                for (UserInteractionEvent event : keyEvents) {
                    FeedbackFold.apply(row, event);
                }
                row.updatedAt = now;
            });
            return created.isEmpty() ? Uni.createFrom().voidItem() : feedback.persist(created);
        });
    }
}
