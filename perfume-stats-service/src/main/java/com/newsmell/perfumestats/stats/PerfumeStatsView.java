package com.newsmell.perfumestats.stats;

import java.time.Instant;

/**
 * The API's view of a PerfumeInteractionStats row: every field of the specification, the extra rating
 * averages, and {@code asOf}, the hour the windows and the trending score were computed for (null before the
 * first hourly run); the counters are as of {@code updatedAt}.
 */
public record PerfumeStatsView(
        String perfumeId,
        String houseId,
        int totalViews,
        int uniqueViewers,
        double avgViewDuration,
        int totalRatings,
        Double avgRating,
        Double avgLongevity,
        Double avgSillage,
        Double avgPriceValue,
        Double avgGender,
        int totalReviews,
        int totalComments,
        int inWishlistCount,
        int inCollectionCount,
        int searchImpressions,
        int searchClicks,
        Double searchCTR,
        int recommendationImprs,
        int recommendationClicks,
        Double recommendationCTR,
        int tradeInquiries,
        int tradeCompleted,
        int viewsLast7Days,
        int viewsLast30Days,
        double trendingScore,
        Instant lastViewedAt,
        Instant updatedAt,
        Instant asOf) {

    public static PerfumeStatsView of(PerfumeInteractionStats s, Instant asOf) {
        return new PerfumeStatsView(
                s.perfumeId,
                s.houseId,
                s.totalViews,
                s.uniqueViewers,
                s.avgViewDuration,
                s.totalRatings,
                s.avgRating,
                s.avgLongevity,
                s.avgSillage,
                s.avgPriceValue,
                s.avgGender,
                s.totalReviews,
                s.totalComments,
                s.inWishlistCount,
                s.inCollectionCount,
                s.searchImpressions,
                s.searchClicks,
                s.searchCtr,
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
                asOf);
    }
}
