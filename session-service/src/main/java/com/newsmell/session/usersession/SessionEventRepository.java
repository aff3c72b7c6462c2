package com.newsmell.session.usersession;

import com.newsmell.contract.UserInteractionEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The claimed events of the sessions, which every re-fold reads. */
@ApplicationScoped
public class SessionEventRepository implements PanacheRepositoryBase<SessionEvent, UUID> {

    /**
     * Stores freshly claimed events (written now, so that the re-fold of the same transaction reads them); returns the
     * rows, as the fold sees them.
     */
    @WithSession
    public Uni<List<SessionEvent>> store(List<UserInteractionEvent> fresh) {
        List<SessionEvent> rows = fresh.stream().map(SessionEvent::of).toList();
        return persist(rows).chain(this::flush).replaceWith(rows);
    }

    /** Stores new event rows (written now); returns them. */
    @WithSession
    public Uni<List<SessionEvent>> storeRows(List<SessionEvent> rows) {
        return persist(rows).chain(this::flush).replaceWith(rows);
    }

    /** The sessions that have an event of this anonymousId (ADR 0064), in id order. */
    @WithSession
    public Uni<List<String>> sessionsOfAnonymous(String anonymousId) {
        return getSession()
                .chain(s -> s.createSelectionQuery(
                                "select distinct e.sessionId from SessionEvent e where e.anonymousId = :a"
                                        + " order by e.sessionId",
                                String.class)
                        .setParameter("a", anonymousId)
                        .getResultList());
    }

    /** Every stored event of these sessions, in (sessionId, timestamp, eventId) order. */
    @WithSession
    public Uni<List<SessionEvent>> ofSessions(List<String> sessionIds) {
        return list("sessionId in ?1", Sort.by("sessionId").and("timestamp").and("eventId"), sessionIds);
    }

    /**
     * Deletes the stored events of up to {@code batch} closed sessions whose last event is before the cutoff (ADR
     * 0030); returns how many events.
     */
    @WithSession
    public Uni<Integer> pruneClosedBefore(java.time.Instant cutoff, int batch) {
        return getSession()
                .chain(s -> s.createNativeQuery("with done as (select session_id from user_session"
                                + " where closed and last_event_time < cast(:cutoff as timestamptz)"
                                + " and exists (select 1 from session_event e where e.session_id = user_session.session_id)"
                                + " limit :batch)"
                                + " delete from session_event e using done where e.session_id = done.session_id")
                        .setParameter("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
                        .setParameter("batch", batch)
                        .executeUpdate());
    }
}
