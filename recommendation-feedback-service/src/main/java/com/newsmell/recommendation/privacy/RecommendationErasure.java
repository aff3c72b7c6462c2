package com.newsmell.recommendation.privacy;

import com.newsmell.recommendation.training.TrainingErasure;
import com.newsmell.toolkit.identity.IdentityLinkStore;
import com.newsmell.toolkit.privacy.ErasureStep;
import com.newsmell.toolkit.privacy.UserDataEraser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * recommendation-feedback-service's erasure (ADR 0032): the user's ledger rows (also those of the anonymous sessions
 * stitched to the user, and those of the anonymous ids linked to the user, ADR 0064), conversions, viewer sessions and
 * identity links. Daily metrics and weekly reports stay as anonymous
 * counts. Training exports already written are rewritten without the user ({@link TrainingErasure}, ADR 0048).
 */
@ApplicationScoped
public class RecommendationErasure implements UserDataEraser {

    /** The anonymous ids linked to the user (ADR 0064). */
    private static final String LINKED = " (select anonymous_id from identity_link where user_id = :userId)";

    private final TrainingErasure training;

    public RecommendationErasure(TrainingErasure training) {
        this.training = training;
    }

    @Override
    public List<ErasureStep> steps() {
        return List.of(
                // the training exports already written lose the user's lines (first: it reads the viewer sessions)
                ErasureStep.custom("training-exports", training::run),
                // the ledger (V3 renamed recommendation_ledger to recommendation_feedback): the user's rows and those
                // of the anonymous sessions the user is known to have viewed from
                new ErasureStep(
                        "ledger",
                        "delete from recommendation_feedback where user_id = :userId or anonymous_id in"
                                + " (select session_id from viewer_session where user_id = :userId) or visitor_id in"
                                + LINKED),
                new ErasureStep(
                        "conversions",
                        "delete from recommendation_conversion where user_id = :userId or session_id in"
                                + " (select session_id from viewer_session where user_id = :userId) or anonymous_id in"
                                + LINKED),
                new ErasureStep("viewer-sessions", "delete from viewer_session where user_id = :userId"),
                // last: the steps above read the links
                IdentityLinkStore.ERASURE);
    }
}
