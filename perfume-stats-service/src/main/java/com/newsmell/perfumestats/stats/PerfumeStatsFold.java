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
 * viewers, latest view, latest house, the views that fall in the row's 7/30-day windows), the membership and rating
 * changes the batch made, then the derived fields ({@link StatsFormulas}).
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
        row.viewDurationSum = row.viewDurationSum.add(c.viewDurationSum);
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
        addToWindows(row, t);
        if (!t.viewers.isEmpty()) {
            UniqueViewers.Result r = UniqueViewers.add(row.viewersSketch, t.viewers, lgK);
            row.viewersSketch = r.sketch();
            row.uniqueViewers = r.estimate();
        }
    }

    /**
     * The windows are as of the row's {@code windowsAsOf} (the hourly job computed them from the buckets under the
     * row's lock): a view consumed later whose hour lies in a window is added to it, so the window stays the exact
     * count of views in [asOf - N days, asOf) however late they arrive. Without an as-of (not computed yet) there is
     * nothing to add to.
     */
    private static void addToWindows(PerfumeInteractionStats row, PerfumeTally t) {
        if (row.windowsAsOf == null) {
            return;
        }
        t.viewsByHour.forEach((hour, views) -> {
            if (ViewWindow.LAST_7_DAYS.containsHour(row.windowsAsOf, hour)) {
                row.viewsLast7Days += views;
            }
            if (ViewWindow.LAST_30_DAYS.containsHour(row.windowsAsOf, hour)) {
                row.viewsLast30Days += views;
            }
        });
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
        row.overallSum = row.overallSum.add(d.sums[0]);
        row.totalRatings += d.counts[0];
        row.longevitySum = row.longevitySum.add(d.sums[1]);
        row.longevityCount += d.counts[1];
        row.sillageSum = row.sillageSum.add(d.sums[2]);
        row.sillageCount += d.counts[2];
        row.priceValueSum = row.priceValueSum.add(d.sums[3]);
        row.priceValueCount += d.counts[3];
        row.genderSum = row.genderSum.add(d.sums[4]);
        row.genderCount += d.counts[4];
    }
}
