package com.newsmell.session.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class UserSessionRepository implements PanacheRepositoryBase<UserSession, String> {

    @WithSession
    public Uni<UserSession> findBySessionId(String sessionId) {
        return findById(sessionId);
    }

    /** One page in (startTime, sessionId) order, keyset-paged; fetches limit + 1 rows to know if more follow. */
    @WithSession
    public Uni<List<UserSession>> page(
            String userId, Instant from, Instant to, Instant afterStart, String afterId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("1 = 1");
        if (userId != null) {
            where.add("userId = :userId");
            params.put("userId", userId);
        }
        if (from != null) {
            where.add("startTime >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("startTime < :to");
            params.put("to", to);
        }
        if (afterStart != null) {
            where.add("(startTime > :afterStart or (startTime = :afterStart and sessionId > :afterId))");
            params.put("afterStart", afterStart);
            params.put("afterId", afterId);
        }
        return find(String.join(" and ", where) + " order by startTime, sessionId", params)
                .page(Page.ofSize(limit + 1))
                .list();
    }
}
