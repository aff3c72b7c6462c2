package com.newsmell.recommendation.feedback;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class RecommendationFeedbackRepository implements PanacheRepositoryBase<RecommendationFeedback, Long> {

    /** A recommendation's rows, by position (rows whose SHOWN has not arrived yet last). */
    @WithSession
    public Uni<List<RecommendationFeedback>> findByRecommendationId(String recommendationId) {
        return list(
                "recommendationId = ?1",
                Sort.by("position", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
                        .and("perfumeId")
                        .and("userId"),
                recommendationId);
    }

    /**
     * The rows of these recommendations for these users: a superset of the (recommendationId, userId,
     * perfumeId) keys a batch touches, loaded in one query and locked in a stable order, so that replicas
     * consuming other partitions never lose each other's updates (ADR 0008).
     */
    @WithSession
    public Uni<List<RecommendationFeedback>> findCandidates(
            Collection<String> recommendationIds, Collection<String> userIds) {
        return find(
                        "recommendationId in ?1 and userId in ?2",
                        Sort.by("recommendationId").and("userId").and("perfumeId"),
                        recommendationIds,
                        userIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
