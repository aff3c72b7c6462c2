package com.newsmell.session.session;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.SearchClickData;
import com.newsmell.contract.kafka.EventBatchProcessor.Rejection;
import com.newsmell.contract.kafka.EventClaims;
import com.newsmell.session.config.SessionConfig;
import com.newsmell.session.metrics.RealtimeRollup;
import com.newsmell.session.metrics.SessionContribution;
import com.newsmell.session.search.SearchQuery;
import com.newsmell.session.search.SearchQueryView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps every session the fold of all its events: claims a batch's eventIds, stores the new events, and re-folds
 * every session the batch touched from scratch ({@link SessionFolder}), with its search queries and its
 * contribution to the rollups, in one transaction.
 */
@ApplicationScoped
public class SessionService {

    private final SessionConfig config;
    private final RealtimeRollup rollup;

    public SessionService(SessionConfig config, RealtimeRollup rollup) {
        this.config = config;
        this.rollup = rollup;
    }

    /** What one transaction of the close job did. */
    public record Closed(int sessions, List<Rejection> orphanClicks) {}

    public int closeBatchSize() {
        return config.closeBatchSize();
    }

    /** The consumer's transaction; the orphan clicks of sessions that are (still) closed are rejected. */
    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return Panache.getSession()
                .chain(session -> EventClaims.claim(session, events).chain(fresh -> {
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(List.<Rejection>of());
                    }
                    TreeSet<String> sessionIds = fresh.stream()
                            .map(UserInteractionEvent::sessionId)
                            .collect(Collectors.toCollection(TreeSet::new));
                    return session.persistAll(
                                    fresh.stream().map(SessionEvent::of).toArray())
                            .chain(session::flush)
                            .chain(() -> refold(session, sessionIds, false, Instant.now()));
                }));
    }

    /** Closes (at most a batch of) the open sessions idle at {@code now}. */
    @WithTransaction
    public Uni<Closed> closeIdle(Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select session_id from user_session where not closed and last_event_time <= ?1 "
                                        + "order by last_event_time limit ?2",
                                String.class)
                        .setParameter(1, SqlTime.utc(now.minus(config.idleTimeout())))
                        .setParameter(2, config.closeBatchSize())
                        .getResultList()
                        .chain(ids -> ids.isEmpty()
                                ? Uni.createFrom().item(new Closed(0, List.of()))
                                : refold(session, new TreeSet<>(ids), true, now)
                                        .map(orphans -> new Closed(ids.size(), orphans))));
    }

    private Uni<List<Rejection>> refold(Mutiny.Session session, TreeSet<String> ids, boolean closing, Instant now) {
        List<String> sessionIds = List.copyOf(ids);
        return session.createNativeQuery(
                        "select session_id from user_session where session_id in (?1) order by session_id for update",
                        String.class)
                .setParameter(1, sessionIds)
                .getResultList()
                .chain(() -> session.createQuery("from UserSession where sessionId in (:ids)", UserSession.class)
                        .setParameter("ids", sessionIds)
                        .getResultList())
                .chain(existing -> session.createQuery(
                                "from SessionEvent e where e.sessionId in (:ids) order by e.sessionId, e.timestamp, e.eventId",
                                SessionEvent.class)
                        .setParameter("ids", sessionIds)
                        .getResultList()
                        .chain(rows -> oldSearchHours(session, sessionIds)
                                .chain(oldHours ->
                                        write(session, sessionIds, existing, rows, oldHours, closing, now))));
    }

    private Uni<List<Instant>> oldSearchHours(Mutiny.Session session, List<String> sessionIds) {
        return session.createNativeQuery(
                        "select distinct cast(floor(extract(epoch from timestamp) / 3600) as bigint) from search_query "
                                + "where session_id in (?1)",
                        Long.class)
                .setParameter(1, sessionIds)
                .getResultList()
                .map(hours ->
                        hours.stream().map(h -> Instant.ofEpochSecond(h * 3600)).toList());
    }

    private Uni<List<Rejection>> write(
            Mutiny.Session session,
            List<String> sessionIds,
            List<UserSession> existing,
            List<SessionEvent> rows,
            List<Instant> oldSearchHours,
            boolean closing,
            Instant now) {
        Map<String, UserSession> known =
                existing.stream().collect(Collectors.toMap(s -> s.sessionId, Function.identity()));
        Map<String, List<SessionEvent>> bySession =
                rows.stream().collect(Collectors.groupingBy(r -> r.sessionId, LinkedHashMap::new, Collectors.toList()));
        Map<SessionContribution.Key, long[]> deltas = new HashMap<>();
        TreeSet<Instant> dirty = new TreeSet<>(oldSearchHours);
        List<UserSession> created = new ArrayList<>();
        List<SearchQuery> searches = new ArrayList<>();
        List<Rejection> orphans = new ArrayList<>();
        for (String sessionId : sessionIds) {
            List<SessionEvent> sessionRows = bySession.get(sessionId);
            if (sessionRows == null || sessionRows.isEmpty()) {
                continue;
            }
            List<UserInteractionEvent> events =
                    sessionRows.stream().map(SessionEvent::toEvent).toList();
            UserSession row = known.get(sessionId);
            boolean wasClosed = row != null && row.closed;
            Instant lastEvent = events.stream()
                    .map(UserInteractionEvent::timestamp)
                    .max(Instant::compareTo)
                    .orElseThrow();
            boolean closed = SessionFolder.closedAt(closing || wasClosed, lastEvent, now, config.idleTimeout());
            SessionFolder.Folded folded = SessionFolder.fold(events, closed, config.foundDesiredViewDuration());
            if (row != null) {
                SessionView old = row.view();
                SessionContribution.of(old).addTo(deltas, -1);
                dirty.add(old.startTime().truncatedTo(ChronoUnit.HOURS));
            } else {
                row = new UserSession();
                created.add(row);
            }
            row.set(folded.session(), now);
            SessionContribution.of(folded.session()).addTo(deltas, +1);
            dirty.add(folded.session().startTime().truncatedTo(ChronoUnit.HOURS));
            for (SearchQueryView search : folded.searches()) {
                searches.add(SearchQuery.of(search, folded.session().isBot()));
                dirty.add(search.timestamp().truncatedTo(ChronoUnit.HOURS));
            }
            if (closed) {
                Map<String, SessionEvent> byEventId =
                        sessionRows.stream().collect(Collectors.toMap(r -> r.eventId.toString(), Function.identity()));
                for (UserInteractionEvent click : folded.orphanClicks()) {
                    SessionEvent stored = byEventId.get(click.eventId());
                    if (!stored.deadLettered) {
                        stored.deadLettered = true; // flushed with the transaction
                        orphans.add(new Rejection(click, orphanReason(click)));
                    }
                }
            }
        }
        return session.createMutationQuery("delete from SearchQuery where sessionId in (:ids)")
                .setParameter("ids", sessionIds)
                .executeUpdate()
                .chain(() -> created.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(created.toArray()))
                .chain(() -> searches.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(searches.toArray()))
                .chain(() -> rollup.write(session, deltas, dirty))
                .chain(session::flush)
                .replaceWith(orphans);
    }

    static String orphanReason(UserInteractionEvent click) {
        String searchId = click.data() instanceof SearchClickData c ? c.searchId() : null;
        return searchId != null ? "unknown searchId " + searchId : "no search before the click in its session";
    }
}
