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

    public TrainingErasure(RecommendationConfig config) {
        this.config = config;
    }

    /** Rewrites the exports holding the user; answers the lines removed. */
    public Uni<Integer> run(Mutiny.Session session, String userId) {
        return session.createNativeQuery("select session_id from viewer_session where user_id = :u", String.class)
                .setParameter("u", userId)
                .getResultList()
                .chain(sessions -> {
                    List<String> viewers = new ArrayList<>();
                    viewers.add("user:" + userId);
                    sessions.forEach(id -> viewers.add("anonymous:" + id));
                    Set<String> pseudonyms = viewers.stream()
                            .map(v -> TrainingExport.pseudonym(config.training().pseudonymKey(), v))
                            .collect(Collectors.toSet());
                    return session.createNativeQuery(
                                    "select version, body from training_export order by version", Object[].class)
                            .getResultList()
                            .chain(exports -> rewrite(session, exports, pseudonyms, 0, 0));
                });
    }

    private static Uni<Integer> rewrite(
            Mutiny.Session session, List<Object[]> exports, Set<String> pseudonyms, int index, int removed) {
        if (index == exports.size()) {
            return Uni.createFrom().item(removed);
        }
        Object[] export = exports.get(index);
        TrainingExport.Rewritten rewritten = TrainingExport.without((String) export[1], pseudonyms);
        if (rewritten.removed() == 0) {
            return rewrite(session, exports, pseudonyms, index + 1, removed);
        }
        return session.createNativeQuery(
                        "update training_export set body = :body, rows = :rows, sha256 = :sha where version = :v")
                .setParameter("body", rewritten.body())
                .setParameter("rows", rewritten.rows())
                .setParameter("sha", TrainingExport.sha256(rewritten.body()))
                .setParameter("v", ((Number) export[0]).longValue())
                .executeUpdate()
                .chain(() -> rewrite(session, exports, pseudonyms, index + 1, removed + (int) rewritten.removed()));
    }
}
