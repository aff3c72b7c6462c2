package com.newsmell.session.usersession;

import com.newsmell.contract.SessionSummary;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.config.SessionConfig;
import com.newsmell.session.metrics.RollupChanges;
import com.newsmell.session.metrics.RollupRepository;
import com.newsmell.session.search.SearchQueryRepository;
import com.newsmell.session.summary.SessionSummaryOutboxRepository;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.consumer.EventClaims;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps every session the fold of all its events (ADR 0070, 0012): claims a batch's eventIds, stores the new
 * events, locks every session the batch touched in sessionId order, appends the new events of each open session to
 * its running state when they come in order, and re-folds the others from scratch ({@link SessionBatchFold}), with
 * their search queries and their contribution to the rollups, in one transaction. A
 * closed session whose summary the transaction creates or changes gets the next revision, written to the summary
 * outbox in the same transaction (ADR 0017).
 */
@ApplicationScoped
public class SessionService {

    private final UserSessionRepository sessions;
    private final SessionEventRepository events;
    private final SearchQueryRepository searches;
    private final RollupRepository rollups;
    private final EventClaims claims;
    private final SessionSummaryOutboxRepository outbox;
    private final SessionConfig config;

    public SessionService(
            UserSessionRepository sessions,
            SessionEventRepository events,
            SearchQueryRepository searches,
            RollupRepository rollups,
            EventClaims claims,
            SessionSummaryOutboxRepository outbox,
            SessionConfig config) {
        this.sessions = sessions;
        this.events = events;
        this.searches = searches;
        this.rollups = rollups;
        this.claims = claims;
        this.outbox = outbox;
        this.config = config;
    }

    /** What one transaction of the close job did. */
    public record Closed(int sessions, List<Rejection> orphanClicks) {}

    /**
     * Why an event without a sessionId or a path (a Segment-spec event, ADR 0061; the contract reads it, the raw store
     * keeps it) is dead-lettered here: a session needs both, and sessionising by anonymousId or userId is not done yet.
     */
    static String unsessionable(UserInteractionEvent event) {
        if (event.sessionId() != null && event.path() != null) {
            return null;
        }
        return "invalid event for sessions: '" + (event.sessionId() == null ? "sessionId" : "path")
                + "' is required to sessionise it (a Segment-spec event, ADR 0061)";
    }

    /**
     * The consumer's transaction; the orphan clicks of sessions that are (still) closed are rejected, and so are events
     * without a sessionId or path ({@link #unsessionable}).
     */
    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> all) {
        List<Rejection> unsessionable = all.stream()
                .filter(e -> unsessionable(e) != null)
                .map(e -> new Rejection(e, unsessionable(e)))
                .toList();
        List<UserInteractionEvent> batch = unsessionable.isEmpty()
                ? all
                : all.stream().filter(e -> unsessionable(e) == null).toList();
        return applySessions(batch)
                .map(rejected -> unsessionable.isEmpty()
                        ? rejected
                        : java.util.stream.Stream.concat(unsessionable.stream(), rejected.stream())
                                .toList());
    }

    private Uni<List<Rejection>> applySessions(List<UserInteractionEvent> batch) {
        return claims.claim(batch).chain(fresh -> {
            if (fresh.isEmpty()) {
                return Uni.createFrom().item(List.<Rejection>of());
            }
            return events.store(fresh).chain(stored -> append(stored, Instant.now()));
        });
    }

    /**
     * The fast path (ADR 0070): locks the batch's sessions in sessionId order, appends each one's new events to its
     * running state, and re-folds from the stored events only the sessions it cannot continue (an event out of
     * order, a closed session, no state).
     */
    private Uni<List<Rejection>> append(List<SessionEvent> stored, Instant now) {
        Map<String, List<UserInteractionEvent>> fresh = new TreeMap<>();
        for (SessionEvent row : stored) {
            fresh.computeIfAbsent(row.sessionId, id -> new ArrayList<>()).add(row.toEvent());
        }
        fresh.values().forEach(list -> list.sort(SessionFold.ORDER));
        return sessions.lockInOrder(List.copyOf(fresh.keySet())).chain(locked -> {
            SessionBatchFold.Appended appended = SessionBatchFold.append(locked, fresh, now, rules());
            return sessions.create(appended.created())
                    .chain(() -> searches.replace(appended.searches()))
                    .invoke(replacedHours -> replacedHours.forEach(appended.rollups()::touch))
                    .chain(() -> appended.refold().isEmpty()
                            ? rollups.write(appended.rollups()).replaceWith(List.<Rejection>of())
                            : refold(new TreeSet<>(appended.refold()), false, now, appended.rollups()));
        });
    }

    private SessionBatchFold.Rules rules() {
        return new SessionBatchFold.Rules(config.idleTimeout(), config.foundDesiredViewDuration());
    }

    /** Closes (at most a batch of) the open sessions idle at {@code now}. */
    @WithTransaction
    public Uni<Closed> closeIdle(Instant now) {
        return sessions.idleSessionIds(now.minus(config.idleTimeout()), config.closeBatchSize())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(new Closed(0, List.of()))
                        : refold(new TreeSet<>(ids), true, now, new RollupChanges())
                                .map(orphans -> new Closed(ids.size(), orphans)));
    }

    /**
     * Lock, fold, flush: the sessions' rows in sessionId order, then all their events folded into them; the rollup
     * changes are written with {@code alsoRollups} (the fast path's of the same transaction) in one statement.
     */
    private Uni<List<Rejection>> refold(TreeSet<String> ids, boolean closing, Instant now, RollupChanges alsoRollups) {
        List<String> sessionIds = List.copyOf(ids);
        SessionBatchFold.Rules rules = rules();
        return sessions.lockInOrder(sessionIds).chain(locked -> {
            Map<String, SessionSummary> before = summaries(locked);
            return events.ofSessions(sessionIds)
                    .map(stored -> SessionBatchFold.fold(locked, stored, closing, now, rules))
                    .chain(folded -> sessions.create(folded.created())
                            .chain(() -> searches.replaceOfSessions(sessionIds, folded.searches()))
                            .invoke(replacedHours -> replacedHours.forEach(folded.rollups()::touch))
                            .invoke(() -> folded.rollups().include(alsoRollups))
                            .chain(() -> rollups.write(folded.rollups()))
                            .chain(() -> outbox.add(changedSummaries(before, locked, folded.created())))
                            .replaceWith(folded.deadLetters()));
        });
    }

    /** The summaries of the closed sessions among these rows, as they stand (before the fold changes them). */
    private static Map<String, SessionSummary> summaries(List<UserSession> rows) {
        Map<String, SessionSummary> summaries = new HashMap<>();
        for (UserSession row : rows) {
            if (row.closed) {
                summaries.put(row.sessionId, row.summary());
            }
        }
        return summaries;
    }

    /**
     * The summaries to publish (ADR 0017): each closed session whose summary is new or differs from the one it had
     * before the fold, with the next revision (the row, locked, keeps it).
     */
    private static List<SessionSummary> changedSummaries(
            Map<String, SessionSummary> before, List<UserSession> locked, List<UserSession> created) {
        List<SessionSummary> changed = new ArrayList<>();
        for (List<UserSession> rows : List.of(locked, created)) {
            for (UserSession row : rows) {
                if (row.closed && !row.summary().equals(before.get(row.sessionId))) {
                    row.summaryRevision++;
                    changed.add(row.summary());
                }
            }
        }
        return changed;
    }
}
