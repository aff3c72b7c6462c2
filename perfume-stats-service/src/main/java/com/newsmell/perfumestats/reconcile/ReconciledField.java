package com.newsmell.perfumestats.reconcile;

import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The counters the daily reconciliation re-derives: from the daily buckets (event counts), the membership table
 * (set semantics) and the rating table (latest rating per user). The derived fields (averages, CTRs) follow.
 */
enum ReconciledField {
    TOTAL_VIEWS("totalViews", "total_views", "d.views", s -> s.totalViews, (s, v) -> s.totalViews = (int) v),
    VIEW_DURATION_SUM(
            "viewDurationSum",
            "view_duration_sum",
            "d.view_duration_sum",
            s -> s.viewDurationSum,
            (s, v) -> s.viewDurationSum = v),
    VIEW_DURATION_COUNT(
            "viewDurationCount",
            "view_duration_count",
            "d.view_duration_count",
            s -> s.viewDurationCount,
            (s, v) -> s.viewDurationCount = (int) v),
    TOTAL_REVIEWS(
            "totalReviews", "total_reviews", "d.reviews", s -> s.totalReviews, (s, v) -> s.totalReviews = (int) v),
    TRADE_INQUIRIES(
            "tradeInquiries",
            "trade_inquiries",
            "d.trade_inquiries",
            s -> s.tradeInquiries,
            (s, v) -> s.tradeInquiries = (int) v),
    TRADE_COMPLETED(
            "tradeCompleted",
            "trade_completed",
            "d.trade_completed",
            s -> s.tradeCompleted,
            (s, v) -> s.tradeCompleted = (int) v),
    SEARCH_IMPRESSIONS(
            "searchImpressions",
            "search_impressions",
            "d.search_impressions",
            s -> s.searchImpressions,
            (s, v) -> s.searchImpressions = (int) v),
    SEARCH_CLICKS(
            "searchClicks",
            "search_clicks",
            "d.search_clicks",
            s -> s.searchClicks,
            (s, v) -> s.searchClicks = (int) v),
    RECOMMENDATION_IMPRS(
            "recommendationImprs",
            "recommendation_imprs",
            "d.recommendation_imprs",
            s -> s.recommendationImprs,
            (s, v) -> s.recommendationImprs = (int) v),
    RECOMMENDATION_CLICKS(
            "recommendationClicks",
            "recommendation_clicks",
            "d.recommendation_clicks",
            s -> s.recommendationClicks,
            (s, v) -> s.recommendationClicks = (int) v),
    IN_WISHLIST_COUNT(
            "inWishlistCount",
            "in_wishlist_count",
            "m.wishlist",
            s -> s.inWishlistCount,
            (s, v) -> s.inWishlistCount = (int) v),
    IN_COLLECTION_COUNT(
            "inCollectionCount",
            "in_collection_count",
            "m.collection",
            s -> s.inCollectionCount,
            (s, v) -> s.inCollectionCount = (int) v),
    TOTAL_RATINGS(
            "totalRatings",
            "total_ratings",
            "r.overall_count",
            s -> s.totalRatings,
            (s, v) -> s.totalRatings = (int) v),
    OVERALL_SUM("overallSum", "overall_sum", "r.overall_sum", s -> s.overallSum, (s, v) -> s.overallSum = v),
    LONGEVITY_COUNT(
            "longevityCount",
            "longevity_count",
            "r.longevity_count",
            s -> s.longevityCount,
            (s, v) -> s.longevityCount = (int) v),
    LONGEVITY_SUM(
            "longevitySum", "longevity_sum", "r.longevity_sum", s -> s.longevitySum, (s, v) -> s.longevitySum = v),
    SILLAGE_COUNT(
            "sillageCount",
            "sillage_count",
            "r.sillage_count",
            s -> s.sillageCount,
            (s, v) -> s.sillageCount = (int) v),
    SILLAGE_SUM("sillageSum", "sillage_sum", "r.sillage_sum", s -> s.sillageSum, (s, v) -> s.sillageSum = v),
    PRICE_VALUE_COUNT(
            "priceValueCount",
            "price_value_count",
            "r.price_value_count",
            s -> s.priceValueCount,
            (s, v) -> s.priceValueCount = (int) v),
    PRICE_VALUE_SUM(
            "priceValueSum",
            "price_value_sum",
            "r.price_value_sum",
            s -> s.priceValueSum,
            (s, v) -> s.priceValueSum = v),
    GENDER_COUNT(
            "genderCount", "gender_count", "r.gender_count", s -> s.genderCount, (s, v) -> s.genderCount = (int) v),
    GENDER_SUM("genderSum", "gender_sum", "r.gender_sum", s -> s.genderSum, (s, v) -> s.genderSum = v);

    final String name;
    final String column;
    final String derivedSql;
    final ToLongFunction<PerfumeInteractionStats> stored;
    final ObjLongConsumer<PerfumeInteractionStats> setter;

    ReconciledField(
            String name,
            String column,
            String derivedSql,
            ToLongFunction<PerfumeInteractionStats> stored,
            ObjLongConsumer<PerfumeInteractionStats> setter) {
        this.name = name;
        this.column = column;
        this.derivedSql = "coalesce(" + derivedSql + ", 0)";
        this.stored = stored;
        this.setter = setter;
    }

    /** The derived values of the given perfumes (or of all when {@code perfumeFilter} is empty), in field order. */
    static String derivedQuery(boolean drifted, String perfumeFilter) {
        StringBuilder select = new StringBuilder("select s.perfume_id");
        StringBuilder distinct = new StringBuilder();
        for (ReconciledField f : values()) {
            select.append(", cast(").append(f.derivedSql).append(" as bigint)");
            distinct.append(distinct.length() == 0 ? "" : " or ")
                    .append("s.")
                    .append(f.column)
                    .append(" <> ")
                    .append(f.derivedSql);
        }
        return select
                + """
                 from perfume_interaction_stats s
                 left join (select perfume_id, sum(views) as views, sum(view_duration_sum) as view_duration_sum,
                              sum(view_duration_count) as view_duration_count, sum(reviews) as reviews,
                              sum(trade_inquiries) as trade_inquiries, sum(trade_completed) as trade_completed,
                              sum(search_impressions) as search_impressions, sum(search_clicks) as search_clicks,
                              sum(recommendation_imprs) as recommendation_imprs,
                              sum(recommendation_clicks) as recommendation_clicks
                            from perfume_daily_bucket %1$s group by perfume_id) d on d.perfume_id = s.perfume_id
                 left join (select perfume_id,
                              count(*) filter (where in_list and list_kind = 'wishlist') as wishlist,
                              count(*) filter (where in_list and list_kind = 'collection') as collection
                            from membership %1$s group by perfume_id) m on m.perfume_id = s.perfume_id
                 left join (select perfume_id, count(overall) as overall_count, sum(overall) as overall_sum,
                              count(longevity) as longevity_count, sum(longevity) as longevity_sum,
                              count(sillage) as sillage_count, sum(sillage) as sillage_sum,
                              count(price_value) as price_value_count, sum(price_value) as price_value_sum,
                              count(gender) as gender_count, sum(gender) as gender_sum
                            from perfume_rating %1$s group by perfume_id) r on r.perfume_id = s.perfume_id
                 where true %2$s
                """.formatted(
                                perfumeFilter.isEmpty() ? "" : "where perfume_id in (:ids)",
                                (perfumeFilter.isEmpty() ? "" : " and s.perfume_id in (:ids)")
                                        + (drifted ? " and (" + distinct + ")" : ""));
    }
}
