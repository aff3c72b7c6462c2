package com.newsmell.session.usersession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.search.SearchQueryView;
import com.newsmell.session.search.SearchTally;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The running state of an open session (ADR 0070), stored with its row ({@code user_session.fold_state}): the
 * session's fields ({@link SessionTally}) and searches ({@link SearchTally}) as running totals, and the position
 * of its last event. An event that sorts after that position is appended; the result then equals
 * {@link SessionFold#fold} of all the session's events. An event at or before it (out of order, or a redelivery
 * the claims did not stop), or one the search tally cannot place, is refused: the caller re-folds the session from
 * its stored events, which also writes a fresh state. Pure and mutable.
 */
public final class RunningFold {

    /** The stored form's version: a state of another version is ignored (the session is re-folded once). */
    static final int VERSION = 1;

    private final SessionTally session;
    private final SearchTally searches;
    private Instant lastTimestamp;
    private String lastEventId;
    private boolean usable = true;

    private RunningFold(SessionTally session, SearchTally searches, Instant lastTimestamp, String lastEventId) {
        this.session = session;
        this.searches = searches;
        this.lastTimestamp = lastTimestamp;
        this.lastEventId = lastEventId;
    }

    /** The state of a session without events. */
    public static RunningFold start(Duration foundDesiredView) {
        return new RunningFold(new SessionTally(), new SearchTally(foundDesiredView), null, null);
    }

    /** The state of a session whose events these are (any order), or empty if only the full fold can place them. */
    public static Optional<RunningFold> of(List<UserInteractionEvent> events, Duration foundDesiredView) {
        RunningFold fold = start(foundDesiredView);
        return fold.appendAll(events.stream().sorted(SessionFold.ORDER).toList())
                ? Optional.of(fold)
                : Optional.empty();
    }

    /** A stored state, or empty if there is none or it is of another version. */
    public static Optional<RunningFold> read(String stored, Duration foundDesiredView) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            JsonNode o = EventCodec.mapper().readTree(stored);
            if (o.path("version").asInt() != VERSION) {
                return Optional.empty();
            }
            return Optional.of(new RunningFold(
                    SessionTally.fromJson(o.get("session")),
                    SearchTally.fromJson(o.get("searches"), foundDesiredView),
                    Instant.parse(o.get("lastTimestamp").asText()),
                    o.get("lastEventId").asText()));
        } catch (Exception e) {
            return Optional.empty(); // an unreadable state costs one re-fold, never a wrong row
        }
    }

    /**
     * Appends events given in fold order.
     *
     * @return false if one of them sorts at or before the last event so far, or the searches cannot place it: the
     *     state is then unusable
     */
    public boolean appendAll(List<UserInteractionEvent> ordered) {
        for (UserInteractionEvent e : ordered) {
            usable = usable && after(e) && searches.append(e);
            if (!usable) {
                return false;
            }
            session.append(e);
            lastTimestamp = e.timestamp();
            lastEventId = e.eventId();
        }
        return true;
    }

    private boolean after(UserInteractionEvent e) {
        if (lastTimestamp == null) {
            return true;
        }
        int byTime = e.timestamp().compareTo(lastTimestamp);
        return byTime > 0 || (byTime == 0 && e.eventId().compareTo(lastEventId) > 0);
    }

    /** The session as its events so far make it, open. */
    public SessionView session() {
        return session.view(false);
    }

    /** Its searches, open. */
    public List<SearchQueryView> searches() {
        SessionView view = session();
        return searches.views(view.sessionId(), view.userId(), false);
    }

    /**
     * The searchIds whose rows changed since the last call: those the appended events changed, or all of them when
     * the session's user or bot flag (which every search row carries) changed from {@code before}.
     */
    public Set<String> changedSearches(SessionView before) {
        Set<String> changed = searches.takeChanged();
        SessionView now = session();
        if (before != null && (!Objects.equals(before.userId(), now.userId()) || before.isBot() != now.isBot())) {
            searches().forEach(s -> changed.add(s.searchId()));
        }
        return changed;
    }

    /** The stored form. */
    public String toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("version", VERSION).put("lastTimestamp", lastTimestamp.toString()).put("lastEventId", lastEventId);
        o.set("session", session.toJson());
        o.set("searches", searches.toJson());
        return o.toString();
    }
}
