package com.newsmell.simulator.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.EventParser;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.ParseResult;
import com.newsmell.contract.RequiredFields;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.simulator.journey.JourneyGenerator.Session;
import com.newsmell.simulator.journey.JourneyGenerator.SessionKind;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;
import com.newsmell.simulator.world.UserAgents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JourneyGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** Shared sample: 600 sessions, seed 42. */
    private static final List<Session> SESSIONS =
            JourneyGenerator.create(42, 200, 0.05).sessions(600, NOW);

    private static final Set<InteractionEventType> ACCOUNT_ONLY = EnumSet.of(
            InteractionEventType.RATING_STARTED,
            InteractionEventType.RATING_COMPLETED,
            InteractionEventType.REVIEW_STARTED,
            InteractionEventType.REVIEW_SUBMITTED,
            InteractionEventType.WISHLIST_ADD,
            InteractionEventType.WISHLIST_REMOVE,
            InteractionEventType.COLLECTION_ADD,
            InteractionEventType.COLLECTION_VIEW,
            InteractionEventType.TRADE_INQUIRY,
            InteractionEventType.TRADE_OFFERED,
            InteractionEventType.TRADE_ACCEPTED,
            InteractionEventType.RECOMMENDATION_FEEDBACK);

    private static List<String> json(List<UserInteractionEvent> events) {
        return events.stream().map(EventCodec::toJson).toList();
    }

    @Test
    void sameSeedGivesSameEvents() {
        List<UserInteractionEvent> a = JourneyGenerator.create(7, 100, 0.05).events(3_000, NOW);
        List<UserInteractionEvent> b = JourneyGenerator.create(7, 100, 0.05).events(3_000, NOW);
        assertEquals(3_000, a.size());
        assertEquals(json(a), json(b));
    }

    @Test
    void differentSeedGivesDifferentEvents() {
        List<UserInteractionEvent> a = JourneyGenerator.create(7, 100, 0.05).events(500, NOW);
        List<UserInteractionEvent> b = JourneyGenerator.create(8, 100, 0.05).events(500, NOW);
        assertNotEquals(json(a), json(b));
        Set<String> ids = new HashSet<>();
        a.forEach(e -> ids.add(e.eventId()));
        b.forEach(e -> assertFalse(ids.contains(e.eventId()), "event ids must differ between seeds"));
    }

    @Test
    void everyEventIsValidForTheContract() {
        int count = 0;
        for (Session s : SESSIONS) {
            for (UserInteractionEvent e : s.events()) {
                ParseResult r = EventParser.parse(EventCodec.toJsonNode(e));
                assertTrue(r.valid(), () -> e.eventType() + " " + r.violations() + " in " + EventCodec.toJson(e));
                assertNotNull(e.eventId());
                assertNotNull(e.sentAt());
                count++;
            }
        }
        assertTrue(count > 5_000, "sample too small: " + count);
    }

    // ADR 0014: "A `number` is a `Double`"; the simulator sends decimals where a browser measures them, and the
    // seed's EngagementEvent "pageScrollPosition: number", "timeOnPage: number" on the event.
    @Test
    void browserMeasurementsAreDecimalsAndEngagementContextIsOnTheEvent() {
        int pageViews = 0;
        int fractionalDurations = 0;
        int fractionalDepths = 0;
        int engagements = 0;
        int fractionalScrolls = 0;
        for (Session s : SESSIONS) {
            for (UserInteractionEvent e : s.events()) {
                if (e.data() instanceof PageViewData page) {
                    pageViews++;
                    fractionalDurations += page.viewDuration() % 1 != 0 ? 1 : 0;
                    fractionalDepths += page.scrollDepth() % 1 != 0 ? 1 : 0;
                    assertEquals(Math.round(page.viewDuration()), e.duration().longValue(), "duration Int: rounded");
                }
                if (RequiredFields.ENVELOPE.containsKey(e.eventType())) {
                    engagements++;
                    assertNotNull(e.pageScrollPosition(), e::toString);
                    assertNotNull(e.timeOnPage(), e::toString);
                    assertFalse(e.eventData().has("pageScrollPosition")
                            || e.eventData().has("timeOnPage"));
                    fractionalScrolls += e.pageScrollPosition() % 1 != 0 ? 1 : 0;
                }
            }
        }
        assertTrue(fractionalDurations > pageViews / 2, fractionalDurations + " of " + pageViews);
        assertTrue(fractionalDepths > pageViews / 2, fractionalDepths + " of " + pageViews);
        assertTrue(engagements > 500, "too few engagement events: " + engagements);
        assertTrue(fractionalScrolls > 0, "no scroll position on a half pixel");
    }

    @Test
    void timestampsIncreaseNearNowAndSessionsAreConsistent() {
        for (Session s : SESSIONS) {
            Instant previous = Instant.MIN;
            assertFalse(s.events().isEmpty());
            assertTrue(
                    Duration.between(s.events().get(0).timestamp(), NOW).compareTo(Duration.ofMinutes(20)) <= 0,
                    "a session starts within the last minutes");
            for (UserInteractionEvent e : s.events()) {
                assertTrue(e.timestamp().isAfter(previous), "timestamps increase within a session");
                assertFalse(e.timestamp().isAfter(NOW), "no event in the future");
                assertEquals(NOW, e.sentAt());
                assertEquals(s.sessionId(), e.sessionId());
                assertEquals(s.userAgent(), e.userAgent());
                previous = e.timestamp();
            }
        }
    }

    @Test
    void searchClicksReferenceAnEarlierSearchOfTheSession() {
        int clicks = 0;
        for (Session s : SESSIONS) {
            Map<String, List<String>> results = new HashMap<>();
            for (UserInteractionEvent e : s.events()) {
                JsonNode d = e.eventData();
                switch (e.eventType()) {
                    case SEARCH_PERFORMED, SEARCH_NO_RESULTS -> {
                        List<String> ids = new ArrayList<>();
                        d.get("resultPerfumeIds").forEach(n -> ids.add(n.asText()));
                        assertEquals(d.get("resultsShown").asInt(), ids.size());
                        assertEquals(e.eventType() == InteractionEventType.SEARCH_NO_RESULTS, ids.isEmpty());
                        results.put(d.get("searchId").asText(), ids);
                    }
                    case SEARCH_RESULT_CLICKED -> {
                        List<String> shown = results.get(d.get("searchId").asText());
                        assertNotNull(shown, "click without an earlier search of the session");
                        assertTrue(shown.contains(e.perfumeId()), "clicked perfume was not in the results");
                        assertEquals(shown.get(d.get("position").asInt()), e.perfumeId());
                        assertEquals(e.perfumeId(), d.get("perfumeId").asText());
                        clicks++;
                    }
                    default -> {}
                }
            }
        }
        assertTrue(clicks > 20, "too few search clicks: " + clicks);
    }

    @Test
    void refinementsAndNoResultSearchesHappen() {
        long noResults = count(InteractionEventType.SEARCH_NO_RESULTS);
        long refinements = SESSIONS.stream()
                .flatMap(s -> s.events().stream())
                .filter(e -> e.eventType() == InteractionEventType.SEARCH_PERFORMED)
                .filter(e ->
                        "refinement".equals(e.eventData().path("searchType").asText()))
                .filter(e -> e.eventData().hasNonNull("previousQuery"))
                .count();
        assertTrue(noResults > 5, "no-result searches: " + noResults);
        assertTrue(refinements > 5, "refinements: " + refinements);
    }

    @Test
    void ratingsAndConversionsFollowAViewOfTheSamePerfume() {
        for (Session s : SESSIONS) {
            Set<String> viewed = new HashSet<>();
            Set<String> started = new HashSet<>();
            Set<String> wishlisted = new HashSet<>();
            Set<String> trades = new HashSet<>();
            for (UserInteractionEvent e : s.events()) {
                String p = e.perfumeId();
                switch (e.eventType()) {
                    case PERFUME_VIEW -> viewed.add(p);
                    case RATING_STARTED -> {
                        assertTrue(viewed.contains(p), "rating without a view");
                        started.add(p);
                    }
                    case RATING_COMPLETED -> {
                        assertTrue(viewed.contains(p), "rating without a view");
                        assertTrue(started.contains(p), "rating completed without being started");
                        JsonNode ratings = e.eventData().get("ratings");
                        int overall = ratings.get("overall").asInt();
                        assertTrue(overall >= 1 && overall <= 5);
                        assertEquals(overall, e.value().intValue());
                        assertEquals(
                                ratings.size(),
                                e.eventData().get("categoriesRated").asInt());
                    }
                    case REVIEW_SUBMITTED, COLLECTION_ADD, TRADE_INQUIRY ->
                        assertTrue(viewed.contains(p), e.eventType() + " without a view");
                    case WISHLIST_ADD -> {
                        assertTrue(viewed.contains(p), "wishlist without a view");
                        wishlisted.add(p);
                    }
                    case WISHLIST_REMOVE -> assertTrue(wishlisted.remove(p), "removed but never added");
                    default -> {}
                }
                if (e.eventType() == InteractionEventType.TRADE_INQUIRY) {
                    trades.add(e.eventData().get("tradeId").asText());
                }
                if (e.eventType() == InteractionEventType.TRADE_OFFERED
                        || e.eventType() == InteractionEventType.TRADE_ACCEPTED) {
                    assertTrue(trades.contains(e.eventData().get("tradeId").asText()), "trade without inquiry");
                }
                if (ACCOUNT_ONLY.contains(e.eventType())) {
                    assertNotNull(e.userId(), e.eventType() + " needs a logged-in user");
                }
            }
        }
        for (InteractionEventType t : List.of(
                InteractionEventType.RATING_COMPLETED,
                InteractionEventType.REVIEW_SUBMITTED,
                InteractionEventType.WISHLIST_ADD,
                InteractionEventType.WISHLIST_REMOVE,
                InteractionEventType.COLLECTION_ADD,
                InteractionEventType.TRADE_INQUIRY,
                InteractionEventType.TRADE_OFFERED,
                InteractionEventType.TRADE_ACCEPTED,
                InteractionEventType.NOTES_EXPANDED,
                InteractionEventType.IMAGE_VIEWED)) {
            assertTrue(count(t) > 0, "no " + t + " generated");
        }
    }

    @Test
    void recommendationClicksAndFeedbackFollowTheirImpression() {
        Set<String> algorithms = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (Session s : SESSIONS) {
            Map<String, Set<String>> shown = new HashMap<>();
            for (UserInteractionEvent e : s.events()) {
                JsonNode d = e.eventData();
                switch (e.eventType()) {
                    case RECOMMENDATION_SHOWN -> {
                        shown.computeIfAbsent(e.recommendationId(), k -> new HashSet<>())
                                .add(e.perfumeId());
                        algorithms.add(d.get("algorithm").asText());
                        sources.add(d.get("source").asText());
                        double confidence = d.get("confidence").asDouble();
                        double similarity = d.get("similarityScore").asDouble();
                        assertTrue(confidence >= 0 && confidence <= 1 && similarity >= 0 && similarity <= 1);
                    }
                    case RECOMMENDATION_CLICKED, RECOMMENDATION_FEEDBACK -> {
                        Set<String> perfumes = shown.get(e.recommendationId());
                        assertNotNull(perfumes, e.eventType() + " without an earlier RECOMMENDATION_SHOWN");
                        assertTrue(perfumes.contains(e.perfumeId()), "not among the shown perfumes");
                    }
                    default -> {}
                }
            }
        }
        assertTrue(algorithms.size() >= 3, "algorithms: " + algorithms);
        assertTrue(sources.containsAll(Set.of("homepage", "detail_page")), "sources: " + sources);
        assertTrue(count(InteractionEventType.RECOMMENDATION_CLICKED) > 10);
        assertTrue(count(InteractionEventType.RECOMMENDATION_FEEDBACK) > 0);
        // Positions: several per list, 0-based.
        assertTrue(SESSIONS.stream()
                .flatMap(s -> s.events().stream())
                .filter(e -> e.eventType() == InteractionEventType.RECOMMENDATION_SHOWN)
                .anyMatch(e -> e.eventData().get("position").asInt() >= 3));
    }

    @Test
    void botsOnlyViewPagesAnonymously() {
        List<Session> bots = JourneyGenerator.create(11, 50, 0.5).sessions(200, NOW).stream()
                .filter(s -> s.kind() == SessionKind.BOT)
                .toList();
        assertTrue(bots.size() > 50, "bot share not honoured: " + bots.size());
        for (Session s : bots) {
            assertTrue(UserAgents.isBot(s.userAgent()), s.userAgent());
            for (UserInteractionEvent e : s.events()) {
                assertEquals(InteractionCategory.VIEW, e.eventType().category(), "bots only view");
                assertNull(e.userId());
            }
        }
        assertTrue(SESSIONS.stream()
                .filter(s -> s.kind() != SessionKind.BOT)
                .noneMatch(s -> UserAgents.isBot(s.userAgent())));
        assertTrue(JourneyGenerator.create(11, 50, 0).sessions(200, NOW).stream()
                .noneMatch(s -> s.kind() == SessionKind.BOT));
    }

    @Test
    void someAnonymousSessionsLogInMidSession() {
        int loggedIn = 0;
        for (Session s : SESSIONS) {
            List<UserInteractionEvent> events = s.events();
            switch (s.kind()) {
                case ANONYMOUS, BOT -> events.forEach(e -> assertNull(e.userId()));
                case LOGGED_IN -> events.forEach(e -> assertEquals(s.userId(), e.userId()));
                case LOGS_IN -> {
                    assertNull(events.get(0).userId(), "starts anonymous");
                    boolean seen = false;
                    for (UserInteractionEvent e : events) {
                        if (e.userId() != null) {
                            assertEquals(s.userId(), e.userId());
                            seen = true;
                        } else {
                            assertFalse(seen, "once logged in, the session stays logged in");
                        }
                    }
                    if (seen) {
                        loggedIn++;
                    }
                }
            }
        }
        assertTrue(loggedIn >= 5, "sessions logging in mid-session: " + loggedIn);
    }

    @Test
    void preferencesBiasWhatUsersView() {
        Population population = Population.generate(Catalog.standard(), 200, Catalog.DEFAULT_SEED);
        Map<String, Population.User> users = new HashMap<>();
        population.users().forEach(u -> users.put(u.userId(), u));
        Catalog catalog = Catalog.standard();
        double viewedAffinity = 0;
        int views = 0;
        for (Session s : SESSIONS) {
            if (s.kind() != SessionKind.LOGGED_IN) {
                continue;
            }
            Population.User u = users.get(s.userId());
            for (UserInteractionEvent e : s.events()) {
                if (e.eventType() == InteractionEventType.PERFUME_VIEW) {
                    viewedAffinity += u.affinity(catalog.perfume(e.perfumeId()));
                    views++;
                }
            }
        }
        double baseline = 0;
        int pairs = 0;
        for (Population.User u : population.users()) {
            for (Catalog.Perfume p : catalog.perfumes()) {
                baseline += u.affinity(p);
                pairs++;
            }
        }
        assertTrue(
                viewedAffinity / views > 1.2 * baseline / pairs,
                "viewed perfumes should match tastes better than random: " + viewedAffinity / views + " vs "
                        + baseline / pairs);
    }

    @Test
    void userAgentsCoverDesktopMobileAndTablet() {
        Map<String, Integer> devices = new HashMap<>();
        SESSIONS.stream()
                .filter(s -> s.kind() != SessionKind.BOT)
                .forEach(s -> UserAgents.HUMANS.stream()
                        .filter(a -> a.userAgent().equals(s.userAgent()))
                        .forEach(a -> devices.merge(a.deviceType(), 1, Integer::sum)));
        assertTrue(devices.keySet().containsAll(Set.of("desktop", "mobile", "tablet")), devices.toString());
    }

    private static long count(InteractionEventType type) {
        Map<InteractionEventType, Long> counts = new EnumMap<>(InteractionEventType.class);
        SESSIONS.forEach(s -> s.events().forEach(e -> counts.merge(e.eventType(), 1L, Long::sum)));
        return counts.getOrDefault(type, 0L);
    }

    // ADR 0024 / issue #13: a small share of lists is shuffled and flagged randomized; every recommendation event
    // names its algorithm's version; clicks follow the planted position bias.
    @Test
    void aSmallShareOfRecommendationListsIsRandomized() {
        List<UserInteractionEvent> events =
                JourneyGenerator.create(42, 200, 0.0).events(60_000, NOW);
        java.util.Set<String> lists = new java.util.HashSet<>();
        java.util.Set<String> randomized = new java.util.HashSet<>();
        for (UserInteractionEvent e : events) {
            if (e.eventType() == InteractionEventType.RECOMMENDATION_SHOWN) {
                lists.add(e.recommendationId());
                if (e.eventData().path("randomized").asBoolean(false)) {
                    randomized.add(e.recommendationId());
                }
                assertTrue(e.eventData().path("algorithmVersion").isTextual());
            }
        }
        double share = (double) randomized.size() / lists.size();
        assertTrue(share > 0.03 && share < 0.07, "randomized share " + share);
        assertEquals(1.0, RecommendationJourney.examination(0));
        assertEquals(Math.pow(6, -0.7), RecommendationJourney.examination(5), 1e-12);
        assertThrows(
                IllegalArgumentException.class,
                () -> JourneyGenerator.create(1, 10, 0).randomizedShare(1.5));
    }
}
