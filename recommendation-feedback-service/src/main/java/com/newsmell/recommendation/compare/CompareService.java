package com.newsmell.recommendation.compare;

import com.newsmell.recommendation.attribution.LedgerReader;
import com.newsmell.recommendation.config.RecommendationConfig;
import com.newsmell.recommendation.stats.PositionBias;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Compares two algorithms over a window's attributed impressions ({@link AlgorithmComparison}). */
@ApplicationScoped
public class CompareService {

    private final LedgerReader ledger;
    private final RecommendationConfig config;

    public CompareService(LedgerReader ledger, RecommendationConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    @WithSession
    public Uni<AlgorithmComparison.Result> compare(CompareQuery q) {
        return ledger.impressions(q.window().from(), q.window().to())
                .map(rows -> AlgorithmComparison.compare(
                        rows,
                        PositionBias.fromRows(
                                rows,
                                config.positionBias().minRandomizedImpressions(),
                                config.positionBias().clip()),
                        q,
                        new AlgorithmComparison.Settings(
                                config.compare().minImpressions(),
                                config.compare().minSuccesses(),
                                config.compare().bootstrapResamples(),
                                config.compare().bootstrapSeed())));
    }
}
