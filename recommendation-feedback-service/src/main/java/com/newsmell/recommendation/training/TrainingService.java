package com.newsmell.recommendation.training;

import com.newsmell.recommendation.attribution.LedgerReader;
import com.newsmell.recommendation.config.RecommendationConfig;
import com.newsmell.recommendation.stats.PositionBias;
import com.newsmell.toolkit.api.TimeWindow;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds, stores (versioned, the newest kept) and serves training-data exports. */
@ApplicationScoped
public class TrainingService {

    private final LedgerReader ledger;
    private final TrainingExportRepository exports;
    private final RecommendationConfig config;

    public TrainingService(LedgerReader ledger, TrainingExportRepository exports, RecommendationConfig config) {
        this.ledger = ledger;
        this.exports = exports;
        this.config = config;
    }

    /** A stored export: its version, its size in lines, its digest and its body. */
    public record Exported(long version, long rows, String sha256, String body) {}

    /** Exports the labelled impressions of the window as a new version; older versions beyond the kept are removed. */
    @WithTransaction
    public Uni<Exported> export(TimeWindow window) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ledger.impressions(window.from(), window.to()).chain(rows -> {
            String body = TrainingExport.body(
                    rows,
                    PositionBias.fromRows(
                            rows,
                            config.positionBias().minRandomizedImpressions(),
                            config.positionBias().clip()),
                    config.training().pseudonymKey());
            String sha = TrainingExport.sha256(body);
            return exports.insert(window.from(), window.to(), now, rows.size(), sha, body)
                    .call(() -> exports.prune(config.training().keptExports()))
                    .map(version -> new Exported(version, rows.size(), sha, body));
        });
    }

    @WithSession
    public Uni<List<TrainingExportRepository.Export>> exports() {
        return exports.list();
    }

    @WithSession
    public Uni<String> body(long version) {
        return exports.body(version);
    }
}
