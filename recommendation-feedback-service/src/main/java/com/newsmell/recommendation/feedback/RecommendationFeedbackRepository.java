package com.newsmell.recommendation.feedback;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.persistence.AggregateRows;
import com.newsmell.toolkit.persistence.AggregateRows.KeyPart;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class RecommendationFeedbackRepository implements PanacheRepositoryBase<RecommendationFeedback, Long> {

    private static final List<KeyPart<FeedbackKey>> KEY = List.of(
            new KeyPart<>("recommendation_id", "recommendationId", FeedbackKey::recommendationId),
            new KeyPart<>("perfume_id", "perfumeId", FeedbackKey::perfumeId));

    /** A recommendation's rows, by position (rows whose SHOWN has not arrived yet last), then perfume. */
    @WithSession
    public Uni<List<RecommendationFeedback>> findByRecommendationId(String recommendationId) {
        return list(
                "recommendationId = ?1",
                Sort.by("position", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
                        .and("perfumeId"),
                recommendationId);
    }

    /**
     * One page of the impressions of a window in (impressionTime, id) order, after the cursor's row; fetches
     * {@code limit + 1} rows so that the caller knows whether there is a next page. Answered by the index
     * {@code idx_recommendation_feedback_impression_time} (impression_time, id).
     */
    @WithSession
    public Uni<List<RecommendationFeedback>> page(FeedbackListQuery q) {
        List<String> where = new ArrayList<>(List.of("impressionTime >= :from", "impressionTime < :to"));
        Parameters params =
                Parameters.with("from", q.window().from()).and("to", q.window().to());
        if (ApiConvention.UNKNOWN.equals(q.algorithm())) {
            where.add("algorithm is null");
        } else if (q.algorithm() != null) {
            where.add("algorithm = :algorithm");
            params = params.and("algorithm", q.algorithm());
        }
        if (q.after() != null) {
            where.add("(impressionTime > :afterTime or (impressionTime = :afterTime and id > :afterId))");
            params = params.and("afterTime", q.after().impressionTime())
                    .and("afterId", q.after().id());
        }
        return find(String.join(" and ", where), Sort.by("impressionTime").and("id"), params)
                .range(0, q.limit())
                .list();
    }

    /**
     * The rows of these keys, created if missing (race-free: {@code insert … on conflict do nothing}) and locked
     * for the rest of the transaction in key order, so that replicas consuming other partitions never lose each
     * other's updates nor deadlock (ADR 0008, 0012).
     */
    @WithSession
    public Uni<List<RecommendationFeedback>> createAndLock(List<FeedbackKey> sortedKeys) {
        return getSession()
                .chain(session -> AggregateRows.createAndLock(
                        session,
                        RecommendationFeedback.class,
                        "recommendation_feedback",
                        KEY,
                        sortedKeys,
                        FeedbackKey::of));
    }
}
