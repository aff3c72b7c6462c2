package com.newsmell.profile.scenario;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.COLLECTION_REMOVE;
import static com.newsmell.contract.InteractionEventType.NOTES_EXPANDED;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.TRADE_ACCEPTED;
import static com.newsmell.contract.InteractionEventType.TRADE_INQUIRY;
import static com.newsmell.contract.InteractionEventType.TRADE_OFFERED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.SessionSummary;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue #11's hand-built users, with the exact profile each must get when the job runs at {@link #NOW} with the default
 * rules: an explorer, a focused rater, a trader, a casual visitor, a user who stopped coming and a user whose wishlist
 * adds and removes arrive out of order. One definition for the pure calculation test and the end-to-end test through
 * Kafka, PostgreSQL and the API. The arithmetic behind each expected figure is written beside it.
 */
public final class Scenarios {

    /** The run's clock: window 2024-06-01 – 2024-06-30, history from 2024-04-02. */
    public static final Instant NOW = Instant.parse("2024-06-30T03:00:00Z");

    private final String run;

    public Scenarios(String run) {
        this.run = run;
    }

    public String perfume(String name) {
        return "sc-" + run + "-" + name;
    }

    public String house(String name) {
        return "sc-" + run + "-" + name;
    }

    public String user(String name) {
        return "sc-" + run + "-" + name;
    }

    /** A catalog entry the scenarios' preferences read: P1 (rose, oud; 100 EUR) and P2 (rose, vanilla; 50 EUR). */
    public record Perfume(
            String perfumeId, String houseId, List<String> noteIds, String perfumeType, BigDecimal price) {

        public String toJson(long version) {
            StringBuilder notes = new StringBuilder();
            for (String note : noteIds) {
                if (notes.length() > 0) {
                    notes.append(',');
                }
                notes.append("{\"noteId\":\"")
                        .append(note)
                        .append("\",\"name\":\"")
                        .append(note)
                        .append("\",\"layer\":\"heart\",\"category\":\"floral\"}");
            }
            return "{\"perfumeId\":\"" + perfumeId + "\",\"name\":\"" + perfumeId + "\",\"houseId\":\"" + houseId
                    + "\",\"houseName\":\"" + houseId + "\",\"notes\":[" + notes + "],\"perfumeType\":\""
                    + perfumeType + "\",\"concentration\":\"eau-de-parfum\",\"launchYear\":2019,"
                    + "\"price\":{\"amount\":" + price + ",\"currency\":\"EUR\"},\"version\":" + version + "}";
        }
    }

    public List<Perfume> catalog() {
        return List.of(
                new Perfume(
                        perfume("p1"),
                        house("h1"),
                        List.of(note("rose"), note("oud")),
                        "Eau de Parfum",
                        new BigDecimal("100.00")),
                new Perfume(
                        perfume("p2"),
                        house("h2"),
                        List.of(note("rose"), note("vanilla")),
                        "Eau de Toilette",
                        new BigDecimal("50.00")));
    }

    public String note(String name) {
        return "sc-" + run + "-note-" + name;
    }

    /** Every scenario user's events. */
    public List<UserInteractionEvent> events() {
        List<UserInteractionEvent> all = new ArrayList<>();
        all.addAll(explorer());
        all.addAll(focused());
        all.addAll(trader());
        all.addAll(casual());
        all.addAll(churned());
        all.addAll(wishlist());
        return all;
    }

    /** 5 days (Mon 24 – Fri 28 June) × (4 views of perfumes never seen before + 2 searches "fresh citrus"), 15:00. */
    public List<UserInteractionEvent> explorer() {
        List<UserInteractionEvent> events = new ArrayList<>();
        String u = user("explorer");
        for (int day = 0; day < 5; day++) {
            Instant at = Instant.parse("2024-06-24T15:00:00Z").plusSeconds(86_400L * day);
            for (int i = 0; i < 4; i++) {
                events.add(event(PERFUME_VIEW, u, at.plusSeconds(i))
                        .perfumeId(perfume("x" + (day * 4 + i)))
                        .build());
            }
            for (int i = 0; i < 2; i++) {
                events.add(event(SEARCH_PERFORMED, u, at.plusSeconds(10 + i))
                        .eventData(data().put("query", "Fresh  citrus"))
                        .build());
            }
        }
        return events;
    }

    /**
     * P1 on Fri 28 June and P2 on Fri 14 June, 10:00 each: 10 views, 3 notes expanded, a rating (P1 5, P2 4) and a
     * review (120, 80 characters); a search "Rose Oud" on Fri 21 June. 31 events.
     */
    public List<UserInteractionEvent> focused() {
        List<UserInteractionEvent> events = new ArrayList<>();
        String u = user("focused");
        events.addAll(focusedOn(perfume("p1"), Instant.parse("2024-06-28T10:00:00Z"), 5, 120));
        events.addAll(focusedOn(perfume("p2"), Instant.parse("2024-06-14T10:00:00Z"), 4, 80));
        events.add(event(SEARCH_PERFORMED, u, Instant.parse("2024-06-21T10:00:00Z"))
                .eventData(data().put("query", "Rose Oud"))
                .build());
        return events;
    }

    private List<UserInteractionEvent> focusedOn(String perfumeId, Instant at, int rating, int reviewLength) {
        List<UserInteractionEvent> events = new ArrayList<>();
        String u = user("focused");
        for (int i = 0; i < 10; i++) {
            events.add(event(PERFUME_VIEW, u, at.plusSeconds(i))
                    .perfumeId(perfumeId)
                    .build());
        }
        for (int i = 0; i < 3; i++) {
            events.add(event(NOTES_EXPANDED, u, at.plusSeconds(20 + i))
                    .perfumeId(perfumeId)
                    .build());
        }
        ObjectNode ratingData = data();
        ratingData.putObject("ratings").put("overall", rating);
        events.add(event(RATING_COMPLETED, u, at.plusSeconds(30))
                .perfumeId(perfumeId)
                .eventData(ratingData)
                .build());
        events.add(event(REVIEW_SUBMITTED, u, at.plusSeconds(40))
                .perfumeId(perfumeId)
                .eventData(data().put("reviewLength", reviewLength))
                .build());
        return events;
    }

    /** Sat 29 June 12:00: 3 trade offers, 1 accepted, 1 inquiry (each of P2), 2 page views. */
    public List<UserInteractionEvent> trader() {
        String u = user("trader");
        Instant at = Instant.parse("2024-06-29T12:00:00Z");
        List<UserInteractionEvent> events = new ArrayList<>();
        InteractionEventType[] types = {
            TRADE_OFFERED, TRADE_OFFERED, TRADE_OFFERED, TRADE_ACCEPTED, TRADE_INQUIRY, PAGE_VIEW, PAGE_VIEW
        };
        for (int i = 0; i < types.length; i++) {
            UserInteractionEvent.Builder e = event(types[i], u, at.plusSeconds(i));
            events.add((types[i] == PAGE_VIEW ? e : e.perfumeId(perfume("p2"))).build());
        }
        return events;
    }

    /** Sun 30 June 01:00: 3 page views. */
    public List<UserInteractionEvent> casual() {
        String u = user("casual");
        Instant at = Instant.parse("2024-06-30T01:00:00Z");
        return List.of(
                event(PAGE_VIEW, u, at).build(),
                event(PAGE_VIEW, u, at.plusSeconds(1)).build(),
                event(PAGE_VIEW, u, at.plusSeconds(2)).build());
    }

    /** Every other day from 10 to 16 April, 09:00, then nothing. */
    public List<UserInteractionEvent> churned() {
        String u = user("churned");
        List<UserInteractionEvent> events = new ArrayList<>();
        for (int day = 10; day <= 16; day += 2) {
            events.add(event(PAGE_VIEW, u, Instant.parse("2024-04-" + day + "T09:00:00Z"))
                    .build());
        }
        return events;
    }

    /**
     * Thu 20 June from 09:00, 5 minutes apart: P1 wishlisted then removed, P2 wishlisted twice, P1 collected, P2
     * removed from the collection it was never in. The end-to-end test delivers them newest first.
     */
    public List<UserInteractionEvent> wishlist() {
        String u = user("wishlist");
        Instant at = Instant.parse("2024-06-20T09:00:00Z");
        return List.of(
                event(WISHLIST_ADD, u, at).perfumeId(perfume("p1")).build(),
                event(WISHLIST_REMOVE, u, at.plusSeconds(300))
                        .perfumeId(perfume("p1"))
                        .build(),
                event(WISHLIST_ADD, u, at.plusSeconds(600))
                        .perfumeId(perfume("p2"))
                        .build(),
                event(WISHLIST_ADD, u, at.plusSeconds(900))
                        .perfumeId(perfume("p2"))
                        .build(),
                event(COLLECTION_ADD, u, at.plusSeconds(1200))
                        .perfumeId(perfume("p1"))
                        .build(),
                event(COLLECTION_REMOVE, u, at.plusSeconds(1500))
                        .perfumeId(perfume("p2"))
                        .build());
    }

    /**
     * The focused rater's sessions: 300 s on 14 June and 900 s on 28 June; a bot session (not counted) and the first
     * summary re-sent (counted once).
     */
    public List<SessionSummary> sessions() {
        String u = user("focused");
        return List.of(
                summary("sc-" + run + "-s1", u, Instant.parse("2024-06-14T10:00:00Z"), 300, false),
                summary("sc-" + run + "-s2", u, Instant.parse("2024-06-28T10:00:00Z"), 900, false),
                summary("sc-" + run + "-s3", u, Instant.parse("2024-06-20T10:00:00Z"), 5000, true),
                summary("sc-" + run + "-s1", u, Instant.parse("2024-06-14T10:00:00Z"), 300, false));
    }

    private static SessionSummary summary(String id, String user, Instant start, long seconds, boolean bot) {
        return new SessionSummary(
                id, user, start, start.plusSeconds(seconds), seconds, 3, 1, 0, false, bot, "desktop", 1);
    }

    private UserInteractionEvent.Builder event(InteractionEventType type, String user, Instant at) {
        return WireEvents.event(type, "sc-" + run + "-" + user, at).userId(user);
    }

    private static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A profile's expected figures; null where the field is absent. */
    public record Expected(
            String userId,
            List<Map.Entry<String, Double>> preferredNotes,
            List<Map.Entry<String, Double>> preferredHouses,
            List<BigDecimal> priceRange,
            List<Map.Entry<String, Long>> perfumeTypes,
            long totalSessions,
            long totalPageViews,
            long totalPerfumesViewed,
            long totalSearches,
            long totalInteractions,
            double avgSessionDurationMs,
            long totalRatings,
            Double avgRatingValue,
            long totalReviews,
            Double avgReviewLength,
            long collectionSize,
            long wishlistSize,
            long tradingActivity,
            Map<Integer, Long> activeHours,
            List<Long> activeDaysOfWeek,
            List<Map.Entry<String, Long>> searchPatterns,
            String browsingStyle,
            double engagementScore,
            double usualGapDays) {}

    public List<Expected> expected() {
        return List.of(
                new Expected(
                        user("explorer"),
                        List.of(), // its perfumes are not in the catalog
                        List.of(),
                        null,
                        List.of(),
                        0,
                        20,
                        20,
                        10,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        0,
                        0,
                        0,
                        Map.of(15, 30L),
                        List.of(6L, 6L, 6L, 6L, 6L, 0L, 0L),
                        List.of(Map.entry("citrus", 10L), Map.entry("fresh", 10L)),
                        "explorer", // 30 events, 5 days, 20 distinct perfumes ≥ 15 and ≥ 0.5 × 20 views
                        8.0, // activity 30 × 5/30 = 5, volume 20 × 30/200 = 3
                        1.0), // consecutive days
                new Expected(
                        user("focused"),
                        // P1 on day 28: 10 × 1 + 3 × 1.5 + 1 × 2 + (5 − 3) = 18.5; P2 on day 14: 10 + 4.5 + 2 + 1 =
                        // 17.5, 14 days (one half-life) older. Relative to day 14: P1 37, P2 17.5.
                        // rose 54.5 → 1; oud 37/54.5; vanilla 17.5/54.5.
                        List.of(
                                Map.entry(note("rose"), 1.0),
                                Map.entry(note("oud"), 0.6789),
                                Map.entry(note("vanilla"), 0.3211)),
                        List.of(Map.entry(house("h1"), 1.0), Map.entry(house("h2"), 0.473)), // 17.5/37
                        // prices 50 and 100: p10 = 50 + 0.1 × 50, p90 = 50 + 0.9 × 50, mean 75
                        List.of(new BigDecimal("55.00"), new BigDecimal("95.00"), new BigDecimal("75.00")),
                        List.of(Map.entry("Eau de Parfum", 1L), Map.entry("Eau de Toilette", 1L)),
                        2, // s1 once, s2; s3 is a bot's
                        20,
                        2,
                        1,
                        4, // 2 ratings + 2 reviews
                        600_000.0, // (300 + 900) / 2 s
                        2,
                        4.5,
                        2,
                        100.0, // (120 + 80) / 2
                        0,
                        0,
                        0,
                        Map.of(10, 31L),
                        List.of(0L, 0L, 0L, 0L, 31L, 0L, 0L),
                        List.of(Map.entry("oud", 1L), Map.entry("rose", 1L)),
                        "focused", // 31 events, 3 days, 2 distinct perfumes
                        38.1, // activity 3 + volume 20 × 31/200 = 3.1 + depth 30 × 4/10 = 12 + sessions 20
                        7.0), // 14 → 21 → 28 June
                new Expected(
                        user("trader"),
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        0,
                        2,
                        0,
                        0,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        0,
                        0,
                        5,
                        Map.of(12, 7L),
                        List.of(0L, 0L, 0L, 0L, 0L, 7L, 0L),
                        List.of(),
                        "trader", // 5 trade events ≥ 3
                        16.7, // activity 1 + volume 20 × 7/200 = 0.7 + depth 30 × 5/10 = 15
                        7.0), // one active day: the default
                new Expected(
                        user("casual"),
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        0,
                        3,
                        0,
                        0,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        0,
                        0,
                        0,
                        Map.of(1, 3L),
                        List.of(0L, 0L, 0L, 0L, 0L, 0L, 3L),
                        List.of(),
                        "casual", // 3 events < 30
                        1.3, // activity 1 + volume 20 × 3/200 = 0.3
                        7.0),
                new Expected(
                        user("churned"),
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        0,
                        0,
                        0,
                        Map.of(),
                        List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L),
                        List.of(),
                        null, // no event in the window
                        0.0,
                        2.0), // 10 → 12 → 14 → 16 April; churnRisk: 74.75 days / 2 ≫ 4 gaps → 1
                new Expected(
                        user("wishlist"),
                        // P1: wishlist add 3 + collection add 4 = 7; P2: two wishlist adds 6; same day.
                        // rose 13 → 1, oud 7/13, vanilla 6/13; houses h1 7 → 1, h2 6/7.
                        List.of(
                                Map.entry(note("rose"), 1.0),
                                Map.entry(note("oud"), 0.5385),
                                Map.entry(note("vanilla"), 0.4615)),
                        List.of(Map.entry(house("h1"), 1.0), Map.entry(house("h2"), 0.8571)),
                        List.of(new BigDecimal("55.00"), new BigDecimal("95.00"), new BigDecimal("75.00")),
                        List.of(Map.entry("Eau de Parfum", 1L), Map.entry("Eau de Toilette", 1L)),
                        0,
                        0,
                        0,
                        0,
                        2, // COLLECTION_ADD and COLLECTION_REMOVE
                        0,
                        0,
                        null,
                        0,
                        null,
                        1, // P1 (the removal of P2 from the collection removes nothing)
                        1, // P2 (added twice); P1 removed after its add
                        0,
                        Map.of(9, 6L),
                        List.of(0L, 0L, 0L, 6L, 0L, 0L, 0L),
                        List.of(),
                        "casual",
                        // activity 1 + volume 20 × 6/200 = 0.6 + depth 30 × (3 wishlist adds + 1 collection add)/10
                        13.6,
                        7.0));
    }
}
