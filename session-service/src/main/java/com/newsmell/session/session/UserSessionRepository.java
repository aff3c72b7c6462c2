package com.newsmell.session.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class UserSessionRepository implements PanacheRepositoryBase<UserSession, String> {

    @WithSession
    public Uni<UserSession> findBySessionId(String sessionId) {
        return findById(sessionId);
    }

    @WithSession
    public Uni<List<UserSession>> findBySessionIds(Collection<String> sessionIds) {
        return list("sessionId in ?1", sessionIds);
    }
}
