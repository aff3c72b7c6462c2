package com.newsmell.perfumestats;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.TRADE_ACCEPTED;
import static com.newsmell.contract.InteractionEventType.TRADE_INQUIRY;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static com.newsmell.perfumestats.Events.bot;
import static com.newsmell.perfumestats.Events.perfume;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.TopicReader;
import com.newsmell.perfumestats.trending.TrendingFormula;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: {@code GET /v1/perfumes/{perfumeId}/features}, the seed's PerfumeFeatures, through the real broker
 * (events and the catalog topic), PostgreSQL, the jobs and HTTP, with exact values.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class PerfumeFeaturesResourceTest {

    /** The fields that come from the catalog: absent (the API leaves out what has no value) without an entry. */
    private static final List<String> ATTRIBUTES = List.of(
            "catalogVersion",
            "name",
            "houseName",
            "notes",
            "noteCategories",
            "perfumeType",
            "concentration",
            "launchYear",
            "avgPrice",
            "priceCurrency");

    /** The latest Sunday 00:00 UTC at least a day ago: the end of the week the tests analyse. */
    static Instant lastWeekEnd() {
        return LocalDate.now(ZoneOffset.UTC)
                .minusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** A catalog entry as the collector publishes it (base currency), with four notes over three categories. */
    static void publishCatalogEntry(String perfumeId, String houseId) {
        String entry = "{\"perfumeId\":\"" + perfumeId + "\",\"name\":\"Velvet Oud\",\"houseId\":\"" + houseId
                + "\",\"houseName\":\"Maison Lumiere\",\"notes\":["
                + "{\"noteId\":\"note-bergamot\",\"name\":\"bergamot\",\"layer\":\"top\",\"category\":\"citrus\"},"
                + "{\"noteId\":\"note-rose\",\"name\":\"rose\",\"layer\":\"heart\",\"category\":\"floral\"},"
                + "{\"noteId\":\"note-jasmine\",\"name\":\"jasmine\",\"layer\":\"heart\",\"category\":\"floral\"},"
                + "{\"noteId\":\"note-oud\",\"name\":\"oud\",\"layer\":\"base\",\"category\":\"woody\"}],"
                + "\"perfumeType\":\"Eau de Parfum\",\"concentration\":\"eau-de-parfum\",\"launchYear\":2019,"
                + "\"price\":{\"amount\":92.50,\"currency\":\"EUR\"},"
                + "\"originalPrice\":{\"amount\":100,\"currency\":\"USD\"},\"version\":4}";
        TopicReader.write(Infra.shared().topic(ServiceConfig.PERFUME_CATALOG), List.of(Map.entry(perfumeId, entry)));
    }

    /**
     * A hand-built perfume: catalog entry, two weeks of events by three users (and a bot), the hourly and weekly jobs
     * run as of the Sunday the week ends; every feature has its exact value.
     */
    @Test
    void aHandBuiltPerfumeHasExactFeatures() {
        Instant weekEnd = lastWeekEnd();
        Instant thisWeek = weekEnd.minus(Duration.ofDays(2)).plus(Duration.ofHours(10)); // Friday 10:00
        Instant previousWeek = weekEnd.minus(Duration.ofDays(9)).plus(Duration.ofHours(10)); // the Friday before
        String p = perfume();
        String house = "h-" + UUID.randomUUID();
        publishCatalogEntry(p, house);
        Events u1 = new Events("u1-" + UUID.randomUUID());
        Events u2 = new Events("u2-" + UUID.randomUUID());
        Events u3 = new Events("u3-" + UUID.randomUUID());
        Events.publish(
                // the week before: 2 views, 1 wishlist add
                u3.view(p, previousWeek),
                u3.view(p, previousWeek.plusSeconds(1)),
                u3.simple(WISHLIST_ADD, p, previousWeek.plusSeconds(2)),
                // the week: 3 views, 2 wishlist adds (u3's remove takes u3 out but is no add), everything else once
                u1.view(p, thisWeek),
                u1.view(p, thisWeek.plusSeconds(1)),
                u2.view(p, thisWeek.plusSeconds(2)),
                u1.simple(WISHLIST_ADD, p, thisWeek.plusSeconds(3)),
                u2.simple(WISHLIST_ADD, p, thisWeek.plusSeconds(4)),
                u3.simple(WISHLIST_REMOVE, p, thisWeek.plusSeconds(5)),
                u1.simple(COLLECTION_ADD, p, thisWeek.plusSeconds(6)),
                u1.rating(RATING_COMPLETED, p, thisWeek.plusSeconds(7), 4),
                u2.rating(RATING_COMPLETED, p, thisWeek.plusSeconds(8), 5),
                u1.simple(REVIEW_SUBMITTED, p, thisWeek.plusSeconds(9)),
                u2.simple(TRADE_INQUIRY, p, thisWeek.plusSeconds(10)),
                u2.simple(TRADE_ACCEPTED, p, thisWeek.plusSeconds(11)),
                u1.search(thisWeek.plusSeconds(12), p, perfume()),
                bot(u1.view(p, thisWeek.plusSeconds(13))),
                bot(u1.simple(WISHLIST_ADD, p, thisWeek.plusSeconds(14))));
        Api.awaitStats(
                p,
                Map.of(
                        "totalViews", 5,
                        "inWishlistCount", 2,
                        "inCollectionCount", 1,
                        "totalRatings", 2,
                        "totalReviews", 1,
                        "tradeInquiries", 1,
                        "tradeCompleted", 1,
                        "searchImpressions", 1));
        Api.awaitFeatures(p, Map.of("inCatalog", true));

        Api.runHourly(weekEnd);
        Map<String, Object> weekly = Api.runWeeklyTrends(weekEnd);
        assertThat(weekly.get("asOf")).isEqualTo(Api.ms(weekEnd));

        // trendingScore (README "Trending score"): the week's hour weighs 1·3 views + 2·2 ratings + 3·2 wishlist adds
        // + 4·1 collection add + 5·1 trade inquiry = 22, decayed over its age (37.5 h to the hour's middle); the 30-day
        // baseline is those 22 and the week before's 1·2 + 3·1 = 5
        double recent = 22 * Math.pow(0.5, 37.5 / 24);
        double score = TrendingFormula.score(recent, 27, TrendingFormula.flatRateDecaySum(168, 24), 5);
        Map<String, Object> expected = new HashMap<>();
        expected.put("perfumeId", p);
        expected.put("inCatalog", true);
        expected.put("catalogVersion", 4);
        expected.put("name", "Velvet Oud");
        expected.put("houseId", house);
        expected.put("houseName", "Maison Lumiere");
        expected.put("notes", List.of("note-bergamot", "note-rose", "note-jasmine", "note-oud"));
        expected.put("noteCategories", List.of("citrus", "floral", "woody"));
        expected.put("perfumeType", "Eau de Parfum");
        expected.put("concentration", "eau-de-parfum");
        expected.put("launchYear", 2019);
        expected.put("avgPrice", 92.5);
        expected.put("priceCurrency", "EUR");
        expected.put("viewCount", 5);
        expected.put("uniqueViewers", 3);
        expected.put("wishlistCount", 2);
        expected.put("collectionCount", 1);
        expected.put("avgRating", 4.5);
        expected.put("ratingCount", 2);
        expected.put("reviewCount", 1);
        expected.put("reviewSentiment", null); // absent: no source
        expected.put("tradeVolume", 1);
        expected.put("tradeInquiries", 1);
        expected.put("searchVolume", 1);
        expected.put("viewGrowth", 0.5); // (3 − 2) / 2
        expected.put("wishlistGrowth", 1.0); // (2 − 1) / 1
        expected.put("growthWeekStart", weekEnd.minus(Duration.ofDays(7)));
        expected.put("weekViews", 3);
        expected.put("previousWeekViews", 2);
        expected.put("weekWishlistAdds", 2);
        expected.put("previousWeekWishlistAdds", 1);
        expected.put("trendingScore", score);
        expected.put("trendingScoreAsOf", weekEnd);

        Map<String, Object> features = Api.features(p);
        assertThat(Api.mismatches(features, expected)).isEmpty();
        assertThat(features).doesNotContainKey("reviewSentiment");
        assertThat(score).isBetween(0.1, 10.0); // the formula gave a real score, not 0
        // the features' signals are the stats' figures, under the seed's PerfumeFeatures names
        Map<String, Object> stats = Api.stats(p);
        assertThat(features.get("trendingScore")).isEqualTo(stats.get("trendingScore"));
        assertThat(features.get("searchVolume")).isEqualTo(stats.get("searchImpressions"));
    }

    /** A perfume with interactions but no catalog entry: attributes absent, flagged, not an error. */
    @Test
    void aPerfumeWithoutACatalogEntryIsFlaggedWithoutAttributes() {
        String p = perfume();
        String house = "h-" + UUID.randomUUID();
        Events u = new Events("u-" + UUID.randomUUID());
        Instant at = Instant.now().minus(Duration.ofHours(2));
        Events.publish(
                u.of(InteractionEventType.PERFUME_VIEW, p, at).houseId(house).build(),
                u.simple(WISHLIST_ADD, p, at.plusSeconds(1)));
        Api.awaitStats(p, Map.of("totalViews", 1, "inWishlistCount", 1));

        Map<String, Object> features = given().get("/v1/perfumes/" + p + "/features")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .as(Map.class);

        assertThat(Api.mismatches(
                        features,
                        Map.of(
                                "perfumeId", p,
                                "inCatalog", false,
                                "houseId", house, // the house seen on its events
                                "viewCount", 1,
                                "uniqueViewers", 1,
                                "wishlistCount", 1,
                                "collectionCount", 0,
                                "ratingCount", 0,
                                "trendingScore", 0)))
                .isEmpty();
        assertThat(features).doesNotContainKeys(ATTRIBUTES.toArray(String[]::new));
        assertThat(features).doesNotContainKeys("avgRating", "viewGrowth", "wishlistGrowth", "growthWeekStart");
    }

    /** A catalog perfume nobody has interacted with yet is known: its attributes, counts of 0. */
    @Test
    void aCatalogPerfumeWithoutInteractionsHasItsAttributesAndZeroCounts() {
        String p = perfume();
        String house = "h-" + UUID.randomUUID();
        publishCatalogEntry(p, house);

        Map<String, Object> features = Api.awaitFeatures(p, Map.of("inCatalog", true));

        assertThat(Api.mismatches(
                        features,
                        Map.of(
                                "houseId", house,
                                "name", "Velvet Oud",
                                "noteCategories", List.of("citrus", "floral", "woody"),
                                "viewCount", 0,
                                "wishlistCount", 0,
                                "ratingCount", 0,
                                "searchVolume", 0,
                                "trendingScore", 0)))
                .isEmpty();
        assertThat(features).doesNotContainKeys("avgRating", "viewGrowth", "trendingScoreAsOf");
        given().get("/v1/perfumes/" + p + "/stats").then().statusCode(404); // no interactions: no stats
    }

    /** ADR 0015, "Unknown entities": neither in the catalog nor interacted with is a 404 problem. */
    @Test
    void anUnknownPerfumeIsNotFound() {
        given().get("/v1/perfumes/never-" + UUID.randomUUID() + "/features")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", endsWith("/perfume-not-found"));
    }

    /** ADR 0015: an unknown parameter is a 400 naming it; one perfume's features are JSON only. */
    @Test
    void unknownParametersAndCsvAreRefused() {
        given().queryParam("week", "2026-01-04")
                .get("/v1/perfumes/p/features")
                .then()
                .statusCode(400)
                .body("errors.parameter", hasItem("week"))
                .body("errors.rule", hasItem("unknown"));
        given().accept("text/csv").get("/v1/perfumes/p/features").then().statusCode(406);
    }
}
