package com.newsmell.session.usersession;

import com.newsmell.contract.NameBasedIds;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The sessions of events that came without a sessionId (ADR 0064), pure: such an event belongs to its visitor (its
 * anonymousId, else its userId); a visitor's events, in (timestamp, eventId) order, start a new session whenever the
 * gap to the previous one is the idle timeout or more (the rule that closes a session, ADR 0009); a session's id is the
 * name-based UUID of the visitor and its first event's instant. So the sessions are a function of the set of events: any
 * arrival order, a redelivery or a replay into an empty database give the same ids and the same sessions. A late event
 * can extend a session (a new start: a new id), or bridge two sessions into one.
 */
public final class VisitorSessions {

    /** The namespace of derived session ids: the name-based UUID of this URL in RFC 9562's URL namespace. */
    static final UUID NAMESPACE = NameBasedIds.v5(NameBasedIds.URL_NAMESPACE, "https://newsmell.dev/derived-sessions");

    private VisitorSessions() {}

    /** An event of a visitor: its id, time, and the session it is stored in (null: not stored yet). */
    public record Timed(String eventId, Instant timestamp, String sessionId) {}

    /** A stored session of a visitor: its id and the span of its events. */
    public record Span(String sessionId, Instant start, Instant last) {}

    /**
     * What the fresh events change.
     *
     * @param assignments the session of every event (fresh, or stored in another session before) whose session is new
     *     or changed, by eventId
     * @param removed the stored sessions no event is in any more (their start moved, or they merged into another)
     * @param moved the sessions that got a stored event from another session: only a re-fold can make them
     */
    public record Plan(Map<String, String> assignments, Set<String> removed, Set<String> moved) {}

    /** The visitor of an event without a sessionId: {@code anonymous:<anonymousId>}, else {@code user:<userId>}. */
    public static String visitorOf(UserInteractionEvent event) {
        return visitorOf(event.anonymousId(), event.userId());
    }

    /** The visitor of an event with this anonymousId and userId (one of them not null). */
    public static String visitorOf(String anonymousId, String userId) {
        return anonymousId != null ? "anonymous:" + anonymousId : "user:" + userId;
    }

    /** The id of the visitor's session whose first event is at {@code start}. */
    public static String sessionId(String visitor, Instant start) {
        return NameBasedIds.v5(NAMESPACE, visitor + "|" + start).toString();
    }

    /**
     * The stored sessions the fresh events can change: those that an event falls into or within the idle timeout of
     * (a session no fresh event comes that near stays as it is, and so does every session beyond it).
     */
    public static Set<String> touched(List<Span> stored, List<Instant> fresh, Duration idle) {
        Set<String> touched = new TreeSet<>();
        for (Span span : stored) {
            for (Instant t : fresh) {
                if (t.isAfter(span.start().minus(idle))
                        && t.isBefore(span.last().plus(idle))) {
                    touched.add(span.sessionId());
                    break;
                }
            }
        }
        return touched;
    }

    /** The visitor's events split into sessions by the idle gap, each in (timestamp, eventId) order. */
    public static List<List<Timed>> partition(List<Timed> events, Duration idle) {
        List<Timed> ordered = events.stream()
                .sorted(Comparator.comparing(Timed::timestamp).thenComparing(Timed::eventId))
                .toList();
        List<List<Timed>> sessions = new ArrayList<>();
        Instant previous = null;
        for (Timed e : ordered) {
            if (previous == null || !e.timestamp().isBefore(previous.plus(idle))) {
                sessions.add(new ArrayList<>());
            }
            sessions.get(sessions.size() - 1).add(e);
            previous = e.timestamp();
        }
        return sessions;
    }

    /**
     * @param visitor the visitor
     * @param touched the stored sessions the fresh events can change ({@link #touched})
     * @param events the stored events of those sessions and the fresh events
     */
    public static Plan plan(String visitor, Set<String> touched, List<Timed> events, Duration idle) {
        Map<String, String> assignments = new LinkedHashMap<>();
        Set<String> kept = new TreeSet<>();
        Set<String> moved = new TreeSet<>();
        for (List<Timed> session : partition(events, idle)) {
            String id = sessionId(visitor, session.get(0).timestamp());
            kept.add(id);
            for (Timed e : session) {
                if (!id.equals(e.sessionId())) {
                    assignments.put(e.eventId(), id);
                    if (e.sessionId() != null) {
                        moved.add(id);
                    }
                }
            }
        }
        Set<String> removed = new TreeSet<>(touched);
        removed.removeAll(kept);
        return new Plan(assignments, removed, moved);
    }
}
