package com.newsmell.session.usersession;

import static com.newsmell.contract.InteractionEventType.BACK_BUTTON;
import static com.newsmell.contract.InteractionEventType.EXTERNAL_LINK;
import static com.newsmell.contract.InteractionEventType.NAVIGATION_CLICK;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_SHOWN;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.search.SearchFold;
import com.newsmell.session.search.SearchQueryView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A session and its search queries, computed from scratch from all its events: a pure function of the set of
 * events (they are put in (timestamp, eventId) order first), so out-of-order arrival gives exactly the in-order
 * result, and a replay gives the same rows.
 */
public final class SessionFold {

    /** The order every fold works in: event time, then eventId (as PostgreSQL orders uuids). */
    public static final Comparator<UserInteractionEvent> ORDER =
            Comparator.comparing(UserInteractionEvent::timestamp).thenComparing(UserInteractionEvent::eventId);

    /**
     * The categories the seed's {@code totalInteractions} counts ("Profile Calculations": {@code ["RATING", "REVIEW",
     * "COLLECTION"].includes(e.eventCategory)}): a session's {@code interactions}.
     */
    public static final Set<InteractionCategory> INTERACTION_CATEGORIES =
            EnumSet.of(InteractionCategory.RATING, InteractionCategory.REVIEW, InteractionCategory.COLLECTION);

    /**
     * Events that are no engagement (docs/metrics.md, "bounce"): an impression the page emits by itself, and the
     * navigation events, which only record how the visitor left the page (a move within the site is a page view of
     * its own). Scroll depth and time on page are fields of other events, not events, so they never engage.
     */
    public static final Set<InteractionEventType> PASSIVE =
            EnumSet.of(RECOMMENDATION_SHOWN, NAVIGATION_CLICK, BACK_BUTTON, EXTERNAL_LINK);

    private SessionFold() {}

    /** A page view: an event of the VIEW category. */
    public static boolean isPageView(UserInteractionEvent e) {
        return e.eventCategory() == InteractionCategory.VIEW;
    }

    /** One of the seed's {@code totalInteractions}: a RATING, REVIEW or COLLECTION category event. */
    public static boolean isInteraction(UserInteractionEvent e) {
        return INTERACTION_CATEGORIES.contains(e.eventCategory());
    }

    /** Engagement: an event that is neither a page view nor {@link #PASSIVE}. */
    public static boolean isEngagement(UserInteractionEvent e) {
        return !isPageView(e) && !PASSIVE.contains(e.eventType());
    }

    /** The folded session, its queries, and the clicks no search of the session claims. */
    public record Folded(
            SessionView session, List<SearchQueryView> searches, List<UserInteractionEvent> orphanClicks) {}

    /**
     * Whether a session whose last event is at {@code lastEvent} is closed at {@code now}: it must have been
     * closed (or be being closed by the close job) and still be idle.
     */
    public static boolean closedAt(boolean closing, Instant lastEvent, Instant now, Duration idleTimeout) {
        return closing && !lastEvent.plus(idleTimeout).isAfter(now);
    }

    /**
     * @param events all the session's events, in any order, at least one
     * @param closed whether the session is closed
     * @param foundDesiredView how long a perfume view makes a search's click a found one
     */
    public static Folded fold(List<UserInteractionEvent> events, boolean closed, Duration foundDesiredView) {
        List<UserInteractionEvent> ordered = events.stream().sorted(ORDER).toList();
        SessionTally tally = new SessionTally();
        ordered.forEach(tally::append);
        SessionView session = tally.view(closed);
        SearchFold.Result searches =
                SearchFold.fold(ordered, session.sessionId(), session.userId(), closed, foundDesiredView);
        return new Folded(session, searches.queries(), searches.orphanClicks());
    }
}
