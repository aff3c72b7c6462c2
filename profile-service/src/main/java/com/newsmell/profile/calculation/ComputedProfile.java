package com.newsmell.profile.calculation;

import java.time.LocalDate;
import java.util.List;

/**
 * Every field of the seed's UserBehaviorProfile that a run computes (lastActiveDate is real time and churnRisk is
 * computed when read, from usualGapDays). Counts are over the window.
 */
public record ComputedProfile(
        String userId,
        List<Weighted> preferredNotes,
        List<Weighted> preferredHouses,
        PriceRange preferredPriceRange,
        List<Counted> preferredPerfumeTypes,
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
        long[] activeTimeOfDay,
        long[] activeDaysOfWeek,
        List<Counted> searchPatterns,
        BrowsingStyle browsingStyle,
        double engagementScore,
        double usualGapDays,
        LocalDate windowStart,
        LocalDate historyStart) {}
