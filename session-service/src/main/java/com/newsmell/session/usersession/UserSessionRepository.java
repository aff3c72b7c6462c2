package com.newsmell.session.usersession;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class UserSessionRepository implements PanacheRepositoryBase<UserSession, String> {

    /**
     * The existing sessions of these ids, locked for the rest of the transaction in sessionId order ({@code select …
     * for update}), so that replicas never lose each other's re-folds nor deadlock (ADR 0008, 0012).
     */
    @WithSession
    public Uni<List<UserSession>> lockInOrder(List<String> sortedSessionIds) {
        return find("sessionId in ?1", Sort.by("sessionId"), sortedSessionIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * The derived sessions of a visitor (ADR 0064) that span any instant of [from, to], locked in sessionId order like
     * {@link #lockInOrder}.
     */
    @WithSession
    public Uni<List<UserSession>> lockOfVisitor(String visitorId, Instant from, Instant to) {
        return find(
                        "visitorId = ?1 and startTime <= ?2 and lastEventTime >= ?3",
                        Sort.by("sessionId"),
                        visitorId,
                        to,
                        from)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Persists the rows of sessions seen for the first time (inserted when the transaction flushes). */
    @WithSession
    public Uni<Void> create(List<UserSession> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : persist(rows);
    }

    /** The ids of at most {@code limit} open sessions whose last event is at or before {@code lastEventBefore}, oldest first. */
    @WithSession
    public Uni<List<String>> idleSessionIds(Instant lastEventBefore, int limit) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select s.sessionId from UserSession s where s.closed = false "
                                        + "and s.lastEventTime <= :lastEventBefore order by s.lastEventTime",
                                String.class)
                        .setParameter("lastEventBefore", lastEventBefore)
                        .setMaxResults(limit)
                        .getResultList());
    }

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

    /**
     * The first {@code limit + 1} sessions of each of these users in (startTime, sessionId) order, within [from, to)
     * when given and after the keyset position when given: two statements for any number of users (the ids by
     * {@code row_number()} per user over the index (user_id, start_time), then the rows).
     */
    @WithSession
    public Uni<List<UserSession>> pagesOfUsers(
            List<String> userIds, Instant from, Instant to, Instant afterStart, String afterId, int limit) {
        StringBuilder where = new StringBuilder(" where user_id in (:users)");
        if (from != null) {
            where.append(" and start_time >= cast(:from as timestamptz)");
        }
        if (to != null) {
            where.append(" and start_time < cast(:to as timestamptz)");
        }
        if (afterStart != null) {
            where.append(" and (start_time > cast(:afterStart as timestamptz) or (start_time = cast(:afterStart as"
                    + " timestamptz) and session_id > :afterId))");
        }
        String sql = "select session_id from (select session_id, row_number() over (partition by user_id order by"
                + " start_time, session_id) as n from user_session" + where + ") x where x.n <= :perUser";
        return getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(sql, String.class)
                            .setParameter("users", userIds)
                            .setParameter("perUser", limit + 1);
                    if (from != null) {
                        query.setParameter("from", from.atOffset(java.time.ZoneOffset.UTC));
                    }
                    if (to != null) {
                        query.setParameter("to", to.atOffset(java.time.ZoneOffset.UTC));
                    }
                    if (afterStart != null) {
                        query.setParameter("afterStart", afterStart.atOffset(java.time.ZoneOffset.UTC))
                                .setParameter("afterId", afterId);
                    }
                    return query.getResultList();
                })
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(List.<UserSession>of())
                        : list("sessionId in ?1", Sort.by("startTime").and("sessionId"), ids));
    }
}
