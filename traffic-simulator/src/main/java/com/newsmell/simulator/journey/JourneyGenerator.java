package com.newsmell.simulator.journey;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates sessions of plausible user journeys over a {@link Catalog} and a {@link Population}: landing, browsing,
 * perfume views with notes/images, searches (with no-result searches, refinements and abandons), recommendations
 * (shown, clicked, feedback), ratings and reviews, wishlist and collection changes and trades; plus bots that only
 * view pages. Deterministic: the same seed, catalog, population and {@code now} give the same events (ids
 * included).
 *
 * <p>Each session's timestamps are strictly increasing, seconds apart, and end at or before {@code now}; the
 * session starts a few minutes before {@code now}. {@code sentAt} is set to {@code now}; a sender should overwrite
 * it with the real send time. Not thread-safe per instance; the public methods are synchronized.
 */
public final class JourneyGenerator {

    /** What kind of visitor a session belongs to. */
    public enum SessionKind {
        /** A crawler or script: anonymous, only view events. */
        BOT,
        /** An anonymous visitor who never logs in. */
        ANONYMOUS,
        /** A registered user logged in from the first event. */
        LOGGED_IN,
        /** A registered user who starts anonymous and logs in mid-session; later events carry the userId. */
        LOGS_IN
    }

    /**
     * One generated session.
     *
     * @param sessionId the session id shared by its events
     * @param kind the visitor kind
     * @param userId the registered user behind the session (for {@link SessionKind#LOGS_IN}, the user it logs in
     *     as), null for bots and anonymous visitors
     * @param userAgent the User-Agent of every event of the session
     * @param events the events, in time order
     */
    public record Session(
            String sessionId, SessionKind kind, String userId, String userAgent, List<UserInteractionEvent> events) {}

    /** The site's origin, used for referrers. */
    public static final String SITE = "https://www.newsmell.example";

    /** Longest session, in events. */
    public static final int MAX_SESSION_EVENTS = 80;

    public static final List<String> ALGORITHMS =
            List.of("collaborative_filtering", "content_based", "similar_notes", "trending", "hybrid_v2");

    private final Catalog catalog;
    private final Population population;
    private final double botShare;
    private final long seed;
    private final SplittableRandom rng;
    private long sessionCount;
    private double randomizedShare = RecommendationJourney.DEFAULT_RANDOMIZED_SHARE;

    /**
     * @param catalog the perfumes
     * @param population the registered users
     * @param seed drives every random choice (and the ids)
     * @param botShare share of sessions that are bots, 0..1
     */
    public JourneyGenerator(Catalog catalog, Population population, long seed, double botShare) {
        if (!(botShare >= 0 && botShare <= 1)) {
            throw new IllegalArgumentException("botShare must be between 0 and 1");
        }
        this.catalog = catalog;
        this.population = population;
        this.botShare = botShare;
        this.seed = seed;
        this.rng = new SplittableRandom(seed);
    }

    /**
     * The standard catalog and a population of {@code users} users (both stable across runs, independent of
     * {@code seed}); journeys from {@code seed}.
     */
    public static JourneyGenerator create(long seed, int users, double botShare) {
        Catalog catalog = Catalog.standard();
        return new JourneyGenerator(catalog, Population.generate(catalog, users, Catalog.DEFAULT_SEED), seed, botShare);
    }

    /**
     * Sets the share of recommendation lists shown in a shuffled order ({@code randomized: true}, ADR 0024), 0..1;
     * default {@link RecommendationJourney#DEFAULT_RANDOMIZED_SHARE}. Clicks follow the planted position bias
     * {@link RecommendationJourney#examination(int)} in every list.
     */
    public synchronized JourneyGenerator randomizedShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("randomizedShare must be between 0 and 1");
        }
        this.randomizedShare = share;
        return this;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Population population() {
        return population;
    }

    public long seed() {
        return seed;
    }

    /** Number of sessions generated so far. */
    public synchronized long sessionCount() {
        return sessionCount;
    }

    /** The next session, ending at or before {@code now}. */
    public synchronized Session nextSession(Instant now) {
        sessionCount++;
        return Visit.generate(catalog, population, rng, botShare, randomizedShare, now);
    }

    /** The next {@code count} sessions. */
    public synchronized List<Session> sessions(int count, Instant now) {
        List<Session> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(nextSession(now));
        }
        return out;
    }

    /**
     * Exactly {@code count} events: whole sessions one after the other (the last one cut short if needed).
     */
    public synchronized List<UserInteractionEvent> events(int count, Instant now) {
        List<UserInteractionEvent> out = new ArrayList<>(count);
        while (out.size() < count) {
            List<UserInteractionEvent> s = nextSession(now).events();
            out.addAll(s.subList(0, Math.min(s.size(), count - out.size())));
        }
        return out;
    }
}
