package com.newsmell.perfumestats.stats;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API's view of a PerfumeInteractionStats row: every field of the specification, the extra rating averages,
 * the numerator and denominator of every average and rate, and {@code asOf}, the hour the windows and the trending
 * score are as of (absent before the hourly job computed this perfume); the counters are as of {@code updatedAt}.
 * Every field is defined in docs/metrics.md ("perfume-stats-service"); bot events are left out of all of them.
 */
@Schema(
        description = "A perfume's interaction statistics (docs/metrics.md, perfume-stats-service). Bot events are"
                + " left out of every figure.")
public record PerfumeStatsView(
        @Schema(description = "The perfume.") String perfumeId,

        @Schema(description = "The latest (by event time) houseId seen on the perfume's events; not in the seed.")
        String houseId,

        @Schema(description = "PERFUME_VIEW events, all time. Immediate.")
        int totalViews,

        @Schema(
                description = "Distinct viewers (userId, else the session) of the PERFUME_VIEW events, all time;"
                        + " exact up to ~1,500, an HLL estimate (~0.8% error) beyond. Immediate.")
        int uniqueViewers,

        @Schema(
                description = "viewDurationSumMs / viewDurationCount, in ms; 0 when no view has a duration (the"
                        + " seed's avgViewDuration, default 0). Immediate.")
        double avgViewDurationMs,

        @Schema(deprecated = true, description = "Deprecated: use avgViewDurationMs (the same value, in ms).")
        double avgViewDuration,

        @Schema(
                description = "Σ of the views' durations, in ms (eventData.viewDuration, else the event's"
                        + " duration; decimals kept): avgViewDurationMs's numerator.")
        double viewDurationSumMs,

        @Schema(deprecated = true, description = "Deprecated: use viewDurationSumMs (the same value, in ms).")
        double viewDurationSum,

        @Schema(description = "The views that carried a duration: avgViewDurationMs's denominator.")
        int viewDurationCount,

        @Schema(
                description = "Users (userId, else the session) whose latest rating (RATING_COMPLETED or"
                        + " RATING_UPDATED, by event time) has an overall value: avgRating's denominator.")
        int totalRatings,

        @Schema(description = "ratingSum / totalRatings, 1-5; absent without ratings.")
        Double avgRating,

        @Schema(description = "Σ of those users' latest overall values: avgRating's numerator.")
        double ratingSum,

        @Schema(description = "longevitySum / longevityCount over the users' latest ratings, 1-5; absent without any.")
        Double avgLongevity,

        @Schema(description = "Σ of the users' latest longevity values.")
        double longevitySum,

        @Schema(description = "Users whose latest rating has a longevity value.")
        int longevityCount,

        @Schema(description = "sillageSum / sillageCount over the users' latest ratings, 1-5; absent without any.")
        Double avgSillage,

        @Schema(description = "Σ of the users' latest sillage values.")
        double sillageSum,

        @Schema(description = "Users whose latest rating has a sillage value.")
        int sillageCount,

        @Schema(
                description =
                        "priceValueSum / priceValueCount over the users' latest ratings, 1-5; absent without any.")
        Double avgPriceValue,

        @Schema(description = "Σ of the users' latest priceValue values.")
        double priceValueSum,

        @Schema(description = "Users whose latest rating has a priceValue value.")
        int priceValueCount,

        @Schema(description = "genderSum / genderCount over the users' latest ratings, 1-5; absent without any.")
        Double avgGender,

        @Schema(description = "Σ of the users' latest gender values.")
        double genderSum,

        @Schema(description = "Users whose latest rating has a gender value.")
        int genderCount,

        @Schema(description = "REVIEW_SUBMITTED events (REVIEW_UPDATED not counted). Immediate.")
        int totalReviews,

        @Schema(description = "Always 0: the event contract has no comment event.")
        int totalComments,

        @Schema(
                description = "(user, perfume) pairs in a wishlist now: each pair takes the state of its latest"
                        + " WISHLIST_ADD / WISHLIST_REMOVE by event time. Immediate.")
        int inWishlistCount,

        @Schema(
                description = "(user, perfume) pairs in a collection now (COLLECTION_ADD / COLLECTION_REMOVE,"
                        + " latest by event time; COLLECTION_UPDATE doesn't count). Immediate.")
        int inCollectionCount,

        @Schema(
                description = "Searches (SEARCH_PERFORMED, SEARCH_REFINED) whose resultPerfumeIds list the"
                        + " perfume, once per search: searchCTR's denominator.")
        int searchImpressions,

        @Schema(description = "SEARCH_RESULT_CLICKED events on the perfume: searchCTR's numerator.")
        int searchClicks,

        @Schema(description = "searchClicks / searchImpressions; absent without impressions.")
        Double searchCTR,

        @Schema(description = "RECOMMENDATION_SHOWN events: recommendationCTR's denominator.")
        int recommendationImpressions,

        @Schema(deprecated = true, description = "Deprecated: use recommendationImpressions (the same value).")
        int recommendationImprs,

        @Schema(description = "RECOMMENDATION_CLICKED events: recommendationCTR's numerator.")
        int recommendationClicks,

        @Schema(description = "recommendationClicks / recommendationImpressions; absent without impressions.")
        Double recommendationCTR,

        @Schema(description = "TRADE_INQUIRY events. Immediate.")
        int tradeInquiries,

        @Schema(
                description = "TRADE_ACCEPTED events: the seed has no TRADE_COMPLETED type, and an accepted"
                        + " trade is the completed one. Immediate.")
        int tradeCompleted,

        @Schema(
                description = "PERFUME_VIEW events with a time in [asOf - 7 days, asOf), exactly (views consumed"
                        + " after the hourly job are added as they arrive); 0 while asOf is absent.")
        int viewsLast7Days,

        @Schema(
                description =
                        "PERFUME_VIEW events with a time in [asOf - 30 days, asOf), exactly; 0 while asOf is absent.")
        int viewsLast30Days,

        @Schema(
                description = "Momentum: the decayed weighted engagement of the last 168 hours over what the"
                        + " perfume's own 30-day rate predicts (≈1 steady, >1 rising), as of asOf (hourly).")
        double trendingScore,

        @Schema(description = "The latest time of a view (its timestamp, never later than when it was received).")
        Instant lastViewedAt,

        @Schema(description = "When the counters last changed.")
        Instant updatedAt,

        @Schema(
                description = "The whole UTC hour viewsLast7Days, viewsLast30Days and trendingScore are as of"
                        + " (the hourly job's); absent until the job computed this perfume.")
        Instant asOf) {

    public static PerfumeStatsView of(PerfumeInteractionStats s) {
        return new PerfumeStatsView(
                s.perfumeId,
                s.houseId,
                s.totalViews,
                s.uniqueViewers,
                s.avgViewDuration,
                s.avgViewDuration,
                s.viewDurationSum.doubleValue(),
                s.viewDurationSum.doubleValue(),
                s.viewDurationCount,
                s.totalRatings,
                s.avgRating,
                s.overallSum.doubleValue(),
                s.avgLongevity,
                s.longevitySum.doubleValue(),
                s.longevityCount,
                s.avgSillage,
                s.sillageSum.doubleValue(),
                s.sillageCount,
                s.avgPriceValue,
                s.priceValueSum.doubleValue(),
                s.priceValueCount,
                s.avgGender,
                s.genderSum.doubleValue(),
                s.genderCount,
                s.totalReviews,
                s.totalComments,
                s.inWishlistCount,
                s.inCollectionCount,
                s.searchImpressions,
                s.searchClicks,
                s.searchCtr,
                s.recommendationImprs,
                s.recommendationImprs,
                s.recommendationClicks,
                s.recommendationCtr,
                s.tradeInquiries,
                s.tradeCompleted,
                s.viewsLast7Days,
                s.viewsLast30Days,
                s.trendingScore,
                s.lastViewedAt,
                s.updatedAt,
                s.windowsAsOf);
    }
}
