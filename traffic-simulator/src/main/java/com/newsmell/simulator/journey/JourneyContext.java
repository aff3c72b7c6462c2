package com.newsmell.simulator.journey;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.journey.JourneyGenerator.Session;
import com.newsmell.simulator.journey.JourneyGenerator.SessionKind;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;
import com.newsmell.simulator.world.UserAgents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What the journeys of one session share: who visits (kind, user, agent, taste), the page they are on, the session
 * clock and the events emitted so far. Every random choice comes from the generator's {@code rng}, in the order the
 * journeys make them.
 */
final class JourneyContext {

    private static final String HOME_TITLE = "New Smell - Discover and trade perfumes";

    private record Draft(UserInteractionEvent.Builder builder, long offsetMillis) {}

    /** The generator's random source: every choice of the session, in order. */
    final SplittableRandom rng;

    final Catalog catalog;
    final Population population;
    final SessionKind kind;
    /** The visitor's profile (a registered user, or an anonymous visitor's taste); null for bots. */
    final Population.User user;

    final UserAgents.Agent agent;
    final Taste taste;
    private final Instant now;
    private final String sessionId;
    private final int maxEvents;
    private final List<Draft> drafts = new ArrayList<>();

    /** The share of recommendation lists shown in a shuffled order (RecommendationJourney). */
    double randomizedShare = RecommendationJourney.DEFAULT_RANDOMIZED_SHARE;

    private String userId;
    /** Milliseconds since the session's first event (before {@link #finish()} places the session in time). */
    private long clock;

    private String currentPath;
    private String pageReferrer;

    /** Draws the session id, then who visits: a bot, or a human (anonymous, logged in or logging in later). */
    JourneyContext(SplittableRandom rng, Catalog catalog, Population population, double botShare, Instant now) {
        this.rng = rng;
        this.catalog = catalog;
        this.population = population;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.sessionId = uuid();
        if (rng.nextDouble() < botShare) {
            kind = SessionKind.BOT;
            user = null;
            agent = UserAgents.bot(rng);
        } else {
            double h = rng.nextDouble();
            kind = h < 0.2 ? SessionKind.ANONYMOUS : h < 0.35 ? SessionKind.LOGS_IN : SessionKind.LOGGED_IN;
            user = kind == SessionKind.ANONYMOUS ? population.visitor(rng) : population.pick(rng);
            agent = rng.nextDouble() < 0.75 ? UserAgents.HUMANS.get(user.device()) : UserAgents.human(rng);
        }
        userId = kind == SessionKind.LOGGED_IN ? user.userId() : null;
        maxEvents = kind == SessionKind.BOT ? 12 : JourneyGenerator.MAX_SESSION_EVENTS;
        taste = new Taste(catalog, rng, user == null ? new double[0] : population.affinities(user));
    }

    /** Whether the events carry a userId (logged in from the start, or since {@link #login()}). */
    boolean loggedIn() {
        return userId != null;
    }

    long clock() {
        return clock;
    }

    String currentPath() {
        return currentPath;
    }

    /** The session with its events: timed so that the last one lands a little before {@code now}. */
    Session finish() {
        long span = drafts.isEmpty() ? 0 : drafts.get(drafts.size() - 1).offsetMillis();
        Instant start = now.minusMillis(span + rng.nextLong(1_000, 90_000));
        List<UserInteractionEvent> events = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            events.add(d.builder()
                    .timestamp(start.plusMillis(d.offsetMillis()))
                    .sentAt(now)
                    .build());
        }
        return new Session(
                sessionId, kind, user == null ? null : user.userId(), agent.userAgent(), List.copyOf(events));
    }

    // ---- events and pages --------------------------------------------------------------------------------

    /** Whether there is room left for another step (a step emits a few events). */
    boolean room() {
        return drafts.size() < maxEvents - 6;
    }

    /** An event on the current page, {@code gapMillis} after the previous one; the caller adds its ids. */
    UserInteractionEvent.Builder emit(InteractionEventType type, long gapMillis, ObjectNode data) {
        clock += Math.max(50, gapMillis);
        UserInteractionEvent.Builder b = UserInteractionEvent.builder()
                .eventId(uuid())
                .userId(userId)
                .sessionId(sessionId)
                .eventType(type)
                .eventData(data)
                .userAgent(agent.userAgent())
                .referrer(pageReferrer)
                .path(currentPath);
        drafts.add(new Draft(b, clock));
        return b;
    }

    /** A page change: the new page's referrer is the previous page. */
    void navigate(String path, String externalReferrer) {
        pageReferrer = externalReferrer != null
                ? externalReferrer
                : currentPath == null ? null : JourneyGenerator.SITE + currentPath;
        currentPath = path;
    }

    /** Time spent before moving to another page. */
    long pageGap() {
        return rng.nextLong(2_000, kind == SessionKind.BOT ? 4_000 : 15_000);
    }

    /** Time between two actions on a page. */
    long inPageGap() {
        return rng.nextLong(700, 6_000);
    }

    ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The data of a page view event: every field the seed's PageViewEvent requires (ADR 0014), with decimals where
     * a browser measures them ({@code performance.now()} durations, the scrolled share of the page).
     */
    ObjectNode pageData(String title, double viewDuration, String source) {
        return obj().put("title", title)
                .put("viewDuration", viewDuration)
                .put("scrollDepth", tenths(rng.nextDouble() * 100))
                .put("timeToInteraction", millis(300, 6_000))
                .put("source", source)
                .<ObjectNode>set(
                        "viewport", obj().put("width", agent.viewportWidth()).put("height", agent.viewportHeight()))
                .put("deviceType", agent.deviceType());
    }

    UserInteractionEvent.Builder pageView(String path, String title, String source, String referrer) {
        navigate(path, referrer);
        double duration = millis(1_500, 45_000);
        return emit(InteractionEventType.PAGE_VIEW, pageGap(), pageData(title, duration, source))
                .duration(wholeMillis(duration));
    }

    UserInteractionEvent.Builder homePage(String source, String referrer) {
        return pageView("/", HOME_TITLE, source, referrer);
    }

    UserInteractionEvent.Builder loginPage() {
        return pageView("/login", "Sign in", "direct", null);
    }

    /** A perfume house's page, viewed for {@code duration} milliseconds. */
    void housePage(Catalog.House house, double duration) {
        navigate("/houses/" + house.id(), null);
        emit(InteractionEventType.HOUSE_VIEW, pageGap(), pageData(house.name(), duration, "direct"))
                .houseId(house.id())
                .duration(wholeMillis(duration));
    }

    /**
     * A duration in [{@code origin}, {@code bound}) milliseconds as a browser measures it: {@code performance.now()}
     * differences, to a tenth of a millisecond.
     */
    double millis(long origin, long bound) {
        return tenths(origin + rng.nextDouble() * (bound - origin));
    }

    /**
     * The scroll position (CSS pixels, on half pixels as on a 2x screen) of a visitor who has scrolled {@code
     * scrollDepth} percent down a page three viewports tall.
     */
    double scrollPosition(double scrollDepth) {
        return Math.round(scrollDepth / 100 * 2 * agent.viewportHeight() * 2) / 2.0;
    }

    /** A perfume's page title. */
    String title(Catalog.Perfume p) {
        return p.name() + " by " + catalog.house(p.houseId()).name();
    }

    // ---- the visitor -------------------------------------------------------------------------------------

    /** A visitor who logs in mid-session does so now (through the login page); later events carry the userId. */
    void login() {
        if (kind != SessionKind.LOGS_IN || userId != null) {
            return;
        }
        loginPage();
        userId = user.userId();
    }

    /** Whether the visitor can do something that needs an account; may log in on the way. */
    boolean account() {
        if (userId == null && kind == SessionKind.LOGS_IN) {
            String back = currentPath;
            login();
            navigate(back, null);
        }
        return userId != null;
    }

    /** One of the visitor's favourite notes (an id). */
    String favouriteNote() {
        return user.favouriteNotes().get(rng.nextInt(user.favouriteNotes().size()));
    }

    /** One of the visitor's favourite houses (an id). */
    String favouriteHouse() {
        return user.favouriteHouses().get(rng.nextInt(user.favouriteHouses().size()));
    }

    /** A version 4 UUID drawn from the session's random source. */
    String uuid() {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    /** {@code v} to a tenth. */
    static double tenths(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The envelope's {@code duration} (the seed's {@code Int}, milliseconds) of a measured duration. */
    static int wholeMillis(double duration) {
        return (int) Math.round(duration);
    }
}
