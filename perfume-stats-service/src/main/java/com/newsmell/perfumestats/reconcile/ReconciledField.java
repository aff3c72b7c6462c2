package com.newsmell.perfumestats.reconcile;

import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import java.math.BigDecimal;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The counters the daily reconciliation re-derives: from the daily buckets (event counts), the membership table
 * (set semantics) and the rating table (latest rating per user); {@link ReconcileRepository} derives them. The
 * derived fields (averages, CTRs) follow. Values are exact decimals: the sums of decimal view durations and
 * ratings are {@code numeric}, the counts whole numbers.
 */
public enum ReconciledField {
    TOTAL_VIEWS(count("totalViews", s -> s.totalViews, (s, v) -> s.totalViews = v)),
    VIEW_DURATION_SUM(sum("viewDurationSum", s -> s.viewDurationSum, (s, v) -> s.viewDurationSum = v)),
    VIEW_DURATION_COUNT(count("viewDurationCount", s -> s.viewDurationCount, (s, v) -> s.viewDurationCount = v)),
    TOTAL_REVIEWS(count("totalReviews", s -> s.totalReviews, (s, v) -> s.totalReviews = v)),
    TRADE_INQUIRIES(count("tradeInquiries", s -> s.tradeInquiries, (s, v) -> s.tradeInquiries = v)),
    TRADE_COMPLETED(count("tradeCompleted", s -> s.tradeCompleted, (s, v) -> s.tradeCompleted = v)),
    SEARCH_IMPRESSIONS(count("searchImpressions", s -> s.searchImpressions, (s, v) -> s.searchImpressions = v)),
    SEARCH_CLICKS(count("searchClicks", s -> s.searchClicks, (s, v) -> s.searchClicks = v)),
    RECOMMENDATION_IMPRS(count("recommendationImprs", s -> s.recommendationImprs, (s, v) -> s.recommendationImprs = v)),
    RECOMMENDATION_CLICKS(
            count("recommendationClicks", s -> s.recommendationClicks, (s, v) -> s.recommendationClicks = v)),
    IN_WISHLIST_COUNT(count("inWishlistCount", s -> s.inWishlistCount, (s, v) -> s.inWishlistCount = v)),
    IN_COLLECTION_COUNT(count("inCollectionCount", s -> s.inCollectionCount, (s, v) -> s.inCollectionCount = v)),
    TOTAL_RATINGS(count("totalRatings", s -> s.totalRatings, (s, v) -> s.totalRatings = v)),
    OVERALL_SUM(sum("overallSum", s -> s.overallSum, (s, v) -> s.overallSum = v)),
    LONGEVITY_COUNT(count("longevityCount", s -> s.longevityCount, (s, v) -> s.longevityCount = v)),
    LONGEVITY_SUM(sum("longevitySum", s -> s.longevitySum, (s, v) -> s.longevitySum = v)),
    SILLAGE_COUNT(count("sillageCount", s -> s.sillageCount, (s, v) -> s.sillageCount = v)),
    SILLAGE_SUM(sum("sillageSum", s -> s.sillageSum, (s, v) -> s.sillageSum = v)),
    PRICE_VALUE_COUNT(count("priceValueCount", s -> s.priceValueCount, (s, v) -> s.priceValueCount = v)),
    PRICE_VALUE_SUM(sum("priceValueSum", s -> s.priceValueSum, (s, v) -> s.priceValueSum = v)),
    GENDER_COUNT(count("genderCount", s -> s.genderCount, (s, v) -> s.genderCount = v)),
    GENDER_SUM(sum("genderSum", s -> s.genderSum, (s, v) -> s.genderSum = v));

    /** How one field is read and written, as an exact decimal. */
    private record Access(
            String field,
            Function<PerfumeInteractionStats, BigDecimal> getter,
            BiConsumer<PerfumeInteractionStats, BigDecimal> setter) {}

    /** The field's name in PerfumeInteractionStats (and in the drift report and metric). */
    final String field;

    private final Access access;

    ReconciledField(Access access) {
        this.field = access.field();
        this.access = access;
    }

    BigDecimal get(PerfumeInteractionStats row) {
        return access.getter().apply(row);
    }

    void set(PerfumeInteractionStats row, BigDecimal value) {
        access.setter().accept(row, value);
    }

    /** Whether the stored value differs from the derived one (by value: 7 and 7.0 are the same). */
    boolean differs(PerfumeInteractionStats row, BigDecimal derived) {
        return get(row).compareTo(derived) != 0;
    }

    private static Access count(
            String field, ToIntFunction<PerfumeInteractionStats> get, ObjIntConsumer<PerfumeInteractionStats> set) {
        return new Access(
                field, s -> BigDecimal.valueOf(get.applyAsInt(s)), (s, v) -> set.accept(s, v.intValueExact()));
    }

    private static Access sum(
            String field,
            Function<PerfumeInteractionStats, BigDecimal> get,
            BiConsumer<PerfumeInteractionStats, BigDecimal> set) {
        return new Access(field, get, set);
    }
}
