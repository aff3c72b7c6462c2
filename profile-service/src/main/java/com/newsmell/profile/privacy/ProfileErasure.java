package com.newsmell.profile.privacy;

import com.newsmell.toolkit.identity.IdentityLinkStore;
import com.newsmell.toolkit.privacy.ErasureStep;
import com.newsmell.toolkit.privacy.PrivacyConfig;
import com.newsmell.toolkit.privacy.UserDataEraser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * profile-service's erasure (ADR 0032): the user's profile and its inputs, feature vectors and snapshots, similarity
 * rows (either side), segment membership and session summaries; the user's identity links (ADR 0064: the anonymous
 * history they stitched is in the user's rows already). Segment sizes recomputed later leave the user out.
 * The same table list serves the anonymisation of inactive profiles ({@link ProfileRetention}, ADR 0033).
 */
@ApplicationScoped
public class ProfileErasure implements UserDataEraser {

    /** One user-keyed column of a profile table, under its table group. */
    record UserColumn(String tableGroup, String table, String column) {}

    static final List<UserColumn> USER_COLUMNS = List.of(
            new UserColumn("profiles", "user_behavior_profile", "user_id"),
            new UserColumn("profiles", "profile_pending", "user_id"),
            new UserColumn("profiles", "user_day_activity", "user_id"),
            new UserColumn("profiles", "user_perfume_day", "user_id"),
            new UserColumn("profiles", "user_perfume", "user_id"),
            new UserColumn("vectors", "user_feature_vector", "user_id"),
            new UserColumn("similarity", "user_similar", "user_id"),
            new UserColumn("similarity", "user_similar", "other_user_id"),
            new UserColumn("segments", "user_segment_assignment", "user_id"),
            new UserColumn("session-summaries", "session_summary", "user_id"));

    private final PrivacyConfig privacy;

    public ProfileErasure(PrivacyConfig privacy) {
        this.privacy = privacy;
    }

    @Override
    public List<ErasureStep> steps() {
        List<ErasureStep> steps = new ArrayList<>(USER_COLUMNS.stream()
                .map(c -> new ErasureStep(
                        c.tableGroup(), "delete from " + c.table() + " where " + c.column() + " = :userId"))
                .toList());
        // feature snapshots, a training dataset, are kept under the user's keyed pseudonym only (ADR 0048)
        steps.add(ErasureStep.withParameters(
                "snapshots",
                "delete from user_feature_snapshot where user_id = :subject",
                userId -> Map.of("subject", ProfileRetention.pseudonym(privacy.hashKey(), userId))));
        // the stitched anonymous ids (ADR 0064): events still parked under them (a link folds and deletes them, so
        // normally none), then the links
        steps.add(new ErasureStep(
                "identity-links",
                "delete from anonymous_event where anonymous_id in"
                        + " (select anonymous_id from identity_link where user_id = :userId)"));
        steps.add(IdentityLinkStore.ERASURE);
        return steps;
    }
}
