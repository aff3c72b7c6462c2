package com.newsmell.session.usersession;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.SearchClickData;
import com.newsmell.session.metrics.RollupChanges;
import com.newsmell.session.search.SearchQuery;
import com.newsmell.session.search.SearchQueryView;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.identity.Attribution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The re-fold of the sessions one transaction locked (ADR 0009, 0012): folds each session's stored events
 * ({@link SessionFold}) into its managed row, or a new one; makes its search rows; tallies what the rollups change
 * (the session's old contribution out, its new one in, the hours touched); and marks the orphan clicks of closed
 * sessions as dead-lettered. Pure: the caller persists what it returns, and Hibernate flushes the changed rows.
 */
public final class SessionBatchFold {

    private SessionBatchFold() {}

    /**
     * @param idleTimeout a session closes once its last event is older than this
     * @param foundDesiredView a view this long of a clicked perfume makes its search found
     */
    public record Rules(Duration idleTimeout, Duration foundDesiredView) {}

    /**
     * @param created the rows of the sessions seen for the first time, to persist
     * @param searches every search of the re-folded sessions: they replace the sessions' stored searches
     * @param rollups the session-metric deltas and the hours touched (the hours of the replaced searches are the
     *     caller's to add)
     * @param deadLetters the orphan clicks of closed sessions that had not been dead-lettered yet
     */
    public record Result(
            List<UserSession> created,
            List<SearchQuery> searches,
            RollupChanges rollups,
            List<Rejection> deadLetters) {}

    /**
     * @param locked the existing rows of the sessions, as locked
     * @param stored every stored event of the sessions
     * @param closing whether the close job asks to close the sessions (else each keeps its closed flag)
     * @param now the clock: the rows' updatedAt, and what "idle" is measured against
     */
    public static Result fold(
            List<UserSession> locked, List<SessionEvent> stored, boolean closing, Instant now, Rules rules) {
        return fold(locked, stored, closing, now, rules, Map.of());
    }

    /**
     * The re-fold with the identity links (ADR 0064): an anonymous event whose anonymousId is linked counts as the
     * linked user's ({@link Attribution}); each row also gets its anonymousId and visitor ({@link #identify}).
     *
     * @param users the user of each linked anonymousId among the events
     */
    public static Result fold(
            List<UserSession> locked,
            List<SessionEvent> stored,
            boolean closing,
            Instant now,
            Rules rules,
            Map<String, String> users) {
        Map<String, UserSession> rows =
                locked.stream().collect(Collectors.toMap(s -> s.sessionId, Function.identity()));
        Map<String, List<SessionEvent>> bySession = stored.stream()
                .collect(Collectors.groupingBy(e -> e.sessionId, LinkedHashMap::new, Collectors.toList()));
        List<UserSession> created = new ArrayList<>();
        List<SearchQuery> searches = new ArrayList<>();
        RollupChanges rollups = new RollupChanges();
        List<Rejection> deadLetters = new ArrayList<>();
        bySession.forEach((sessionId, sessionEvents) -> {
            List<UserInteractionEvent> events = Attribution.attribute(
                    sessionEvents.stream().map(SessionEvent::toEvent).toList(), users);
            UserSession row = rows.get(sessionId);
            Instant lastEvent = events.stream()
                    .map(UserInteractionEvent::timestamp)
                    .max(Instant::compareTo)
                    .orElseThrow();
            boolean closed =
                    SessionFold.closedAt(closing || (row != null && row.closed), lastEvent, now, rules.idleTimeout());
            SessionFold.Folded folded = SessionFold.fold(events, closed, rules.foundDesiredView());
            if (row == null) {
                row = new UserSession();
                created.add(row);
            } else {
                rollups.remove(row.view());
            }
            row.set(folded.session(), now);
            identify(row, sessionEvents, true);
            row.foldState = closed
                    ? null
                    : RunningFold.of(events, rules.foundDesiredView())
                            .map(RunningFold::toJson)
                            .orElse(null);
            rollups.add(folded.session());
            for (SearchQueryView search : folded.searches()) {
                searches.add(SearchQuery.of(search, folded.session().isBot()));
                rollups.touch(search.timestamp());
            }
            if (closed) {
                deadLetters.addAll(deadLetter(folded.orphanClicks(), sessionEvents));
            }
        });
        return new Result(created, searches, rollups, deadLetters);
    }

    /**
     * What the fast path did (ADR 0070).
     *
     * @param created the rows of the sessions seen for the first time, to persist
     * @param searches the search rows that changed: they replace the stored rows of the same key
     * @param rollups the session-metric deltas and the hours of the changed searches
     * @param refold the sessions the fast path could not continue: the caller re-folds them from their stored events
     */
    public record Appended(
            List<UserSession> created, List<SearchQuery> searches, RollupChanges rollups, List<String> refold) {}

    /**
     * The fast path (ADR 0070): appends each session's new events to its running state when they all sort after its
     * last event and the session is open (or new); any other session is left to the re-fold.
     *
     * @param locked the existing rows of the sessions, as locked
     * @param fresh the batch's new events of each session, in fold order
     */
    public static Appended append(
            List<UserSession> locked, Map<String, List<UserInteractionEvent>> fresh, Instant now, Rules rules) {
        Map<String, UserSession> rows =
                locked.stream().collect(Collectors.toMap(s -> s.sessionId, Function.identity()));
        List<UserSession> created = new ArrayList<>();
        List<SearchQuery> searches = new ArrayList<>();
        RollupChanges rollups = new RollupChanges();
        List<String> refold = new ArrayList<>();
        fresh.forEach((sessionId, events) -> {
            UserSession row = rows.get(sessionId);
            RunningFold state = row == null
                    ? RunningFold.start(rules.foundDesiredView())
                    : (row.closed
                            ? null
                            : RunningFold.read(row.foldState, rules.foundDesiredView())
                                    .orElse(null));
            if (state == null || !state.appendAll(events)) {
                refold.add(sessionId);
                return;
            }
            SessionView before = null;
            if (row == null) {
                row = new UserSession();
                created.add(row);
            } else {
                before = row.view();
                rollups.remove(before);
            }
            SessionView session = state.session();
            row.set(session, now);
            row.foldState = state.toJson();
            rollups.add(session);
            var changed = state.changedSearches(before);
            for (SearchQueryView search : state.searches()) {
                if (changed.contains(search.searchId())) {
                    searches.add(SearchQuery.of(search, session.isBot()));
                    rollups.touch(search.timestamp());
                }
            }
        });
        return new Appended(created, searches, rollups, refold);
    }

    /**
     * Sets the row's anonymousId (its first event's in fold order that has one) and visitor from its events; with
     * {@code replace} false only where the row has none yet (the fast path sees only the new events).
     */
    static void identify(UserSession row, List<SessionEvent> events, boolean replace) {
        List<SessionEvent> ordered = events.stream()
                .sorted(java.util.Comparator.comparing((SessionEvent e) -> e.timestamp)
                        .thenComparing(e -> e.eventId.toString()))
                .toList();
        if (replace || row.anonymousId == null) {
            row.anonymousId = ordered.stream()
                    .map(e -> e.anonymousId)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(replace ? null : row.anonymousId);
        }
        if (replace || row.visitorId == null) {
            row.visitorId = ordered.stream()
                    .map(e -> e.visitorId)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(replace ? null : row.visitorId);
        }
    }

    /** Marks the orphan clicks not dead-lettered yet, and returns them with their reason. */
    private static List<Rejection> deadLetter(List<UserInteractionEvent> orphanClicks, List<SessionEvent> stored) {
        Map<String, SessionEvent> byEventId =
                stored.stream().collect(Collectors.toMap(e -> e.eventId.toString(), Function.identity()));
        List<Rejection> rejections = new ArrayList<>();
        for (UserInteractionEvent click : orphanClicks) {
            SessionEvent row = byEventId.get(click.eventId());
            if (!row.deadLettered) {
                row.deadLettered = true;
                rejections.add(new Rejection(click, orphanReason(click)));
            }
        }
        return rejections;
    }

    /** The dead-letter reason of a click no search of its closed session claims. */
    static String orphanReason(UserInteractionEvent click) {
        String searchId = click.data() instanceof SearchClickData c ? c.searchId() : null;
        return searchId != null ? "unknown searchId " + searchId : "no search before the click in its session";
    }
}
