package com.newsmell.profile.summary;

import com.newsmell.contract.SessionSummary;
import com.newsmell.profile.rollup.PendingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one record of the session-summaries topic (ADR 0017): upserted by sessionId unless the stored revision is
 * the same or higher; a stored summary of a signed-in user marks them for the next run. Idempotent: applying a record twice leaves what applying it once did.
 */
@ApplicationScoped
public class SessionSummaryService {

    /** What a record did. */
    public enum Outcome {
        STORED,
        IGNORED_NOT_NEWER,
        /** A tombstone (null value): the session's summary was deleted, after an erasure (ADR 0032). */
        DELETED
    }

    private final SessionSummaryRepository summaries;
    private final PendingRepository pending;

    public SessionSummaryService(SessionSummaryRepository summaries, PendingRepository pending) {
        this.summaries = summaries;
        this.pending = pending;
    }

    /**
     * Applies the record with this key and value.
     *
     * @throws SessionSummary.Invalid when it is no summary (no key, bad JSON or summary, a key that is not its
     *     sessionId)
     */
    @WithTransaction
    public Uni<Outcome> apply(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new SessionSummary.Invalid("the record has no key (a sessionId)");
        }
        if (value == null) {
            return summaries.delete(key).replaceWith(Outcome.DELETED);
        }
        SessionSummary summary = SessionSummary.fromJson(value);
        if (!summary.sessionId().equals(key)) {
            throw new SessionSummary.Invalid("the record's key is not its sessionId");
        }
        return summaries
                .upsert(summary)
                .call(stored -> stored && summary.userId() != null
                        ? pending.mark(summary.userId())
                        : Uni.createFrom().voidItem())
                .map(stored -> stored ? Outcome.STORED : Outcome.IGNORED_NOT_NEWER);
    }
}
