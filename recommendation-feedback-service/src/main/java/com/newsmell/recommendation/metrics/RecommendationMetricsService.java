package com.newsmell.recommendation.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.toolkit.api.Comparison;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Recommendation metrics (ADR 0015): impressions, clicks and click-through rate per bucket and in total, broken
 * down by algorithm, source or position, filtered on them, compared with the previous period. Answered from
 * recommendation_feedback as it is now (the rows are updated as events are consumed), so {@code asOf} is the time
 * of the request.
 */
@ApplicationScoped
public class RecommendationMetricsService {

    private final RecommendationMetricsRepository repository;
    private final ObjectMapper mapper;

    public RecommendationMetricsService(RecommendationMetricsRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /** The metrics of one request; its statements run one after the other on one session. */
    @WithSession
    public Uni<Metrics<RecommendationBucket, RecommendationFigures>> metrics(RecommendationMetricsQuery q) {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TimeWindow window = q.window();
        return repository
                .buckets(window, q.filters())
                .map(counts -> Metrics.of(
                        window,
                        asOf,
                        q.filters(),
                        RecommendationMetricsFold.totals(counts),
                        RecommendationMetricsFold.buckets(window, counts)))
                .chain(metrics -> q.breakdown() == null ? Uni.createFrom().item(metrics) : withBreakdown(q, metrics))
                .chain(metrics -> q.compare()
                        ? withComparison(q, metrics)
                        : Uni.createFrom().item(metrics));
    }

    private Uni<Metrics<RecommendationBucket, RecommendationFigures>> withBreakdown(
            RecommendationMetricsQuery q, Metrics<RecommendationBucket, RecommendationFigures> metrics) {
        return repository
                .breakdown(q.window(), q.filters(), q.breakdown(), q.offset(), q.limit() + 1)
                .map(counts -> {
                    List<Metrics.Value<RecommendationFigures>> values = RecommendationMetricsFold.values(counts);
                    String next = values.size() > q.limit() ? Paging.offsetCursor(q.offset() + q.limit()) : null;
                    return metrics.withBreakdown(new Metrics.BreakdownTotals<>(
                            q.breakdown(), values.subList(0, Math.min(values.size(), q.limit())), next));
                });
    }

    private Uni<Metrics<RecommendationBucket, RecommendationFigures>> withComparison(
            RecommendationMetricsQuery q, Metrics<RecommendationBucket, RecommendationFigures> metrics) {
        TimeWindow previous = q.window().previous();
        return repository
                .buckets(previous, q.filters())
                .map(counts -> metrics.withComparison(
                        Comparison.of(previous, metrics.totals(), RecommendationMetricsFold.totals(counts), mapper)));
    }
}
