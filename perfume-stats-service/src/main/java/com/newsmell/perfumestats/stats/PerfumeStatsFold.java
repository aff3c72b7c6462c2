package com.newsmell.perfumestats.stats;

import com.newsmell.perfumestats.membership.ListKind;
import com.newsmell.perfumestats.rating.RatingDelta;
import com.newsmell.perfumestats.timeseries.Counters;
import com.newsmell.perfumestats.viewers.UniqueViewers;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one batch changes the locked PerfumeInteractionStats rows it touches: its tally of each perfume (counters,
 * viewers, latest view, latest house), the membership and rating changes the batch made, then the derived fields
 * ({@link StatsFormulas}).
 */
final class PerfumeStatsFold {

    private PerfumeStatsFold() {}

    /**
     * Folds the batch into its perfumes' rows.
     *
     * @param rows the locked rows, one per perfume of {@code tally}
     * @param listDelta per list and perfumeId, how many pairs entered (+) or left (-) the list
     * @param ratingDelta per perfumeId, how the rating sums and counts change
     * @param lgK the unique-viewers sketch size
     * @param now the rows' new {@code updatedAt}
     */
    static void fold(
            List<PerfumeInteractionStats> rows,
            BatchTally tally,
            Map<ListKind, Map<String, Integer>> listDelta,
            Map<String, RatingDelta> ratingDelta,
            int lgK,
            Instant now) {
        Map<String, Integer> wishlist = listDelta.getOrDefault(ListKind.WISHLIST, Map.of());
        Map<String, Integer> collection = listDelta.getOrDefault(ListKind.COLLECTION, Map.of());
        for (PerfumeInteractionStats row : rows) {
            PerfumeTally t = tally.perfumes().get(row.perfumeId);
            addCounters(row, t.counters);
            addViews(row, t, lgK);
            addHouse(row, t);
            addRatings(row, ratingDelta.get(row.perfumeId));
            row.inWishlistCount = Math.max(0, row.inWishlistCount + wishlist.getOrDefault(row.perfumeId, 0));
            row.inCollectionCount = Math.max(0, row.inCollectionCount + collection.getOrDefault(row.perfumeId, 0));
            StatsFormulas.derive(row);
            row.updatedAt = now;
        }
    }

    private static void addCounters(PerfumeInteractionStats row, Counters c) {
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

    private static void addViews(PerfumeInteractionStats row, PerfumeTally t, int lgK) {
        if (t.lastViewedAt != null && (row.lastViewedAt == null || t.lastViewedAt.isAfter(row.lastViewedAt))) {
            row.lastViewedAt = t.lastViewedAt;
        }
        if (!t.viewers.isEmpty()) {
            UniqueViewers.Result r = UniqueViewers.add(row.viewersSketch, t.viewers, lgK);
            row.viewersSketch = r.sketch();
            row.uniqueViewers = r.estimate();
        }
    }

    private static void addHouse(PerfumeInteractionStats row, PerfumeTally t) {
        if (t.houseId != null && (row.houseSeenAt == null || t.houseSeenAt.isAfter(row.houseSeenAt))) {
            row.houseId = t.houseId;
            row.houseSeenAt = t.houseSeenAt;
        }
    }

    private static void addRatings(PerfumeInteractionStats row, RatingDelta d) {
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
