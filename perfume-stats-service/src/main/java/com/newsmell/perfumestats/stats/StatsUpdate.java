package com.newsmell.perfumestats.stats;

import com.newsmell.perfumestats.rating.RatingDelta;
import com.newsmell.perfumestats.viewers.UniqueViewers;

/** How one batch's tally of a perfume changes its row (the derived fields are left to {@link StatsFormulas}). */
final class StatsUpdate {

    private StatsUpdate() {}

    static void addCounters(PerfumeInteractionStats row, Counters c) {
        row.totalViews += c.views;
        row.viewDurationSum += c.viewDurationSum;
        row.viewDurationCount += c.viewDurationCount;
        row.totalReviews += c.reviews;
        row.tradeInquiries += c.tradeInquiries;
        row.tradeCompleted += c.tradeCompleted;
        row.searchImpressions += c.searchImpressions;
        row.searchClicks += c.searchClicks;
        row.recommendationImprs += c.recommendationImprs;
        row.recommendationClicks += c.recommendationClicks;
    }

    static void addViews(PerfumeInteractionStats row, PerfumeTally t, int lgK) {
        if (t.lastViewedAt != null && (row.lastViewedAt == null || t.lastViewedAt.isAfter(row.lastViewedAt))) {
            row.lastViewedAt = t.lastViewedAt;
        }
        if (!t.viewers.isEmpty()) {
            UniqueViewers.Result r = UniqueViewers.add(row.viewersSketch, t.viewers, lgK);
            row.viewersSketch = r.sketch();
            row.uniqueViewers = r.estimate();
        }
    }

    static void addHouse(PerfumeInteractionStats row, PerfumeTally t) {
        if (t.houseId != null && (row.houseSeenAt == null || t.houseSeenAt.isAfter(row.houseSeenAt))) {
            row.houseId = t.houseId;
            row.houseSeenAt = t.houseSeenAt;
        }
    }

    static void addRatings(PerfumeInteractionStats row, RatingDelta d) {
        if (d == null) {
            return;
        }
        row.overallSum += d.sums[0];
        row.totalRatings += d.counts[0];
        row.longevitySum += d.sums[1];
        row.longevityCount += d.counts[1];
        row.sillageSum += d.sums[2];
        row.sillageCount += d.counts[2];
        row.priceValueSum += d.sums[3];
        row.priceValueCount += d.counts[3];
        row.genderSum += d.sums[4];
        row.genderCount += d.counts[4];
    }
}
