package com.newsmell.perfumestats.reconcile;

import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The counters the daily reconciliation re-derives: from the daily buckets (event counts), the membership table
 * (set semantics) and the rating table (latest rating per user); {@link ReconcileRepository} derives them. The
 * derived fields (averages, CTRs) follow.
 */
public enum ReconciledField {
    TOTAL_VIEWS("totalViews", s -> s.totalViews, (s, v) -> s.totalViews = (int) v),
    VIEW_DURATION_SUM("viewDurationSum", s -> s.viewDurationSum, (s, v) -> s.viewDurationSum = v),
    VIEW_DURATION_COUNT("viewDurationCount", s -> s.viewDurationCount, (s, v) -> s.viewDurationCount = (int) v),
    TOTAL_REVIEWS("totalReviews", s -> s.totalReviews, (s, v) -> s.totalReviews = (int) v),
    TRADE_INQUIRIES("tradeInquiries", s -> s.tradeInquiries, (s, v) -> s.tradeInquiries = (int) v),
    TRADE_COMPLETED("tradeCompleted", s -> s.tradeCompleted, (s, v) -> s.tradeCompleted = (int) v),
    SEARCH_IMPRESSIONS("searchImpressions", s -> s.searchImpressions, (s, v) -> s.searchImpressions = (int) v),
    SEARCH_CLICKS("searchClicks", s -> s.searchClicks, (s, v) -> s.searchClicks = (int) v),
    RECOMMENDATION_IMPRS("recommendationImprs", s -> s.recommendationImprs, (s, v) -> s.recommendationImprs = (int) v),
    RECOMMENDATION_CLICKS(
            "recommendationClicks", s -> s.recommendationClicks, (s, v) -> s.recommendationClicks = (int) v),
    IN_WISHLIST_COUNT("inWishlistCount", s -> s.inWishlistCount, (s, v) -> s.inWishlistCount = (int) v),
    IN_COLLECTION_COUNT("inCollectionCount", s -> s.inCollectionCount, (s, v) -> s.inCollectionCount = (int) v),
    TOTAL_RATINGS("totalRatings", s -> s.totalRatings, (s, v) -> s.totalRatings = (int) v),
    OVERALL_SUM("overallSum", s -> s.overallSum, (s, v) -> s.overallSum = v),
    LONGEVITY_COUNT("longevityCount", s -> s.longevityCount, (s, v) -> s.longevityCount = (int) v),
    LONGEVITY_SUM("longevitySum", s -> s.longevitySum, (s, v) -> s.longevitySum = v),
    SILLAGE_COUNT("sillageCount", s -> s.sillageCount, (s, v) -> s.sillageCount = (int) v),
    SILLAGE_SUM("sillageSum", s -> s.sillageSum, (s, v) -> s.sillageSum = v),
    PRICE_VALUE_COUNT("priceValueCount", s -> s.priceValueCount, (s, v) -> s.priceValueCount = (int) v),
    PRICE_VALUE_SUM("priceValueSum", s -> s.priceValueSum, (s, v) -> s.priceValueSum = v),
    GENDER_COUNT("genderCount", s -> s.genderCount, (s, v) -> s.genderCount = (int) v),
    GENDER_SUM("genderSum", s -> s.genderSum, (s, v) -> s.genderSum = v);

    /** The field's name in PerfumeInteractionStats (and in the drift report and metric). */
    final String field;

    private final ToLongFunction<PerfumeInteractionStats> stored;
    private final ObjLongConsumer<PerfumeInteractionStats> setter;

    ReconciledField(
            String field,
            ToLongFunction<PerfumeInteractionStats> stored,
            ObjLongConsumer<PerfumeInteractionStats> setter) {
        this.field = field;
        this.stored = stored;
        this.setter = setter;
    }

    long get(PerfumeInteractionStats row) {
        return stored.applyAsLong(row);
    }

    void set(PerfumeInteractionStats row, long value) {
        setter.accept(row, value);
    }
}
