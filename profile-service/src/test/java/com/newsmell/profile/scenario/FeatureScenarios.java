package com.newsmell.profile.scenario;

import com.newsmell.profile.features.FeatureLayout;
import com.newsmell.profile.features.Vocabulary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #12: the exact feature vector of each of {@link Scenarios}' hand-built users at {@link Scenarios#NOW}, with the
 * default rules and caps and the vocabulary {@link #vocabulary}: the features that are not 0, by name (every other
 * feature is 0). Log-scaled figures are min(ln(1 + x) / ln(1 + cap), 1), rounded half-even to 4 decimals; the
 * arithmetic is beside each. One definition for the pure test and the test through Kafka, the job and the API.
 */
public final class FeatureScenarios {

    private final Scenarios s;

    public FeatureScenarios(Scenarios s) {
        this.s = s;
    }

    /** Notes rose, oud, vanilla; houses h1, h2; prices 0, 10, …, 200 at 0 %, 5 %, …, 100 %. */
    public Vocabulary vocabulary() {
        List<BigDecimal> points = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            points.add(BigDecimal.valueOf(10L * i));
        }
        return new Vocabulary(
                List.of(s.note("rose"), s.note("oud"), s.note("vanilla")),
                List.of(s.house("h1"), s.house("h2")),
                FeatureLayout.PERFUME_TYPES,
                points);
    }

    /** When each user was first seen (their first event): accountAge's start, none of them registered. */
    public Map<String, Instant> firstSeen() {
        return Map.of(
                s.user("explorer"), Instant.parse("2024-06-24T15:00:00Z"),
                s.user("focused"), Instant.parse("2024-06-14T10:00:00Z"),
                s.user("trader"), Instant.parse("2024-06-29T12:00:00Z"),
                s.user("casual"), Instant.parse("2024-06-30T01:00:00Z"),
                s.user("churned"), Instant.parse("2024-04-10T09:00:00Z"),
                s.user("wishlist"), Instant.parse("2024-06-20T09:00:00Z"));
    }

    /** The features that are not 0, per user. */
    public Map<String, Map<String, Double>> expected() {
        Map<String, Map<String, Double>> all = new LinkedHashMap<>();
        all.put(s.user("explorer"), explorer());
        all.put(s.user("focused"), focused());
        all.put(s.user("trader"), trader());
        all.put(s.user("casual"), casual());
        all.put(s.user("churned"), churned());
        all.put(s.user("wishlist"), wishlist());
        return all;
    }

    /** 20 views of 20 perfumes the catalog does not know, 10 searches; Mon–Fri 15:00; no session. */
    private static Map<String, Double> explorer() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("accountAge", 0.256); // 5 days (24 June 15:00 → 30 June 03:00), cap 1095
        v.put("totalPageViews", 0.4407); // 20, cap 1000
        v.put("totalEvents", 0.4518); // 30, cap 2000
        v.put("activeDaysShare", 0.1667); // 5 / 30
        v.put("eventsPerActiveDay", 0.3669); // 6, cap 200
        v.put("totalPerfumesViewed", 0.5335); // 20, cap 300
        v.put("engagementScore", 0.08); // 8 / 100
        v.put("historyActiveDaysShare", 0.0556); // 5 / 90
        v.put("lifetimePerfumes", 0.4407); // 20, cap 1000
        v.put("explorationScore", 1.0); // 20 distinct / 20 views
        v.put("styleExplorer", 1.0);
        for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")) {
            v.put("dayOfWeek" + day, 0.2); // 6 of 30 events each
        }
        v.put("hourOfDayDaytime", 1.0); // 15:00
        return v;
    }

    /** P1 (28 June) and P2 (14 June): 10 views, 3 notes expanded, a rating (5, 4), a review each; a search; 2 sessions. */
    private Map<String, Double> focused() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("accountAge", 0.3961); // 15 days
        v.put("totalSessions", 0.2672); // 2, cap 60
        v.put("avgSessionDuration", 0.3333); // 600,000 ms / 1,800,000
        v.put("totalPageViews", 0.4407); // 20
        v.put("perfumeViewRate", 0.05); // 2 perfumes / 2 sessions = 1, / 20
        v.put("searchRate", 0.05); // 1 search / 2 sessions = 0.5, / 10
        v.put("interactionRate", 0.2); // 4 / 20
        v.put("totalEvents", 0.4559); // 31
        v.put("activeDaysShare", 0.1); // 3 / 30
        v.put("eventsPerActiveDay", 0.4578); // 31 / 3, cap 200
        v.put("totalPerfumesViewed", 0.1925); // 2, cap 300
        v.put("engagementScore", 0.381); // 38.1
        v.put("pagesPerSession", 0.1); // (3 + 3) / 2 = 3, / 30
        v.put("historyActiveDaysShare", 0.0333); // 3 / 90
        v.put("ratingsCount", 0.2794); // 2, cap 50
        v.put("reviewsCount", 0.3608); // 2, cap 20
        v.put("avgRatingValue", 0.875); // (4.5 − 1) / 4
        v.put("hasRatings", 1.0);
        v.put("avgReviewLength", 0.6071); // 100, cap 2000
        v.put("positiveRatingShare", 1.0); // 5 and 4
        v.put("ratedPerfumes", 0.2072); // 2, cap 200
        v.put("lifetimePerfumes", 0.159); // 2
        v.put("note01", 1.0); // rose: the profile's preferredNotes weights
        v.put("note02", 0.6789); // oud
        v.put("note03", 0.3211); // vanilla
        v.put("house01", 1.0); // h1
        v.put("house02", 0.473); // h2
        v.put("pricePointIndex", 0.375); // average 75: (7 + 5/10) / 20
        v.put("priceRangeWidth", 0.2); // 95 → 0.475, 55 → 0.275
        v.put("hasPriceSignal", 1.0);
        v.put("typeEauDeParfum", 0.5); // P1
        v.put("typeEauDeToilette", 0.5); // P2
        v.put("noteVocabularyCoverage", 1.0);
        v.put("explorationScore", 0.1); // 2 distinct / 20 views
        v.put("contentCreation", 0.3608); // 2 reviews, cap 20
        v.put("notesExpandedRate", 0.3); // 6 / 20
        v.put("houseLoyalty", 0.6789); // h1 37 / (37 + 17.5)
        v.put("styleFocused", 1.0);
        v.put("dayOfWeekFriday", 1.0);
        v.put("hourOfDayDaytime", 1.0); // 10:00
        return v;
    }

    /** Sat 29 June 12:00: 3 trade offers, 1 accepted, 1 inquiry (P2), 2 page views. */
    private static Map<String, Double> trader() {
        Map<String, Double> v = new LinkedHashMap<>();
        // accountAge 0: 15 hours
        v.put("totalPageViews", 0.159); // 2
        v.put("totalEvents", 0.2736); // 7
        v.put("activeDaysShare", 0.0333); // 1 / 30
        v.put("eventsPerActiveDay", 0.3921); // 7
        v.put("engagementScore", 0.167);
        v.put("historyActiveDaysShare", 0.0111); // 1 / 90
        v.put("lifetimePerfumes", 0.1003); // P2 (its trade events), cap 1000
        v.put("tradingActivity", 0.5885); // 5, cap 20
        v.put("socialActivity", 0.1763); // TRADE_INQUIRY, cap 50
        v.put("tradeSuccessRate", 1.0); // 1 accepted, none declined
        v.put("styleTrader", 1.0);
        v.put("dayOfWeekSaturday", 1.0);
        v.put("hourOfDayDaytime", 1.0);
        return v;
    }

    /** Sun 30 June 01:00: 3 page views. */
    private static Map<String, Double> casual() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("totalPageViews", 0.2007); // 3
        v.put("totalEvents", 0.1824); // 3
        v.put("activeDaysShare", 0.0333);
        v.put("eventsPerActiveDay", 0.2614); // 3
        v.put("engagementScore", 0.013);
        v.put("historyActiveDaysShare", 0.0111);
        v.put("styleCasual", 1.0);
        v.put("dayOfWeekSunday", 1.0);
        v.put("hourOfDayNight", 1.0); // 01:00
        return v;
    }

    /** 10–16 April, nothing in the window. */
    private static Map<String, Double> churned() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("accountAge", 0.6278); // 80 days
        v.put("historyActiveDaysShare", 0.0444); // 4 / 90
        return v;
    }

    /** Thu 20 June 09:00–09:25: P1 wishlisted, removed, collected; P2 wishlisted twice, removed from the collection. */
    private Map<String, Double> wishlist() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("accountAge", 0.329); // 9 days (20 June 09:00 → 30 June 03:00)
        v.put("totalEvents", 0.256); // 6
        v.put("activeDaysShare", 0.0333);
        v.put("eventsPerActiveDay", 0.3669); // 6
        v.put("engagementScore", 0.136);
        v.put("historyActiveDaysShare", 0.0111);
        v.put("collectionSize", 0.1307); // 1, cap 200
        v.put("wishlistSize", 0.1307); // 1
        v.put("collectionGrowthRate", 0.0467); // 1 add × 7 / 30 = 0.2333 a week, / 5
        v.put("wishlistGrowthRate", 0.14); // 3 adds × 7 / 30 = 0.7 a week, / 5
        v.put("removalShare", 0.3333); // 2 removes of 6 changes
        v.put("ownedShare", 0.5); // 1 / (1 + 1)
        v.put("lifetimePerfumes", 0.159); // P1, P2
        v.put("note01", 1.0); // rose 13
        v.put("note02", 0.5385); // oud 7 / 13
        v.put("note03", 0.4615); // vanilla 6 / 13
        v.put("house01", 1.0); // h1 7
        v.put("house02", 0.8571); // h2 6 / 7
        v.put("pricePointIndex", 0.375);
        v.put("priceRangeWidth", 0.2);
        v.put("hasPriceSignal", 1.0);
        v.put("typeEauDeParfum", 0.5);
        v.put("typeEauDeToilette", 0.5);
        v.put("noteVocabularyCoverage", 1.0);
        // P1 collected 20 min after its first event, P2 held by the wishlist add 5 min after: median 12.5 min, cap 720
        // h
        v.put("responseTime", 0.0288);
        v.put("houseLoyalty", 0.5385); // 7 / 13
        v.put("styleCasual", 1.0);
        v.put("dayOfWeekThursday", 1.0);
        v.put("hourOfDayDaytime", 1.0);
        return v;
    }

    /** The expected vector: the named values, every other feature 0, in the layout's order. */
    public static double[] vector(Map<String, Double> nonZero) {
        var features = FeatureLayout.defaults();
        double[] values = new double[features.size()];
        for (var f : features) {
            values[f.position()] = nonZero.getOrDefault(f.name(), 0.0);
        }
        for (String name : nonZero.keySet()) {
            if (features.stream().noneMatch(f -> f.name().equals(name))) {
                throw new IllegalArgumentException("no feature " + name);
            }
        }
        return values;
    }
}
