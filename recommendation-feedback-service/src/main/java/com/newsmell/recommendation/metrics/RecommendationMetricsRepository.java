package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.metrics.RecommendationMetricsFold.BucketCounts;
import com.newsmell.recommendation.metrics.RecommendationMetricsFold.ValueCounts;
import com.newsmell.recommendation.metrics.RecommendationMetricsSql.Statement;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.TimeWindow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads recommendation_feedback for the metrics endpoint: counts per bucket or per value, never rows. */
@ApplicationScoped
public class RecommendationMetricsRepository {

    /** The counts per bucket of the window that has rows (see {@link RecommendationMetricsSql#buckets}). */
    @WithSession
    public Uni<List<BucketCounts>> buckets(TimeWindow window, Filters filters) {
        return rows(RecommendationMetricsSql.buckets(window, filters))
                .map(rows -> rows.stream()
                        .map(r ->
                                new BucketCounts(((Number) r[0]).intValue(), number(r[1]), number(r[2]), number(r[3])))
                        .toList());
    }

    /** One page of a breakdown's values, {@code rows} from {@code offset}, most impressions first. */
    @WithSession
    public Uni<List<ValueCounts>> breakdown(
            TimeWindow window, Filters filters, String dimension, int offset, int rows) {
        return rows(RecommendationMetricsSql.breakdown(window, filters, dimension, offset, rows))
                .map(list -> list.stream()
                        .map(r -> new ValueCounts(
                                r[0] == null ? null : r[0].toString(), number(r[1]), number(r[2]), number(r[3])))
                        .toList());
    }

    private static Uni<List<Object[]>> rows(Statement statement) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement.sql(), Object[].class);
            for (int i = 0; i < statement.params().size(); i++) {
                query.setParameter(i + 1, statement.params().get(i));
            }
            return query.getResultList();
        });
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
