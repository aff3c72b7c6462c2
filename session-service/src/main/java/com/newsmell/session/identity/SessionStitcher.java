package com.newsmell.session.identity;

import com.newsmell.contract.IdentityLink;
import com.newsmell.session.usersession.SessionService;
import com.newsmell.toolkit.identity.IdentityStitcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * session-service's stitching (ADR 0064): the sessions with an event of the linked anonymousId are re-folded, so that
 * they, their searches and their summaries carry the user; later anonymous events of the visitor are attributed when
 * they are folded.
 */
@ApplicationScoped
public class SessionStitcher implements IdentityStitcher {

    private final SessionService sessions;

    public SessionStitcher(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> stitch(IdentityLink link, String previousUserId) {
        return sessions.stitch(link.anonymousId());
    }
}
