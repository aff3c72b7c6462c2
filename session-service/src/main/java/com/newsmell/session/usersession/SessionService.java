package com.newsmell.session.usersession;

import com.newsmell.contract.SessionSummary;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.config.SessionConfig;
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
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps every session the fold of all its events (ADR 0009, 0012): claims a batch's eventIds, stores the new
 * events, locks every session the batch touched in sessionId order, and re-folds each from scratch
 * ({@link SessionBatchFold}), with its search queries and its contribution to the rollups, in one transaction. A
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
            TreeSet<String> sessionIds =
                    fresh.stream().map(UserInteractionEvent::sessionId).collect(Collectors.toCollection(TreeSet::new));
            return events.store(fresh).chain(() -> refold(sessionIds, false, Instant.now()));
        });
    }

    /** Closes (at most a batch of) the open sessions idle at {@code now}. */
    @WithTransaction
    public Uni<Closed> closeIdle(Instant now) {
        return sessions.idleSessionIds(now.minus(config.idleTimeout()), config.closeBatchSize())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(new Closed(0, List.of()))
                        : refold(new TreeSet<>(ids), true, now).map(orphans -> new Closed(ids.size(), orphans)));
    }

    /** Lock, fold, flush: the sessions' rows in sessionId order, then all their events folded into them. */
    private Uni<List<Rejection>> refold(TreeSet<String> ids, boolean closing, Instant now) {
        List<String> sessionIds = List.copyOf(ids);
        SessionBatchFold.Rules rules =
                new SessionBatchFold.Rules(config.idleTimeout(), config.foundDesiredViewDuration());
        return sessions.lockInOrder(sessionIds).chain(locked -> {
            Map<String, SessionSummary> before = summaries(locked);
            return events.ofSessions(sessionIds)
                    .map(stored -> SessionBatchFold.fold(locked, stored, closing, now, rules))
                    .chain(folded -> sessions.create(folded.created())
                            .chain(() -> searches.replaceOfSessions(sessionIds, folded.searches()))
                            .invoke(replacedHours -> replacedHours.forEach(folded.rollups()::touch))
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
