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
import com.newsmell.toolkit.identity.Attribution;
import com.newsmell.toolkit.identity.IdentityLinkStore;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final IdentityLinkStore links;

    public SessionService(
            UserSessionRepository sessions,
            SessionEventRepository events,
            SearchQueryRepository searches,
            RollupRepository rollups,
            EventClaims claims,
            SessionSummaryOutboxRepository outbox,
            SessionConfig config,
            IdentityLinkStore links) {
        this.links = links;
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
     * Why an event cannot be sessionised here: it has neither a sessionId nor a visitor (an anonymousId or a userId) to
     * derive one from (ADR 0061, 0064); the contract already refuses such an event, so this only guards the topic.
     */
    static String unsessionable(UserInteractionEvent event) {
        if (event.sessionId() != null || event.anonymousId() != null || event.userId() != null) {
            return null;
        }
        return "invalid event for sessions: one of 'sessionId', 'anonymousId' or 'userId' is required to sessionise it";
    }

    /**
     * The consumer's transaction; the orphan clicks of sessions that are (still) closed are rejected, and so are events
     * that cannot be sessionised ({@link #unsessionable}). An event without a sessionId goes to its visitor's derived
     * session ({@link VisitorSessions}).
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
            Instant now = Instant.now();
            List<SessionEvent> rows = fresh.stream().map(SessionEvent::of).toList();
            Derived derived = new Derived(new TreeSet<>(), new RollupChanges());
            return links.lockVisitors(lockKeys(fresh))
                    .chain(() -> derive(rows, derived))
                    .chain(() -> events.storeRows(rows))
                    .chain(stored -> append(stored, now, derived));
        });
    }

    /** What deriving the sessions of events without a sessionId changed (ADR 0064). */
    private record Derived(TreeSet<String> refold, RollupChanges rollups) {}

    /**
     * The advisory locks of the batch's visitors (toolkit IdentityLinkStore): every anonymousId (a link's stitching
     * takes the same), and the user of each event without a sessionId or anonymousId (its derived sessions).
     */
    private static List<String> lockKeys(List<UserInteractionEvent> fresh) {
        List<String> keys = new ArrayList<>();
        for (UserInteractionEvent e : fresh) {
            if (e.anonymousId() != null) {
                keys.add(e.anonymousId());
            } else if (e.sessionId() == null) {
                keys.add(VisitorSessions.visitorOf(e));
            }
        }
        return keys;
    }

    /**
     * Gives each new row without a sessionId its visitor's derived session ({@link VisitorSessions}): per visitor, locks
     * the stored sessions near the new events, moves stored events whose session changes, removes the sessions left
     * without events (their searches, rollup contribution and published summary: a tombstone), and marks the sessions
     * that got moved events for a re-fold.
     */
    private Uni<Void> derive(List<SessionEvent> rows, Derived derived) {
        Map<String, List<SessionEvent>> byVisitor = new TreeMap<>();
        for (SessionEvent row : rows) {
            if (row.sessionId == null) {
                row.visitorId = VisitorSessions.visitorOf(row.anonymousId, row.userId);
                byVisitor.computeIfAbsent(row.visitorId, v -> new ArrayList<>()).add(row);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<SessionEvent>> visitor : byVisitor.entrySet()) {
            chain = chain.chain(() -> deriveVisitor(visitor.getKey(), visitor.getValue(), derived));
        }
        return chain;
    }

    private Uni<Void> deriveVisitor(String visitor, List<SessionEvent> fresh, Derived derived) {
        java.time.Duration idle = config.idleTimeout();
        List<Instant> times = fresh.stream().map(e -> e.timestamp).toList();
        Instant first = times.stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.stream().max(Instant::compareTo).orElseThrow();
        return sessions.lockOfVisitor(visitor, first.minus(idle), last.plus(idle))
                .chain(candidates -> {
                    Set<String> touched = VisitorSessions.touched(
                            candidates.stream()
                                    .map(c -> new VisitorSessions.Span(c.sessionId, c.startTime, c.lastEventTime))
                                    .toList(),
                            times,
                            idle);
                    return (touched.isEmpty()
                                    ? Uni.createFrom().item(List.<SessionEvent>of())
                                    : events.ofSessions(List.copyOf(touched)))
                            .chain(stored -> {
                                List<VisitorSessions.Timed> timed = new ArrayList<>();
                                stored.forEach(e -> timed.add(
                                        new VisitorSessions.Timed(e.eventId.toString(), e.timestamp, e.sessionId)));
                                fresh.forEach(e ->
                                        timed.add(new VisitorSessions.Timed(e.eventId.toString(), e.timestamp, null)));
                                VisitorSessions.Plan plan = VisitorSessions.plan(visitor, touched, timed, idle);
                                for (SessionEvent e : fresh) {
                                    e.sessionId = plan.assignments().get(e.eventId.toString());
                                }
                                for (SessionEvent e : stored) {
                                    String moved = plan.assignments().get(e.eventId.toString());
                                    if (moved != null) {
                                        e.sessionId = moved; // flushed with the new rows
                                    }
                                }
                                derived.refold().addAll(plan.moved());
                                List<UserSession> removed = candidates.stream()
                                        .filter(c -> plan.removed().contains(c.sessionId))
                                        .toList();
                                return remove(removed, derived.rollups());
                            });
                });
    }

    /** Deletes derived sessions that no event is in any more, with what they contributed. */
    private Uni<Void> remove(List<UserSession> removed, RollupChanges rollups) {
        if (removed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = searches.replaceOfSessions(
                        removed.stream().map(r -> r.sessionId).toList(), List.of())
                .invoke(hours -> hours.forEach(rollups::touch))
                .replaceWithVoid();
        for (UserSession row : removed) {
            rollups.remove(row.view());
            chain = chain.chain(() -> row.summaryRevision > 0
                            ? outbox.tombstone(row.sessionId, row.summaryRevision + 1)
                            : Uni.createFrom().voidItem())
                    .chain(() -> sessions.delete(row));
        }
        return chain;
    }

    /**
     * Stitches a linked anonymous visitor (ADR 0064): re-folds every session with an event of the anonymousId, so that
     * its user (and its searches') is the linked user's where its events named none. In the link's transaction.
     */
    public Uni<Void> stitch(String anonymousId) {
        return events.sessionsOfAnonymous(anonymousId)
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : refold(new TreeSet<>(ids), false, Instant.now(), new RollupChanges())
                                .replaceWithVoid());
    }

    /**
     * The fast path (ADR 0070): locks the batch's sessions in sessionId order, appends each one's new events to its
     * running state, and re-folds from the stored events only the sessions it cannot continue (an event out of
     * order, a closed session, no state).
     */
    private Uni<List<Rejection>> append(List<SessionEvent> stored, Instant now, Derived derived) {
        return links.usersOf(stored.stream().map(e -> e.anonymousId).toList())
                .chain(users -> append(stored, now, derived, users));
    }

    private Uni<List<Rejection>> append(
            List<SessionEvent> stored, Instant now, Derived derived, Map<String, String> users) {
        Map<String, List<UserInteractionEvent>> fresh = new TreeMap<>();
        Map<String, List<SessionEvent>> rowsOf = new HashMap<>();
        for (SessionEvent row : stored) {
            rowsOf.computeIfAbsent(row.sessionId, id -> new ArrayList<>()).add(row);
            if (!derived.refold().contains(row.sessionId)) {
                fresh.computeIfAbsent(row.sessionId, id -> new ArrayList<>()).add(row.toEvent());
            }
        }
        fresh.replaceAll((id, list) -> new ArrayList<>(Attribution.attribute(list, users)));
        fresh.values().forEach(list -> list.sort(SessionFold.ORDER));
        return sessions.lockInOrder(List.copyOf(fresh.keySet())).chain(locked -> {
            SessionBatchFold.Appended appended = SessionBatchFold.append(locked, fresh, now, rules());
            for (List<UserSession> rows : List.of(locked, appended.created())) {
                rows.forEach(
                        row -> SessionBatchFold.identify(row, rowsOf.getOrDefault(row.sessionId, List.of()), false));
            }
            appended.rollups().include(derived.rollups());
            TreeSet<String> refold = new TreeSet<>(appended.refold());
            refold.addAll(derived.refold());
            return sessions.create(appended.created())
                    .chain(() -> searches.replace(appended.searches()))
                    .invoke(replacedHours -> replacedHours.forEach(appended.rollups()::touch))
                    .chain(() -> refold.isEmpty()
                            ? rollups.write(appended.rollups()).replaceWith(List.<Rejection>of())
                            : refold(refold, false, now, appended.rollups()));
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
                    .chain(stored -> links.usersOf(
                                    stored.stream().map(e -> e.anonymousId).toList())
                            .map(users -> SessionBatchFold.fold(locked, stored, closing, now, rules, users)))
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
