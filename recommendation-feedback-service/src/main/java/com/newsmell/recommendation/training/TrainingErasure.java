package com.newsmell.recommendation.training;

import com.newsmell.recommendation.config.RecommendationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Erasure of a user from the training exports already written (ADR 0048): the lines of the user's viewer keys
 * ({@code user:<id>} and the anonymous sessions stitched to the user) are found by their pseudonyms and removed from
 * every kept export, whose row count and SHA-256 are updated. Runs in the erasure's transaction, before the viewer
 * sessions it reads are deleted.
 */
@ApplicationScoped
public class TrainingErasure {

    private final RecommendationConfig config;
    private final TrainingExportRepository exports;

    public TrainingErasure(RecommendationConfig config, TrainingExportRepository exports) {
        this.config = config;
        this.exports = exports;
    }

    /** Rewrites the exports holding the user; answers the lines removed. */
    public Uni<Integer> run(Mutiny.Session session, String userId) {
        return exports.stitchedSessions(session, userId).chain(sessions -> {
            List<String> viewers = new ArrayList<>();
            viewers.add("user:" + userId);
            sessions.forEach(id -> viewers.add("anonymous:" + id));
            Set<String> pseudonyms = viewers.stream()
                    .map(v -> TrainingExport.pseudonym(config.training().pseudonymKey(), v))
                    .collect(Collectors.toSet());
            return exports.bodies(session).chain(kept -> rewrite(session, kept, pseudonyms, 0, 0));
        });
    }

    private Uni<Integer> rewrite(
            Mutiny.Session session, List<Object[]> kept, Set<String> pseudonyms, int index, int removed) {
        if (index == kept.size()) {
            return Uni.createFrom().item(removed);
        }
        Object[] export = kept.get(index);
        TrainingExport.Rewritten rewritten = TrainingExport.without((String) export[1], pseudonyms);
        if (rewritten.removed() == 0) {
            return rewrite(session, kept, pseudonyms, index + 1, removed);
        }
        return exports.rewrite(
                        session,
                        ((Number) export[0]).longValue(),
                        rewritten.body(),
                        rewritten.rows(),
                        TrainingExport.sha256(rewritten.body()))
                .chain(() -> rewrite(session, kept, pseudonyms, index + 1, removed + (int) rewritten.removed()));
    }
}
