package com.newsmell.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

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

    private static final String[] EXTERNAL_REFERRERS = {
        "https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/",
    };
    private static final String[] SOCIAL_REFERRERS = {
        "https://www.instagram.com/", "https://www.reddit.com/r/fragrance/", "https://www.tiktok.com/",
    };
    private static final String[] NONSENSE_QUERIES = {
        "aquatic summer 2019", "cherry cola", "marshmallow cloud", "bubblegum pop", "gasoline", "wet concrete",
    };

    private final Catalog catalog;
    private final Population population;
    private final double botShare;
    private final long seed;
    private final SplittableRandom rng;
    private long sessionCount;

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
        return new Journey(now).run();
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

    /** A version 4 UUID drawn from {@code rng}. */
    static String uuid(SplittableRandom rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static double round3(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private record Draft(UserInteractionEvent.Builder builder, long offsetMillis) {}

    /** State of one session being generated. */
    private final class Journey {
        private final Instant now;
        private final List<Draft> drafts = new ArrayList<>();
        private final String sessionId = uuid(rng);
        private final SessionKind kind;
        private final Population.User user;
        private final UserAgents.Agent agent;
        private final int maxEvents;
        private final Set<String> viewed = new HashSet<>();
        private final Map<String, Long> wishlist = new LinkedHashMap<>();
        private final Set<String> rated = new HashSet<>();
        private final Set<String> collected = new HashSet<>();
        private final double[] affinity;
        private double[] pickWeights;
        private String userId;
        private long clock;
        private String currentPath;
        private String pageReferrer;

        Journey(Instant now) {
            this.now = now.truncatedTo(ChronoUnit.MILLIS);
            double r = rng.nextDouble();
            if (r < botShare) {
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
            maxEvents = kind == SessionKind.BOT ? 12 : MAX_SESSION_EVENTS;
            affinity = user == null ? new double[0] : population.affinities(user);
        }

        /** The user's affinity for a perfume (cached by the population). */
        private double affinity(Catalog.Perfume p) {
            return affinity[catalog.indexOf(p.id())];
        }

        private double pickWeight(Catalog.Perfume p) {
            double a = affinity(p);
            return (0.2 + Math.sqrt(p.popularity())) * (0.3 + 3 * a * a);
        }

        Session run() {
            if (kind == SessionKind.BOT) {
                crawl();
            } else {
                browse();
            }
            return finish();
        }

        private Session finish() {
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

        // ---- event plumbing -------------------------------------------------------------------------------

        private boolean room() {
            return drafts.size() < maxEvents - 6;
        }

        private UserInteractionEvent.Builder emit(InteractionEventType type, long gapMillis, ObjectNode data) {
            clock += Math.max(50, gapMillis);
            UserInteractionEvent.Builder b = UserInteractionEvent.builder()
                    .eventId(uuid(rng))
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
        private void navigate(String path, String externalReferrer) {
            pageReferrer =
                    externalReferrer != null ? externalReferrer : currentPath == null ? null : SITE + currentPath;
            currentPath = path;
        }

        private long pageGap() {
            return rng.nextLong(2_000, kind == SessionKind.BOT ? 4_000 : 15_000);
        }

        private long inPageGap() {
            return rng.nextLong(700, 6_000);
        }

        private ObjectNode obj() {
            return JsonNodeFactory.instance.objectNode();
        }

        private ObjectNode pageData(String title, long viewDuration, String source) {
            ObjectNode d = obj().put("title", title)
                    .put("viewDuration", viewDuration)
                    .put("scrollDepth", clamp((int) (rng.nextDouble() * 100), 0, 100))
                    .put("timeToInteraction", rng.nextLong(300, 6_000))
                    .put("source", source);
            if (agent.viewportWidth() > 0) {
                d.putObject("viewport").put("width", agent.viewportWidth()).put("height", agent.viewportHeight());
            }
            d.put("deviceType", agent.deviceType());
            return d;
        }

        private UserInteractionEvent.Builder pageView(String path, String title, String source, String referrer) {
            navigate(path, referrer);
            long duration = rng.nextLong(1_500, 45_000);
            return emit(InteractionEventType.PAGE_VIEW, pageGap(), pageData(title, duration, source))
                    .duration((int) duration);
        }

        private String houseName(Catalog.Perfume p) {
            return catalog.house(p.houseId()).name();
        }

        // ---- bots -----------------------------------------------------------------------------------------

        private void crawl() {
            int pages = 1 + rng.nextInt(10);
            pageView("/", "New Smell - Discover and trade perfumes", "direct", null);
            for (int i = 1; i < pages; i++) {
                double r = rng.nextDouble();
                if (r < 0.6) {
                    Catalog.Perfume p = catalog.perfumes()
                            .get(rng.nextInt(catalog.perfumes().size()));
                    navigate("/perfumes/" + p.id(), null);
                    long duration = rng.nextLong(100, 1_500);
                    emit(
                                    InteractionEventType.PERFUME_VIEW,
                                    pageGap(),
                                    pageData(p.name() + " by " + houseName(p), duration, "direct"))
                            .perfumeId(p.id())
                            .houseId(p.houseId())
                            .duration((int) duration);
                } else if (r < 0.8) {
                    Catalog.House h =
                            catalog.houses().get(rng.nextInt(catalog.houses().size()));
                    navigate("/houses/" + h.id(), null);
                    long duration = rng.nextLong(100, 1_500);
                    emit(InteractionEventType.HOUSE_VIEW, pageGap(), pageData(h.name(), duration, "direct"))
                            .houseId(h.id())
                            .duration((int) duration);
                } else {
                    pageView("/perfumes?page=" + (1 + rng.nextInt(30)), "All perfumes", "direct", null);
                }
            }
        }

        // ---- humans ---------------------------------------------------------------------------------------

        private void browse() {
            land();
            int steps = 1 + (int) (rng.nextDouble() * (3 + 10 * user.engagement()));
            for (int i = 0; i < steps && room(); i++) {
                if (kind == SessionKind.LOGS_IN && userId == null && rng.nextDouble() < 0.2) {
                    login();
                }
                double r = rng.nextDouble();
                if (r < 0.3) {
                    browseByNote();
                } else if (r < 0.6) {
                    search();
                } else if (r < 0.7) {
                    houseVisit();
                } else if (r < 0.8) {
                    pageView("/", "New Smell - Discover and trade perfumes", "direct", null);
                    recommendations("homepage", null, 0);
                } else if (r < 0.87 && userId != null) {
                    ownCollection();
                } else if (r < 0.92 && userId != null && user.trader()) {
                    otherProfile();
                } else if (r < 0.96 && currentPath != null) {
                    emit(InteractionEventType.NAVIGATION_CLICK, inPageGap(), obj().put("target", "menu"));
                    browseByNote();
                } else {
                    emit(InteractionEventType.BACK_BUTTON, inPageGap(), obj());
                    browseByNote();
                }
            }
            // Some wishlist regrets at the end of the session.
            if (userId != null && !wishlist.isEmpty() && rng.nextDouble() < 0.15) {
                String perfumeId = wishlist.keySet().iterator().next();
                if (!collected.contains(perfumeId)) {
                    Catalog.Perfume p = catalog.perfume(perfumeId);
                    navigate("/wishlist", null);
                    emit(
                                    InteractionEventType.WISHLIST_REMOVE,
                                    pageGap(),
                                    obj().put("source", "detail_page")
                                            .put("timeInWishlist", clock - wishlist.get(perfumeId)))
                            .perfumeId(p.id())
                            .houseId(p.houseId());
                    wishlist.remove(perfumeId);
                }
            }
        }

        private void land() {
            double r = rng.nextDouble();
            if (r < 0.35) {
                String ref = rng.nextBoolean() ? null : EXTERNAL_REFERRERS[rng.nextInt(EXTERNAL_REFERRERS.length)];
                pageView("/", "New Smell - Discover and trade perfumes", ref == null ? "direct" : "external", ref);
                if (rng.nextDouble() < 0.6) {
                    recommendations("homepage", null, 0);
                }
            } else if (r < 0.6) {
                viewPerfume(
                        pickPerfume(null),
                        "external",
                        "detail_page",
                        0,
                        EXTERNAL_REFERRERS[rng.nextInt(EXTERNAL_REFERRERS.length)]);
            } else if (r < 0.7) {
                viewPerfume(
                        pickPerfume(null),
                        "social",
                        "detail_page",
                        0,
                        SOCIAL_REFERRERS[rng.nextInt(SOCIAL_REFERRERS.length)]);
            } else {
                pageView("/perfumes", "All perfumes", "direct", null);
            }
        }

        private void login() {
            if (kind != SessionKind.LOGS_IN || userId != null) {
                return;
            }
            pageView("/login", "Sign in", "direct", null);
            userId = user.userId();
        }

        /** Whether the visitor can do something that needs an account; may log in on the way. */
        private boolean account() {
            if (userId == null && kind == SessionKind.LOGS_IN) {
                String back = currentPath;
                login();
                navigate(back, null);
            }
            return userId != null;
        }

        /** A perfume biased by taste and popularity; {@code among} restricts the choice when not null. */
        private Catalog.Perfume pickPerfume(List<Catalog.Perfume> among) {
            List<Catalog.Perfume> candidates = among == null ? catalog.perfumes() : among;
            double[] w;
            if (among == null) {
                if (pickWeights == null) {
                    pickWeights = new double[candidates.size()];
                    for (int i = 0; i < pickWeights.length; i++) {
                        pickWeights[i] = pickWeight(candidates.get(i));
                    }
                }
                w = pickWeights;
            } else {
                w = new double[candidates.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = pickWeight(candidates.get(i));
                }
            }
            double total = 0;
            for (double x : w) {
                total += x;
            }
            double r = rng.nextDouble() * total;
            for (int i = 0; i < w.length; i++) {
                r -= w[i];
                if (r < 0) {
                    return candidates.get(i);
                }
            }
            return candidates.get(candidates.size() - 1);
        }

        private void browseByNote() {
            String noteId =
                    user.favouriteNotes().get(rng.nextInt(user.favouriteNotes().size()));
            Catalog.Note note = catalog.note(noteId);
            pageView("/notes/" + noteId, "Perfumes with " + note.name(), "direct", null)
                    .noteId(noteId);
            List<Catalog.Perfume> withNote = catalog.perfumesWithNote(noteId);
            if (!withNote.isEmpty() && rng.nextDouble() < 0.85) {
                viewPerfume(pickPerfume(withNote), "direct", "detail_page", 0, null);
            }
        }

        private void houseVisit() {
            String houseId = rng.nextDouble() < 0.7
                    ? user.favouriteHouses()
                            .get(rng.nextInt(user.favouriteHouses().size()))
                    : catalog.houses().get(rng.nextInt(catalog.houses().size())).id();
            houseView(houseId);
        }

        private void houseView(String houseId) {
            Catalog.House h = catalog.house(houseId);
            navigate("/houses/" + houseId, null);
            long duration = rng.nextLong(3_000, 60_000);
            emit(InteractionEventType.HOUSE_VIEW, pageGap(), pageData(h.name(), duration, "direct"))
                    .houseId(houseId)
                    .duration((int) duration);
            List<Catalog.Perfume> perfumes = catalog.perfumesOf(houseId);
            if (!perfumes.isEmpty() && rng.nextDouble() < 0.6) {
                viewPerfume(pickPerfume(perfumes), "direct", "detail_page", 1, null);
            }
        }

        private void ownCollection() {
            navigate(rng.nextBoolean() ? "/collection" : "/wishlist", null);
            long duration = rng.nextLong(3_000, 40_000);
            emit(InteractionEventType.COLLECTION_VIEW, pageGap(), pageData("My collection", duration, "direct"))
                    .duration((int) duration);
        }

        private void otherProfile() {
            Population.User other = population.pick(rng);
            navigate("/users/" + other.userId(), null);
            long duration = rng.nextLong(3_000, 40_000);
            emit(
                            InteractionEventType.PROFILE_VIEWED,
                            pageGap(),
                            pageData("Collection", duration, "direct").put("profileUserId", other.userId()))
                    .duration((int) duration);
        }

        // ---- perfume page ---------------------------------------------------------------------------------

        /**
         * A perfume detail page and what happens on it.
         *
         * @param source how the visitor got here (PageViewData source)
         * @param collectionSource the source recorded by wishlist/collection events (CollectionData source)
         */
        private void viewPerfume(
                Catalog.Perfume p, String source, String collectionSource, int depth, String externalReferrer) {
            if (!room()) {
                return;
            }
            navigate("/perfumes/" + p.id(), externalReferrer);
            double affinity = affinity(p);
            long viewDuration = (long) (4_000 + rng.nextDouble() * 30_000 + affinity * 60_000);
            ObjectNode data = pageData(p.name() + " by " + houseName(p), viewDuration, source);
            data.put("scrollDepth", clamp((int) (15 + affinity * 60 + rng.nextDouble() * 30), 0, 100));
            emit(InteractionEventType.PERFUME_VIEW, pageGap(), data)
                    .perfumeId(p.id())
                    .houseId(p.houseId())
                    .duration((int) viewDuration);
            viewed.add(p.id());
            long pageStart = clock;

            if (rng.nextDouble() < 0.3 + 0.35 * affinity) {
                Catalog.Layer layer = Catalog.Layer.values()[rng.nextInt(3)];
                List<String> layerNotes = p.notes(layer);
                String noteId = layerNotes.get(rng.nextInt(layerNotes.size()));
                long expand = rng.nextLong(1_000, 15_000);
                emit(
                                InteractionEventType.NOTES_EXPANDED,
                                inPageGap(),
                                obj().put("noteType", layer.wireName())
                                        .put("expandDuration", expand)
                                        .put("pageScrollPosition", rng.nextInt(200, 1_600))
                                        .put("timeOnPage", clock - pageStart))
                        .perfumeId(p.id())
                        .houseId(p.houseId())
                        .noteId(noteId);
                if (rng.nextDouble() < 0.25) {
                    emit(
                                    InteractionEventType.NOTES_COLLAPSED,
                                    expand,
                                    obj().put("noteType", layer.wireName()).put("expandDuration", expand))
                            .perfumeId(p.id())
                            .noteId(noteId);
                }
            }
            if (rng.nextDouble() < 0.4) {
                int image = rng.nextInt(4);
                emit(
                                InteractionEventType.IMAGE_VIEWED,
                                inPageGap(),
                                obj().put("imageIndex", image)
                                        .put("viewDuration", rng.nextLong(500, 8_000))
                                        .put("zoomed", false)
                                        .put("timeOnPage", clock - pageStart))
                        .perfumeId(p.id());
                if (rng.nextDouble() < 0.3) {
                    emit(
                                    InteractionEventType.IMAGE_ZOOMED,
                                    inPageGap(),
                                    obj().put("imageIndex", image)
                                            .put("zoomed", true)
                                            .put("viewDuration", rng.nextLong(500, 8_000)))
                            .perfumeId(p.id());
                }
            }

            double intent = 0.7 * affinity + 0.3 * user.engagement();
            if (rng.nextDouble() < 0.1 + 0.45 * intent * intent && account()) {
                conversions(p, collectionSource, intent);
            } else if (userId == null && rng.nextDouble() < 0.05) {
                // Hit the login wall and gave up.
                pageView("/login", "Sign in", "direct", null);
                return;
            }

            if (depth < 2 && room()) {
                double r = rng.nextDouble();
                if (r < 0.25) {
                    recommendations("detail_page", p, depth);
                } else if (r < 0.33) {
                    similarClick(p, depth);
                } else if (r < 0.38) {
                    emit(
                                    InteractionEventType.HOUSE_LINK_CLICKED,
                                    inPageGap(),
                                    obj().put("timeOnPage", clock - pageStart))
                            .perfumeId(p.id())
                            .houseId(p.houseId());
                    houseView(p.houseId());
                }
            }
        }

        private void similarClick(Catalog.Perfume from, int depth) {
            List<Catalog.Perfume> all = catalog.perfumes();
            double[] scores = new double[all.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = all.get(i).id().equals(from.id()) ? -1 : catalog.similarity(from, all.get(i));
            }
            List<Catalog.Perfume> similar = top(all, scores, 6);
            int position = rng.nextInt(similar.size());
            Catalog.Perfume target = similar.get(position);
            List<String> shared = new ArrayList<>(from.allNotes());
            shared.retainAll(target.allNotes());
            String reason = shared.isEmpty()
                    ? "same house"
                    : "shares "
                            + String.join(
                                    ", ",
                                    shared.stream()
                                            .map(n -> catalog.note(n).name())
                                            .toList());
            emit(
                            InteractionEventType.SIMILAR_CLICKED,
                            inPageGap(),
                            obj().put("targetPerfumeId", target.id())
                                    .put("position", position)
                                    .put("similarityReason", reason))
                    .perfumeId(from.id())
                    .houseId(from.houseId());
            viewPerfume(target, "direct", "detail_page", depth + 1, null);
        }

        /** Wishlist, rating/review, collection and trade on a perfume page (the visitor is logged in). */
        private void conversions(Catalog.Perfume p, String collectionSource, double intent) {
            if (!wishlist.containsKey(p.id()) && !collected.contains(p.id()) && rng.nextDouble() < 0.2 + 0.5 * intent) {
                emit(
                                InteractionEventType.WISHLIST_ADD,
                                inPageGap(),
                                obj().put("source", collectionSource)
                                        .put("price", String.format(Locale.ROOT, "%.2f", p.price())))
                        .perfumeId(p.id())
                        .houseId(p.houseId())
                        .value(p.price());
                wishlist.put(p.id(), clock);
            }
            if (!rated.contains(p.id()) && rng.nextDouble() < 0.15 + 0.5 * intent * user.engagement()) {
                rate(p);
            }
            if (!collected.contains(p.id())
                    && rng.nextDouble() < (wishlist.containsKey(p.id()) ? 0.2 : 0.05) + 0.1 * intent) {
                collect(p, collectionSource);
            }
            if (rng.nextDouble() < (user.trader() ? 0.3 : 0.04)) {
                trade(p);
            }
        }

        private void rate(Catalog.Perfume p) {
            rated.add(p.id());
            double affinity = affinity(p);
            emit(
                            InteractionEventType.RATING_STARTED,
                            inPageGap(),
                            obj().put("source", "detail_page").put("hadPreviousRating", false))
                    .perfumeId(p.id())
                    .houseId(p.houseId());
            if (rng.nextDouble() < 0.15) {
                return; // abandoned
            }
            int overall = score(0.5 * p.quality() + 0.5 * affinity);
            ObjectNode ratings = obj().put("overall", overall);
            int categories = 1;
            if (rng.nextDouble() < 0.8) {
                ratings.put("longevity", score(p.quality()));
                categories++;
            }
            if (rng.nextDouble() < 0.7) {
                ratings.put("sillage", score(p.quality() * 0.8 + 0.1));
                categories++;
            }
            if (rng.nextDouble() < 0.6) {
                ratings.put("priceValue", score(p.price() <= user.budget() ? 0.75 : 0.35));
                categories++;
            }
            if (rng.nextDouble() < 0.4) {
                ratings.put("gender", 1 + rng.nextInt(5));
                categories++;
            }
            long seconds = rng.nextLong(5, 90);
            ObjectNode data = obj();
            data.set("ratings", ratings);
            data.put("timeToComplete", seconds)
                    .put("categoriesRated", categories)
                    .put("edited", rng.nextDouble() < 0.1)
                    .put("source", "detail_page")
                    .put("hadPreviousRating", false);
            emit(InteractionEventType.RATING_COMPLETED, seconds * 1_000, data)
                    .perfumeId(p.id())
                    .houseId(p.houseId())
                    .value((double) overall);
            if (rng.nextDouble() < 0.15 + 0.4 * user.engagement()) {
                emit(InteractionEventType.REVIEW_STARTED, inPageGap(), obj())
                        .perfumeId(p.id())
                        .houseId(p.houseId());
                if (rng.nextDouble() < 0.8) {
                    int length = (int) (60 + Math.abs(Catalog.gaussian(rng)) * 500);
                    emit(
                                    InteractionEventType.REVIEW_SUBMITTED,
                                    rng.nextLong(30_000, 150_000),
                                    obj().put("reviewLength", length).put("rating", overall))
                            .perfumeId(p.id())
                            .houseId(p.houseId())
                            .value((double) overall);
                }
            }
        }

        /** A 1..5 score around {@code 1 + 4 * level}. */
        private int score(double level) {
            return clamp((int) Math.round(1 + 4 * level + 0.8 * Catalog.gaussian(rng)), 1, 5);
        }

        private void collect(Catalog.Perfume p, String collectionSource) {
            Long addedAt = wishlist.get(p.id());
            String[] sizes = {"5ml", "10ml", "30ml", "50ml", "75ml", "100ml"};
            String size = sizes[rng.nextInt(sizes.length)];
            String[] preferences = {"cash", "trade", "both"};
            ObjectNode data = obj().put("amount", size)
                    .put(
                            "available",
                            (int) (Integer.parseInt(size.replace("ml", "")) * (0.2 + 0.8 * rng.nextDouble())) + "ml")
                    .put("price", String.format(Locale.ROOT, "%.2f", p.price()))
                    .put("tradePreference", preferences[rng.nextInt(3)])
                    .put("source", addedAt != null ? "wishlist_convert" : collectionSource);
            if (addedAt != null) {
                data.put("timeInWishlist", clock - addedAt);
            }
            emit(InteractionEventType.COLLECTION_ADD, inPageGap(), data)
                    .perfumeId(p.id())
                    .houseId(p.houseId())
                    .value(p.price());
            collected.add(p.id());
            if (addedAt != null) {
                emit(
                                InteractionEventType.WISHLIST_REMOVE,
                                inPageGap(),
                                obj().put("source", "wishlist_convert").put("timeInWishlist", clock - addedAt))
                        .perfumeId(p.id())
                        .houseId(p.houseId());
                wishlist.remove(p.id());
            }
        }

        private void trade(Catalog.Perfume p) {
            String tradeId = "trd-" + uuid(rng);
            Population.User seller = population.pick(rng);
            emit(
                            InteractionEventType.TRADE_INQUIRY,
                            inPageGap(),
                            obj().put("tradeId", tradeId)
                                    .put("counterpartyId", seller.userId())
                                    .put("messageLength", rng.nextInt(20, 400)))
                    .perfumeId(p.id())
                    .houseId(p.houseId());
            if (rng.nextDouble() < 0.5) {
                double amount = Math.round(p.price() * (0.3 + 0.5 * rng.nextDouble()));
                emit(
                                InteractionEventType.TRADE_OFFERED,
                                rng.nextLong(10_000, 60_000),
                                obj().put("tradeId", tradeId)
                                        .put("counterpartyId", seller.userId())
                                        .put("offerType", rng.nextBoolean() ? "cash" : "trade")
                                        .put("amount", amount))
                        .perfumeId(p.id())
                        .houseId(p.houseId())
                        .value(amount);
                double r = rng.nextDouble();
                if (r < 0.4) {
                    emit(
                                    InteractionEventType.TRADE_ACCEPTED,
                                    rng.nextLong(5_000, 60_000),
                                    obj().put("tradeId", tradeId).put("counterpartyId", seller.userId()))
                            .perfumeId(p.id())
                            .houseId(p.houseId())
                            .value(amount);
                } else if (r < 0.6) {
                    emit(
                                    InteractionEventType.TRADE_DECLINED,
                                    rng.nextLong(5_000, 60_000),
                                    obj().put("tradeId", tradeId).put("counterpartyId", seller.userId()))
                            .perfumeId(p.id())
                            .houseId(p.houseId());
                }
            }
        }

        // ---- search ---------------------------------------------------------------------------------------

        private void search() {
            double r = rng.nextDouble();
            String query;
            String corrected = null;
            if (r < 0.3) {
                query = catalog.note(user.favouriteNotes()
                                .get(rng.nextInt(user.favouriteNotes().size())))
                        .name();
            } else if (r < 0.42) {
                query = catalog.note(user.favouriteNotes()
                                        .get(rng.nextInt(user.favouriteNotes().size())))
                                .name()
                        + (rng.nextBoolean() ? " parfum" : " toilette");
            } else if (r < 0.56) {
                String name = catalog.house(user.favouriteHouses()
                                .get(rng.nextInt(user.favouriteHouses().size())))
                        .name();
                query = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
            } else if (r < 0.72) {
                query = pickPerfume(null).name().toLowerCase(Locale.ROOT);
            } else if (r < 0.82) {
                List<String> notes = user.favouriteNotes();
                query = catalog.note(notes.get(rng.nextInt(notes.size()))).name() + " "
                        + catalog.note(notes.get(rng.nextInt(notes.size()))).name();
            } else if (r < 0.93) {
                // A typo: a letter missing; usually no result, then corrected.
                corrected = catalog.note(user.favouriteNotes()
                                .get(rng.nextInt(user.favouriteNotes().size())))
                        .name();
                int cut = 1 + rng.nextInt(Math.max(1, corrected.length() - 2));
                query = corrected.substring(0, cut) + corrected.substring(Math.min(corrected.length(), cut + 1));
                if (query.equals(corrected)) {
                    query = query + "q";
                }
            } else {
                query = NONSENSE_QUERIES[rng.nextInt(NONSENSE_QUERIES.length)];
            }
            runSearch(query, "initial", null, null, corrected, 0);
        }

        private void runSearch(
                String query,
                String searchType,
                String previousQuery,
                ObjectNode filters,
                String corrected,
                int round) {
            if (!room()) {
                return;
            }
            navigate("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
            String searchId = "srch-" + uuid(rng);
            List<Catalog.Perfume> results = catalog.search(query, p -> matches(p, filters));
            int pageSize = "desktop".equals(agent.deviceType()) ? 12 : 8;
            int shown = Math.min(results.size(), pageSize);
            ObjectNode data =
                    obj().put("searchId", searchId).put("query", query).put("queryLength", query.length());
            ArrayNode words = data.putArray("queryWords");
            for (String w : query.trim().split("\\s+")) {
                words.add(w);
            }
            if (filters != null) {
                data.set("filters", filters.deepCopy());
            }
            data.put("resultsCount", results.size())
                    .put("resultsShown", shown)
                    .put("hasResults", !results.isEmpty())
                    .put("searchType", searchType)
                    .put("queryType", "text");
            if (previousQuery != null) {
                data.put("previousQuery", previousQuery);
            }
            data.put("suggestionUsed", false);
            ArrayNode ids = data.putArray("resultPerfumeIds");
            for (int i = 0; i < shown; i++) {
                ids.add(results.get(i).id());
            }
            if (results.isEmpty()) {
                emit(InteractionEventType.SEARCH_NO_RESULTS, pageGap(), data);
                if (round < 2 && rng.nextDouble() < 0.65) {
                    String next = corrected != null
                            ? corrected
                            : catalog.note(user.favouriteNotes()
                                            .get(rng.nextInt(
                                                    user.favouriteNotes().size())))
                                    .name();
                    runSearch(next, "refinement", query, null, null, round + 1);
                }
                return; // otherwise abandoned
            }
            emit(InteractionEventType.SEARCH_PERFORMED, pageGap(), data);
            List<Catalog.Perfume> page = results.subList(0, shown);

            if (round < 2 && results.size() > 4 && rng.nextDouble() < 0.2) {
                ObjectNode f = obj();
                f.putArray("notes").add(user.favouriteNotes().get(0));
                f.putObject("priceRange").put("min", 0).put("max", Math.round(user.budget() * 1.5));
                emit(
                        InteractionEventType.FILTER_APPLIED,
                        inPageGap(),
                        obj().put("searchId", searchId).set("filters", f.deepCopy()));
                runSearch(query, "refinement", query, f, null, round + 1);
                return;
            }
            if (rng.nextDouble() < 0.12) {
                recommendations("search", null, 1);
            }
            int clicks = 0;
            for (int attempt = 0; attempt < 2 && room(); attempt++) {
                if (rng.nextDouble() > (attempt == 0 ? 0.7 : 0.3)) {
                    break; // abandoned (or done)
                }
                int position = -1;
                for (int i = 0; i < page.size(); i++) {
                    double p = (0.25 + 0.6 * affinity(page.get(i))) * Math.pow(0.8, i);
                    if (rng.nextDouble() < p) {
                        position = i;
                        break;
                    }
                }
                if (position < 0) {
                    break;
                }
                if (clicks > 0) {
                    emit(InteractionEventType.BACK_BUTTON, inPageGap(), obj());
                    navigate("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
                }
                Catalog.Perfume clicked = page.get(position);
                emit(
                                InteractionEventType.SEARCH_RESULT_CLICKED,
                                inPageGap(),
                                obj().put("searchId", searchId)
                                        .put("position", position)
                                        .put("perfumeId", clicked.id()))
                        .perfumeId(clicked.id())
                        .houseId(clicked.houseId());
                clicks++;
                viewPerfume(clicked, "search", "search", 1, null);
            }
        }

        private boolean matches(Catalog.Perfume p, ObjectNode filters) {
            if (filters == null) {
                return true;
            }
            if (filters.has("notes")) {
                for (var n : filters.get("notes")) {
                    if (!p.allNotes().contains(n.asText())) {
                        return false;
                    }
                }
            }
            if (filters.has("priceRange")) {
                double max = filters.get("priceRange").get("max").asDouble();
                double min = filters.get("priceRange").get("min").asDouble();
                return p.price() >= min && p.price() <= max;
            }
            return true;
        }

        // ---- recommendations ------------------------------------------------------------------------------

        /** Shows a recommendation list; may record feedback and a click (then the clicked perfume's page). */
        private void recommendations(String source, Catalog.Perfume context, int depth) {
            if (!room()) {
                return;
            }
            String algorithm;
            if (userId == null) {
                algorithm = context != null ? "similar_notes" : "trending";
            } else if (context != null) {
                algorithm = rng.nextDouble() < 0.6 ? "similar_notes" : "content_based";
            } else {
                double r = rng.nextDouble();
                algorithm = r < 0.4 ? "collaborative_filtering" : r < 0.7 ? "hybrid_v2" : "trending";
            }
            int k = switch (source) {
                case "homepage" -> 6;
                case "detail_page" -> 4;
                default -> 3;
            };
            List<Catalog.Perfume> all = catalog.perfumes();
            double[] scores = new double[all.size()];
            for (int i = 0; i < scores.length; i++) {
                Catalog.Perfume p = all.get(i);
                if (context != null && p.id().equals(context.id())) {
                    scores[i] = -1;
                    continue;
                }
                double s = switch (algorithm) {
                    case "trending" -> Math.sqrt(p.popularity());
                    case "similar_notes", "content_based" ->
                        context != null ? catalog.similarity(context, p) : affinity(p);
                    default -> 0.7 * affinity(p) + 0.3 * Math.sqrt(p.popularity());
                };
                scores[i] = s + 0.15 * rng.nextDouble();
            }
            List<Catalog.Perfume> shown = top(all, scores, k);
            String recommendationId = "rec-" + uuid(rng);
            double[] confidence = new double[shown.size()];
            double[] similarity = new double[shown.size()];
            long gap = inPageGap();
            for (int pos = 0; pos < shown.size(); pos++) {
                Catalog.Perfume p = shown.get(pos);
                confidence[pos] = round3(Math.max(0.05, Math.min(0.99, 0.92 - 0.06 * pos - 0.1 * rng.nextDouble())));
                similarity[pos] = round3(affinity(p));
                emit(
                                InteractionEventType.RECOMMENDATION_SHOWN,
                                pos == 0 ? gap : 60,
                                recData(algorithm, source, pos, confidence[pos], similarity[pos]))
                        .perfumeId(p.id())
                        .houseId(p.houseId())
                        .recommendationId(recommendationId);
            }
            if (userId != null && rng.nextDouble() < 0.15) {
                int pos = rng.nextInt(shown.size());
                ObjectNode data = recData(algorithm, source, pos, confidence[pos], similarity[pos]);
                if (similarity[pos] >= 0.5) {
                    data.put("thumbsUp", true);
                } else {
                    double r = rng.nextDouble();
                    data.put(r < 0.5 ? "thumbsDown" : r < 0.8 ? "hidPerfume" : "reportedIrrelevant", true);
                }
                emit(InteractionEventType.RECOMMENDATION_FEEDBACK, inPageGap(), data)
                        .perfumeId(shown.get(pos).id())
                        .recommendationId(recommendationId);
            }
            int clicked = -1;
            for (int pos = 0; pos < shown.size(); pos++) {
                if (rng.nextDouble() < (0.04 + 0.4 * similarity[pos]) * Math.pow(0.85, pos)) {
                    clicked = pos;
                    break;
                }
            }
            if (clicked < 0) {
                return;
            }
            Catalog.Perfume p = shown.get(clicked);
            emit(
                            InteractionEventType.RECOMMENDATION_CLICKED,
                            inPageGap(),
                            recData(algorithm, source, clicked, confidence[clicked], similarity[clicked]))
                    .perfumeId(p.id())
                    .houseId(p.houseId())
                    .recommendationId(recommendationId);
            if (depth < 2) {
                viewPerfume(p, "recommendation", "recommendation", depth + 1, null);
                if (userId != null && room() && rng.nextDouble() < 0.1) {
                    ObjectNode data = recData(algorithm, source, clicked, confidence[clicked], similarity[clicked]);
                    data.put(similarity[clicked] >= 0.4 ? "thumbsUp" : "thumbsDown", true);
                    emit(InteractionEventType.RECOMMENDATION_FEEDBACK, inPageGap(), data)
                            .perfumeId(p.id())
                            .recommendationId(recommendationId);
                }
            }
        }

        /** The {@code k} perfumes with the highest non-negative scores, best first (ties: lower index). */
        private List<Catalog.Perfume> top(List<Catalog.Perfume> all, double[] scores, int k) {
            List<Catalog.Perfume> out = new ArrayList<>(k);
            boolean[] taken = new boolean[scores.length];
            for (int n = 0; n < k; n++) {
                int best = -1;
                for (int i = 0; i < scores.length; i++) {
                    if (!taken[i] && scores[i] >= 0 && (best < 0 || scores[i] > scores[best])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                taken[best] = true;
                out.add(all.get(best));
            }
            return out;
        }

        private ObjectNode recData(String algorithm, String source, int position, double confidence, double sim) {
            return obj().put("algorithm", algorithm)
                    .put("source", source)
                    .put("position", position)
                    .put("confidence", confidence)
                    .put("similarityScore", sim);
        }
    }
}
