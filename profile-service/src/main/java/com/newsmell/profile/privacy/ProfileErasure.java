package com.newsmell.profile.privacy;

import com.newsmell.toolkit.privacy.ErasureStep;
import com.newsmell.toolkit.privacy.UserDataEraser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * profile-service's erasure (ADR 0032): the user's profile and its inputs, feature vectors and snapshots, similarity
 * rows (either side), segment membership and session summaries. Segment sizes recomputed later leave the user out.
 */
@ApplicationScoped
public class ProfileErasure implements UserDataEraser {

    @Override
    public List<ErasureStep> steps() {
        return List.of(
                new ErasureStep("profiles", "delete from user_behavior_profile where user_id = :userId"),
                new ErasureStep("profiles", "delete from profile_pending where user_id = :userId"),
                new ErasureStep("profiles", "delete from user_day_activity where user_id = :userId"),
                new ErasureStep("profiles", "delete from user_perfume_day where user_id = :userId"),
                new ErasureStep("profiles", "delete from user_perfume where user_id = :userId"),
                new ErasureStep("vectors", "delete from user_feature_vector where user_id = :userId"),
                new ErasureStep("snapshots", "delete from user_feature_snapshot where user_id = :userId"),
                new ErasureStep(
                        "similarity", "delete from user_similar where user_id = :userId or other_user_id = :userId"),
                new ErasureStep("segments", "delete from user_segment_assignment where user_id = :userId"),
                new ErasureStep("session-summaries", "delete from session_summary where user_id = :userId"));
    }
}
