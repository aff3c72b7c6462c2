package com.newsmell.session.summary;

import com.newsmell.contract.SessionSummary;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The outbox of session summaries (ADR 0017). */
@ApplicationScoped
public class SessionSummaryOutboxRepository implements PanacheRepositoryBase<SessionSummaryOutbox, Long> {

    /** Adds the summaries to the outbox, in the caller's transaction. */
    @WithSession
    public Uni<Void> add(List<SessionSummary> summaries) {
        if (summaries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return persist(summaries.stream().map(s -> {
            SessionSummaryOutbox row = new SessionSummaryOutbox();
            row.sessionId = s.sessionId();
            row.revision = s.revision();
            row.payload = s.toJson();
            return row;
        }));
    }

    /**
     * Adds a tombstone of a session that no longer exists (a derived session merged or moved, ADR 0064), so that the
     * compacted session-summaries topic forgets it.
     */
    @WithSession
    public Uni<Void> tombstone(String sessionId, long revision) {
        SessionSummaryOutbox row = new SessionSummaryOutbox();
        row.sessionId = sessionId;
        row.revision = revision;
        row.payload = null;
        return persist(row).replaceWithVoid();
    }

    /**
     * At most {@code limit} pending rows, oldest first, locked for the caller's transaction; rows another replica's
     * relay holds are skipped ({@code for update skip locked}).
     */
    @WithSession
    public Uni<List<Pending>> lockPending(int limit) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select id, session_id, payload from session_summary_outbox order by id"
                                        + " limit :limit for update skip locked",
                                Object[].class)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Pending(((Number) r[0]).longValue(), (String) r[1], (String) r[2]))
                        .toList());
    }

    /** A pending row: its id, the record's key and value. */
    public record Pending(long id, String sessionId, String payload) {}

    /** Deletes the published rows. */
    @WithSession
    public Uni<Long> deleteIds(List<Long> ids) {
        return delete("id in ?1", ids);
    }

    /** How many rows are pending. */
    @WithSession
    public Uni<Long> pending() {
        return count();
    }
}
