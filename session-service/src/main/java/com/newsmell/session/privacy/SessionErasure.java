package com.newsmell.session.privacy;

import com.newsmell.toolkit.identity.IdentityLinkStore;
import com.newsmell.toolkit.privacy.ErasureStep;
import com.newsmell.toolkit.privacy.UserDataEraser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * session-service's erasure (ADR 0032): the user's sessions with all their stored events, search queries and pending
 * summaries (also the anonymous part of a session the user logged into, and the sessions of the anonymous ids linked to
 * the user, ADR 0064), then the sessions and the user's identity links; a tombstone for each of
 * the user's sessions goes to the compacted session-summaries topic through the outbox. The hourly rollups stay as
 * anonymous counts (an hour recomputed later leaves the user out).
 */
@ApplicationScoped
public class SessionErasure implements UserDataEraser {

    private static final String USER_SESSIONS = "(select session_id from user_session where user_id = :userId)";

    @Override
    public List<ErasureStep> steps() {
        return List.of(
                new ErasureStep(
                        "search-queries",
                        "delete from search_query where user_id = :userId or session_id in " + USER_SESSIONS),
                new ErasureStep(
                        "session-events",
                        "delete from session_event where user_id = :userId or session_id in " + USER_SESSIONS),
                new ErasureStep(
                        "session-summaries", "delete from session_summary_outbox where session_id in " + USER_SESSIONS),
                // a tombstone per session of the user, so that the compacted session-summaries topic forgets them too
                new ErasureStep(
                        "session-summary-tombstones",
                        "insert into session_summary_outbox (session_id, revision, payload)"
                                + " select session_id, summary_revision + 1, null from user_session where user_id = :userId"),
                new ErasureStep("sessions", "delete from user_session where user_id = :userId"),
                // the stitched anonymous ids (ADR 0064): their sessions went above (a stitched session is the user's)
                IdentityLinkStore.ERASURE);
    }
}
