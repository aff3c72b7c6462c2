package com.newsmell.recommendation.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerReader;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.config.RecommendationConfig;
import com.newsmell.recommendation.stats.PositionBias;
import com.newsmell.recommendation.stats.PositionBias.Propensities;
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
 * Recommendation metrics (ADR 0015, 0023), real time: the window's impressions read from the ledger with their
 * attribution ({@link LedgerReader}), folded into buckets, totals and breakdown values ({@link
 * RecommendationMetricsFold}); the propensities of the debiased CTR come from the window's randomized impressions.
 * {@code asOf} is the time of the request; a bucket is provisional until the attribution window after it has passed.
 */
@ApplicationScoped
public class RecommendationMetricsService {

    private final LedgerReader ledger;
    private final ObjectMapper mapper;
    private final RecommendationConfig config;

    public RecommendationMetricsService(LedgerReader ledger, ObjectMapper mapper, RecommendationConfig config) {
        this.ledger = ledger;
        this.mapper = mapper;
        this.config = config;
    }

    /** The metrics of one request; its reads run one after the other on one session. */
    @WithSession
    public Uni<Metrics<RecommendationBucket, RecommendationFigures>> metrics(RecommendationMetricsQuery q) {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TimeWindow window = q.window();
        return window(window, q)
                .map(w -> {
                    Metrics<RecommendationBucket, RecommendationFigures> metrics = Metrics.of(
                            window,
                            asOf,
                            q.filters(),
                            RecommendationMetricsFold.totals(w.rows(), w.clicksWithoutImpression(), w.propensities()),
                            RecommendationMetricsFold.buckets(
                                    window,
                                    w.rows(),
                                    w.clicksWithoutImpression(),
                                    w.propensities(),
                                    ledger.window(),
                                    asOf));
                    if (q.breakdown() == null) {
                        return metrics;
                    }
                    List<Metrics.Value<RecommendationFigures>> values = RecommendationMetricsFold.values(
                            q.breakdown(), w.rows(), w.clicksWithoutImpression(), w.propensities());
                    List<Metrics.Value<RecommendationFigures>> page = values.subList(
                            Math.min(values.size(), q.offset()), Math.min(values.size(), q.offset() + q.limit()));
                    String next =
                            values.size() > q.offset() + q.limit() ? Paging.offsetCursor(q.offset() + q.limit()) : null;
                    return metrics.withBreakdown(new Metrics.BreakdownTotals<>(q.breakdown(), page, next));
                })
                .chain(metrics -> q.compare()
                        ? withComparison(q, metrics)
                        : Uni.createFrom().item(metrics));
    }

    /** The position-bias report of a window. */
    @WithSession
    public Uni<PositionBiasReport> positionBias(TimeWindow window) {
        return ledger.impressions(window.from(), window.to())
                .map(rows -> PositionBiasReport.of(
                        window.from(),
                        window.to(),
                        rows,
                        PositionBias.fromRows(
                                rows,
                                config.positionBias().minRandomizedImpressions(),
                                config.positionBias().clip())));
    }

    /** A window's filtered rows, its clicks without impression and the propensities of all its rows. */
    record WindowRows(List<AttributedRow> rows, List<LedgerRow> clicksWithoutImpression, Propensities propensities) {}

    private Uni<WindowRows> window(TimeWindow window, RecommendationMetricsQuery q) {
        return ledger.impressions(window.from(), window.to())
                .chain(all -> ledger.clicksWithoutImpression(window.from(), window.to())
                        .map(clicks -> new WindowRows(
                                all.stream()
                                        .filter(a -> RecommendationMetricsFold.passes(a.row(), q.filters()))
                                        .toList(),
                                clicks.stream()
                                        .filter(r -> RecommendationMetricsFold.passes(r, q.filters()))
                                        .toList(),
                                PositionBias.fromRows(
                                        all,
                                        config.positionBias().minRandomizedImpressions(),
                                        config.positionBias().clip()))));
    }

    private Uni<Metrics<RecommendationBucket, RecommendationFigures>> withComparison(
            RecommendationMetricsQuery q, Metrics<RecommendationBucket, RecommendationFigures> metrics) {
        TimeWindow previous = q.window().previous();
        return window(previous, q)
                .map(w -> metrics.withComparison(Comparison.of(
                        previous,
                        metrics.totals(),
                        RecommendationMetricsFold.totals(w.rows(), w.clicksWithoutImpression(), w.propensities()),
                        mapper)));
    }
}
