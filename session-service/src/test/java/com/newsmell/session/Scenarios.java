package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.IMAGE_ZOOMED;
import static com.newsmell.contract.InteractionEventType.NAVIGATION_CLICK;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.SEARCH_NO_RESULTS;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_REFINED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The session scenarios of issue #4, with the exact expected value of every UserSession and SearchQuery field.
 * Run twice: through the pure fold ({@code SessionFoldTest}) and through the real broker, database and HTTP API
 * ({@code SessionScenariosTest}). Every expected value is what the API returns once the session is closed.
 */
public final class Scenarios {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Scenarios() {}

    /** The session id and time origin a scenario is played at. */
    public record Ctx(String sid, Instant t0) {
        public Instant at(double seconds) {
            return t0.plusMillis(Math.round(seconds * 1000));
        }

        public String iso(double seconds) {
            return at(seconds).toString();
        }

        public UserInteractionEvent.Builder ev(InteractionEventType type, double seconds) {
            return WireEvents.event(type, sid, at(seconds));
        }
    }

    /**
     * @param events published first (in a shuffled order when {@code shuffled})
     * @param late published after the session was closed
     */
    public record Scenario(
            String name,
            Function<Ctx, List<UserInteractionEvent>> events,
            Function<Ctx, List<UserInteractionEvent>> late,
            boolean shuffled,
            Function<Ctx, Map<String, Object>> session,
            Function<Ctx, List<Map<String, Object>>> searches) {

        @Override
        public String toString() {
            return name;
        }

        public List<UserInteractionEvent> firstEvents(Ctx c) {
            List<UserInteractionEvent> list = new ArrayList<>(events.apply(c));
            if (shuffled) {
                Collections.shuffle(list, new Random(42));
            }
            return list;
        }
    }

    public static ObjectNode data(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The map without its null fields: the API leaves a field without a value out (ADR 0015). */
    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> m = new LinkedHashMap<>(map);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    /** A JSON-normalised copy (numbers, instants and lists as the API's JSON reads back). */
    @SuppressWarnings("unchecked")
    static <T> T normalise(Object value) {
        try {
            return (T) JSON.readValue(JSON.writeValueAsString(value), Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every field of a closed session; overrides replace the defaults (a desktop/Firefox/Linux bounce-free one). */
    static Map<String, Object> session(Ctx c, Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", c.sid());
        m.put("userId", null);
        m.put("startTime", c.iso(0));
        m.put("endTime", null);
        m.put("duration", null);
        m.put("durationMs", null);
        m.put("lastEventTime", null);
        m.put("closed", true);
        m.put("deviceType", "desktop");
        m.put("browser", "Firefox");
        m.put("os", "Linux");
        m.put("location", null);
        m.put("referrer", null);
        m.put("source", "(direct)");
        m.put("pageViews", 0);
        m.put("perfumesViewed", 0);
        m.put("interactions", 0);
        m.put("addedToWishlist", false);
        m.put("addedToCollection", false);
        m.put("completedRating", false);
        m.put("completedReview", false);
        m.put("entryPage", null);
        m.put("exitPage", null);
        m.put("bounced", false);
        m.put("isBot", false);
        put(m, overrides);
        if (m.get("endTime") != null && !Arrays.asList(overrides).contains("durationMs")) {
            m.put(
                    "durationMs",
                    Duration.between(Instant.parse((String) m.get("startTime")), Instant.parse((String)
                                    m.get("endTime")))
                            .toMillis());
        }
        return normalise(m);
    }

    static Map<String, Object> search(Ctx c, String searchId, double at, Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("searchId", searchId);
        m.put("sessionId", c.sid());
        m.put("userId", null);
        m.put("timestamp", c.iso(at));
        m.put("queryText", "");
        m.put("queryType", "text");
        m.put("searchType", "initial");
        m.put("refinesSearchId", null);
        m.put("filters", Map.of());
        m.put("resultsCount", 0);
        m.put("resultsShown", 0);
        m.put("clickedPositions", List.of());
        m.put("clickedPerfumes", List.of());
        m.put("timeToFirstClick", null);
        m.put("timeOnResults", null);
        m.put("foundDesired", false);
        m.put("refinedQuery", false);
        m.put("abandoned", false);
        put(m, overrides);
        // The API names the milliseconds in the name too (ADR 0015), beside the seed's names.
        m.put("timeToFirstClickMs", m.get("timeToFirstClick"));
        m.put("timeOnResultsMs", m.get("timeOnResults"));
        return normalise(m);
    }

    private static void put(Map<String, Object> m, Object... overrides) {
        for (int i = 0; i < overrides.length; i += 2) {
            String key = (String) overrides[i];
            if (!m.containsKey(key)) {
                throw new IllegalArgumentException("unknown field " + key);
            }
            m.put(key, overrides[i + 1]);
        }
    }

    /** A SEARCH_PERFORMED on /search with the eventData. */
    public static UserInteractionEvent searchEvent(Ctx c, double at, String json) {
        return c.ev(SEARCH_PERFORMED, at).path("/search").eventData(data(json)).build();
    }

    /** A SEARCH_RESULT_CLICKED on /search with the eventData. */
    public static UserInteractionEvent click(Ctx c, double at, String json) {
        return c.ev(SEARCH_RESULT_CLICKED, at)
                .path("/search")
                .eventData(data(json))
                .build();
    }

    private static List<UserInteractionEvent> multiPage(Ctx c) {
        return List.of(
                c.ev(PAGE_VIEW, 0)
                        .path("/home")
                        .referrer("https://www.google.com/")
                        .build(),
                c.ev(PERFUME_VIEW, 30)
                        .path("/perfume/p1")
                        .perfumeId("p1")
                        .location("DE")
                        .build(),
                c.ev(PERFUME_VIEW, 60)
                        .path("/perfume/p2")
                        .perfumeId("p2")
                        .referrer("https://newsmell.dev/")
                        .build(),
                c.ev(PERFUME_VIEW, 90)
                        .path("/perfume/p1")
                        .perfumeId("p1")
                        .location("FR")
                        .build(),
                c.ev(NAVIGATION_CLICK, 100).path("/perfume/p1").build(),
                c.ev(IMAGE_ZOOMED, 110).path("/perfume/p1").perfumeId("p1").build(),
                c.ev(WISHLIST_ADD, 120).path("/perfume/p1").perfumeId("p1").build(),
                c.ev(COLLECTION_ADD, 130).path("/perfume/p2").perfumeId("p2").build(),
                c.ev(RATING_COMPLETED, 140).path("/perfume/p1").perfumeId("p1").build(),
                c.ev(REVIEW_SUBMITTED, 150).path("/perfume/p1").perfumeId("p1").build(),
                c.ev(PAGE_VIEW, 200).path("/about").build());
    }

    private static Map<String, Object> multiPageSession(Ctx c) {
        return session(
                c,
                "endTime",
                c.iso(200),
                "duration",
                200,
                "lastEventTime",
                c.iso(200),
                "location",
                "DE",
                "referrer",
                "https://www.google.com/",
                "source",
                "google.com",
                "pageViews",
                5,
                "perfumesViewed",
                2,
                "interactions",
                3, // COLLECTION_ADD, RATING_COMPLETED, REVIEW_SUBMITTED (not WISHLIST_ADD, IMAGE_ZOOMED)
                "addedToWishlist",
                true,
                "addedToCollection",
                true,
                "completedRating",
                true,
                "completedReview",
                true,
                "entryPage",
                "/home",
                "exitPage",
                "/about");
    }

    public static List<Scenario> all() {
        return List.of(
                new Scenario(
                        "a bounce",
                        c -> List.of(c.ev(PAGE_VIEW, 0)
                                .path("/home")
                                .referrer("https://www.google.com/")
                                .location("FR")
                                .build()),
                        c -> List.of(),
                        false,
                        c -> session(
                                c,
                                "endTime",
                                c.iso(0),
                                "duration",
                                0,
                                "lastEventTime",
                                c.iso(0),
                                "location",
                                "FR",
                                "referrer",
                                "https://www.google.com/",
                                "source",
                                "google.com",
                                "pageViews",
                                1,
                                "entryPage",
                                "/home",
                                "exitPage",
                                "/home",
                                "bounced",
                                true),
                        c -> List.of()),
                new Scenario(
                        "a multi-page session",
                        Scenarios::multiPage,
                        c -> List.of(),
                        false,
                        Scenarios::multiPageSession,
                        c -> List.of()),
                new Scenario(
                        "a shuffled arrival order",
                        Scenarios::multiPage,
                        c -> List.of(),
                        true,
                        Scenarios::multiPageSession,
                        c -> List.of()),
                new Scenario(
                        "an anonymous session that logs in",
                        c -> List.of(
                                c.ev(PAGE_VIEW, 0).path("/home").build(),
                                searchEvent(
                                        c,
                                        5,
                                        "{\"searchId\":\"q1\",\"query\":\"rose\",\"resultsCount\":12,\"resultsShown\":10}"),
                                c.ev(PERFUME_VIEW, 10)
                                        .path("/perfume/p1")
                                        .perfumeId("p1")
                                        .build(),
                                c.ev(PAGE_VIEW, 20)
                                        .path("/account")
                                        .userId("u-" + c.sid())
                                        .build(),
                                c.ev(PAGE_VIEW, 25)
                                        .path("/account/collection")
                                        .userId("u-" + c.sid())
                                        .build()),
                        c -> List.of(),
                        false,
                        c -> session(
                                c,
                                "userId",
                                "u-" + c.sid(),
                                "endTime",
                                c.iso(25),
                                "duration",
                                25,
                                "lastEventTime",
                                c.iso(25),
                                "pageViews",
                                4,
                                "perfumesViewed",
                                1,
                                "entryPage",
                                "/home",
                                "exitPage",
                                "/account/collection"),
                        c -> List.of(search(
                                c,
                                "q1",
                                5,
                                "userId",
                                "u-" + c.sid(),
                                "queryText",
                                "rose",
                                "resultsCount",
                                12,
                                "resultsShown",
                                10,
                                "timeOnResults",
                                5000,
                                "abandoned",
                                true))),
                new Scenario(
                        "a late event after close",
                        c -> List.of(
                                c.ev(PAGE_VIEW, 0).path("/home").build(),
                                c.ev(PERFUME_VIEW, 60)
                                        .path("/perfume/p1")
                                        .perfumeId("p1")
                                        .build()),
                        c -> List.of(
                                c.ev(PERFUME_VIEW, 30)
                                        .path("/perfume/p2")
                                        .perfumeId("p2")
                                        .build(),
                                c.ev(PAGE_VIEW, 120).path("/late").build()),
                        false,
                        c -> session(
                                c,
                                "endTime",
                                c.iso(120),
                                "duration",
                                120,
                                "lastEventTime",
                                c.iso(120),
                                "pageViews",
                                4,
                                "perfumesViewed",
                                2,
                                "entryPage",
                                "/home",
                                "exitPage",
                                "/late"),
                        c -> List.of()),
                new Scenario(
                        "a bot session",
                        c -> List.of(
                                c.ev(PAGE_VIEW, 0)
                                        .path("/")
                                        .isBot(true)
                                        .botReason("user-agent")
                                        .browser("Googlebot")
                                        .os(null)
                                        .build(),
                                c.ev(PERFUME_VIEW, 1)
                                        .path("/perfume/p1")
                                        .perfumeId("p1")
                                        .isBot(true)
                                        .browser("Googlebot")
                                        .os(null)
                                        .build()),
                        c -> List.of(),
                        false,
                        c -> session(
                                c,
                                "endTime",
                                c.iso(1),
                                "duration",
                                1,
                                "lastEventTime",
                                c.iso(1),
                                "browser",
                                "Googlebot",
                                "os",
                                null,
                                "pageViews",
                                2,
                                "perfumesViewed",
                                1,
                                "entryPage",
                                "/",
                                "exitPage",
                                "/perfume/p1",
                                "isBot",
                                true),
                        c -> List.of()),
                new Scenario(
                        "a refine chain",
                        c -> List.of(
                                searchEvent(
                                        c,
                                        0,
                                        "{\"searchId\":\"q1\",\"query\":\"rose\",\"resultsCount\":50,\"resultsShown\":20,\"searchType\":\"initial\"}"),
                                c.ev(SEARCH_REFINED, 10)
                                        .path("/search")
                                        .eventData(data("{\"searchId\":\"r1\",\"query\":\"rose oud\"}"))
                                        .build(),
                                searchEvent(
                                        c,
                                        12,
                                        "{\"searchId\":\"q2\",\"query\":\"rose oud\",\"resultsCount\":8,\"resultsShown\":8,"
                                                + "\"searchType\":\"refinement\",\"previousQuery\":\"rose\"}"),
                                searchEvent(
                                        c,
                                        30,
                                        "{\"searchId\":\"q3\",\"query\":\" Rose Oud Intense\",\"resultsCount\":3,"
                                                + "\"resultsShown\":3,\"searchType\":\"refinement\",\"previousQuery\":\"rose oud\",\"queryType\":\"voice\"}"),
                                click(c, 40, "{\"searchId\":\"q3\",\"position\":2,\"perfumeId\":\"p9\"}"),
                                c.ev(PERFUME_VIEW, 41)
                                        .path("/perfume/p9")
                                        .perfumeId("p9")
                                        .eventData(data("{\"viewDuration\":5000}"))
                                        .build()),
                        c -> List.of(),
                        false,
                        c -> session(
                                c,
                                "endTime",
                                c.iso(41),
                                "duration",
                                41,
                                "lastEventTime",
                                c.iso(41),
                                "pageViews",
                                1,
                                "perfumesViewed",
                                1,
                                "entryPage",
                                "/perfume/p9",
                                "exitPage",
                                "/perfume/p9"),
                        c -> List.of(
                                search(
                                        c,
                                        "q1",
                                        0,
                                        "queryText",
                                        "rose",
                                        "resultsCount",
                                        50,
                                        "resultsShown",
                                        20,
                                        "timeOnResults",
                                        10000,
                                        "refinedQuery",
                                        true,
                                        "abandoned",
                                        true),
                                search(
                                        c,
                                        "r1",
                                        10,
                                        "queryText",
                                        "rose oud",
                                        "searchType",
                                        "refinement",
                                        "refinesSearchId",
                                        "q1",
                                        "timeOnResults",
                                        2000,
                                        "refinedQuery",
                                        true,
                                        "abandoned",
                                        true),
                                search(
                                        c,
                                        "q2",
                                        12,
                                        "queryText",
                                        "rose oud",
                                        "searchType",
                                        "refinement",
                                        "refinesSearchId",
                                        "r1",
                                        "resultsCount",
                                        8,
                                        "resultsShown",
                                        8,
                                        "timeOnResults",
                                        18000,
                                        "refinedQuery",
                                        true,
                                        "abandoned",
                                        true),
                                search(
                                        c,
                                        "q3",
                                        30,
                                        "queryText",
                                        " Rose Oud Intense",
                                        "queryType",
                                        "voice",
                                        "searchType",
                                        "refinement",
                                        "refinesSearchId",
                                        "q2",
                                        "resultsCount",
                                        3,
                                        "resultsShown",
                                        3,
                                        "clickedPositions",
                                        List.of(2),
                                        "clickedPerfumes",
                                        List.of("p9"),
                                        "timeToFirstClick",
                                        10000,
                                        "timeOnResults",
                                        10000))),
                new Scenario(
                        "an abandoned search",
                        c -> List.of(
                                searchEvent(
                                        c,
                                        0,
                                        "{\"searchId\":\"q1\",\"query\":\"vanilla\",\"resultsCount\":30,\"resultsShown\":10}"),
                                c.ev(PAGE_VIEW, 5).path("/search").build(),
                                searchEvent(
                                        c,
                                        20,
                                        "{\"searchId\":\"q2\",\"query\":\"  Amber \",\"resultsCount\":4,\"resultsShown\":4}"),
                                searchEvent(
                                        c,
                                        30,
                                        "{\"searchId\":\"q3\",\"query\":\"\",\"filters\":{\"houses\":[\"h1\"]},\"resultsCount\":4}"),
                                c.ev(SEARCH_NO_RESULTS, 30.5)
                                        .path("/search")
                                        .eventData(data("{\"searchId\":\"q3\"}"))
                                        .build()),
                        c -> List.of(),
                        false,
                        c -> session(
                                c,
                                "endTime",
                                c.iso(30.5),
                                "duration",
                                30,
                                "lastEventTime",
                                c.iso(30.5),
                                "pageViews",
                                1,
                                "entryPage",
                                "/search",
                                "exitPage",
                                "/search"),
                        c -> List.of(
                                search(
                                        c,
                                        "q1",
                                        0,
                                        "queryText",
                                        "vanilla",
                                        "resultsCount",
                                        30,
                                        "resultsShown",
                                        10,
                                        "timeOnResults",
                                        20000,
                                        "abandoned",
                                        true),
                                search(
                                        c,
                                        "q2",
                                        20,
                                        "queryText",
                                        "  Amber ",
                                        "resultsCount",
                                        4,
                                        "resultsShown",
                                        4,
                                        "timeOnResults",
                                        10000,
                                        "abandoned",
                                        true),
                                search(
                                        c,
                                        "q3",
                                        30,
                                        "queryType",
                                        "filter_only",
                                        "filters",
                                        Map.of("houses", List.of("h1")),
                                        "abandoned",
                                        true))),
                new Scenario(
                        "a click without a searchId",
                        c -> List.of(
                                searchEvent(
                                        c,
                                        0,
                                        "{\"searchId\":\"q1\",\"query\":\"citrus\",\"resultsCount\":9,\"resultsShown\":9}"),
                                searchEvent(
                                        c,
                                        10,
                                        "{\"searchId\":\"q2\",\"query\":\"lemon\",\"resultsCount\":7,\"resultsShown\":7}"),
                                click(c, 15, "{\"position\":3,\"perfumeId\":\"p4\"}"),
                                click(c, 25, "{\"position\":1}").toBuilder()
                                        .perfumeId("p5")
                                        .build()),
                        c -> List.of(),
                        false,
                        c -> session(c, "endTime", c.iso(25), "duration", 25, "lastEventTime", c.iso(25)),
                        c -> List.of(
                                search(
                                        c,
                                        "q1",
                                        0,
                                        "queryText",
                                        "citrus",
                                        "resultsCount",
                                        9,
                                        "resultsShown",
                                        9,
                                        "timeOnResults",
                                        10000,
                                        "abandoned",
                                        true),
                                search(
                                        c,
                                        "q2",
                                        10,
                                        "queryText",
                                        "lemon",
                                        "resultsCount",
                                        7,
                                        "resultsShown",
                                        7,
                                        "clickedPositions",
                                        List.of(3, 1),
                                        "clickedPerfumes",
                                        List.of("p4", "p5"),
                                        "timeToFirstClick",
                                        5000,
                                        "timeOnResults",
                                        5000))),
                new Scenario(
                        "a found-desired search",
                        c -> List.of(
                                searchEvent(
                                        c,
                                        0,
                                        "{\"searchId\":\"q1\",\"query\":\"oud\",\"resultsCount\":5,\"resultsShown\":5}"),
                                click(c, 8, "{\"searchId\":\"q1\",\"position\":0,\"perfumeId\":\"p7\"}"),
                                c.ev(PERFUME_VIEW, 9)
                                        .path("/perfume/p7")
                                        .perfumeId("p7")
                                        .eventData(data("{\"viewDuration\":45000}"))
                                        .build(),
                                searchEvent(
                                        c,
                                        100,
                                        "{\"searchId\":\"q2\",\"query\":\"musk\",\"resultsCount\":6,\"resultsShown\":6}"),
                                click(c, 104, "{\"searchId\":\"q2\",\"position\":4,\"perfumeId\":\"p8\"}"),
                                c.ev(WISHLIST_ADD, 110)
                                        .path("/perfume/p8")
                                        .perfumeId("p8")
                                        .build(),
                                searchEvent(
                                        c,
                                        200,
                                        "{\"searchId\":\"q3\",\"query\":\"iris\",\"resultsCount\":2,\"resultsShown\":2}"),
                                click(c, 203, "{\"searchId\":\"q3\",\"position\":1,\"perfumeId\":\"p10\"}"),
                                c.ev(PERFUME_VIEW, 204)
                                        .path("/perfume/p10")
                                        .perfumeId("p10")
                                        .eventData(data("{\"viewDuration\":29999}"))
                                        .build(),
                                c.ev(WISHLIST_ADD, 210)
                                        .path("/perfume/p10")
                                        .perfumeId("p7")
                                        .build()),
                        c -> List.of(),
                        false,
                        c -> session(
                                c,
                                "endTime",
                                c.iso(210),
                                "duration",
                                210,
                                "lastEventTime",
                                c.iso(210),
                                "pageViews",
                                2,
                                "perfumesViewed",
                                2,
                                "addedToWishlist",
                                true,
                                "entryPage",
                                "/perfume/p7",
                                "exitPage",
                                "/perfume/p10"),
                        c -> List.of(
                                search(
                                        c,
                                        "q1",
                                        0,
                                        "queryText",
                                        "oud",
                                        "resultsCount",
                                        5,
                                        "resultsShown",
                                        5,
                                        "clickedPositions",
                                        List.of(0),
                                        "clickedPerfumes",
                                        List.of("p7"),
                                        "timeToFirstClick",
                                        8000,
                                        "timeOnResults",
                                        8000,
                                        "foundDesired",
                                        true),
                                search(
                                        c,
                                        "q2",
                                        100,
                                        "queryText",
                                        "musk",
                                        "resultsCount",
                                        6,
                                        "resultsShown",
                                        6,
                                        "clickedPositions",
                                        List.of(4),
                                        "clickedPerfumes",
                                        List.of("p8"),
                                        "timeToFirstClick",
                                        4000,
                                        "timeOnResults",
                                        4000,
                                        "foundDesired",
                                        true),
                                search(
                                        c,
                                        "q3",
                                        200,
                                        "queryText",
                                        "iris",
                                        "resultsCount",
                                        2,
                                        "resultsShown",
                                        2,
                                        "clickedPositions",
                                        List.of(1),
                                        "clickedPerfumes",
                                        List.of("p10"),
                                        "timeToFirstClick",
                                        3000,
                                        "timeOnResults",
                                        3000))));
    }
}
