package com.newsmell.perfumestats.stats;

import com.newsmell.perfumestats.timeseries.TimeseriesQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The metrics of GET /v1/perfumes/top. Over all time each is an indexed column of perfume_interaction_stats; over a
 * window (from/to) those kept per bucket are summed from the hourly and daily buckets. A count is ranked when it is at
 * least 1; a rate or average when its denominator is at least minSample.
 */
public enum TopMetric {
    VIEWS("views", "totalViews", null, TimeseriesQuery.Metric.VIEWS, s -> s.totalViews, null),
    UNIQUE_VIEWERS("uniqueViewers", "uniqueViewers", null, null, s -> s.uniqueViewers, null),
    /** All time: the pairs in a wishlist now; over a window: the wishlist adds in it. */
    WISHLIST("wishlist", "inWishlistCount", null, TimeseriesQuery.Metric.WISHLIST_ADDS, s -> s.inWishlistCount, null),
    /** All time: the pairs in a collection now; over a window: the collection adds in it. */
    COLLECTION(
            "collection",
            "inCollectionCount",
            null,
            TimeseriesQuery.Metric.COLLECTION_ADDS,
            s -> s.inCollectionCount,
            null),
    AVG_RATING("avgRating", "avgRating", "totalRatings", null, s -> s.overallSum, s -> s.totalRatings),
    SEARCH_CTR(
            "searchCTR",
            "searchCtr",
            "searchImpressions",
            TimeseriesQuery.Metric.SEARCH_CTR,
            s -> s.searchClicks,
            s -> s.searchImpressions),
    RECOMMENDATION_CTR(
            "recommendationCTR",
            "recommendationCtr",
            "recommendationImprs",
            TimeseriesQuery.Metric.RECOMMENDATION_CTR,
            s -> s.recommendationClicks,
            s -> s.recommendationImprs),
    AVG_VIEW_DURATION_MS(
            "avgViewDurationMs",
            "avgViewDuration",
            "viewDurationCount",
            TimeseriesQuery.Metric.AVG_VIEW_DURATION_MS,
            s -> s.viewDurationSum,
            s -> s.viewDurationCount),
    /** The seed's trending list: {@code findMany({ orderBy: { viewsLast7Days: "desc" } })}. */
    VIEWS_LAST_7_DAYS("viewsLast7Days", "viewsLast7Days", null, null, s -> s.viewsLast7Days, null),
    VIEWS_LAST_30_DAYS("viewsLast30Days", "viewsLast30Days", null, null, s -> s.viewsLast30Days, null);

    public final String parameter;
    /** The entity field ranked over all time (an indexed column). */
    final String field;
    /** A rate's or average's denominator field (minSample applies to it); null for a count. */
    final String denominatorField;
    /** The bucket metric summed over a window; null when the metric is kept over all time only. */
    final TimeseriesQuery.Metric windowed;

    final Function<PerfumeInteractionStats, Number> numerator;
    final Function<PerfumeInteractionStats, Number> denominator;

    TopMetric(
            String parameter,
            String field,
            String denominatorField,
            TimeseriesQuery.Metric windowed,
            Function<PerfumeInteractionStats, Number> numerator,
            Function<PerfumeInteractionStats, Number> denominator) {
        this.parameter = parameter;
        this.field = field;
        this.denominatorField = denominatorField;
        this.windowed = windowed;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** A count (ranked when at least 1), rather than a rate or average (ranked when its denominator ≥ minSample). */
    public boolean isCount() {
        return denominatorField == null;
    }

    /** Whether the numerator is a decimal sum (rating points, durations in ms) rather than a count. */
    public boolean decimalNumerator() {
        return this == AVG_RATING || this == AVG_VIEW_DURATION_MS;
    }

    /** Whether the metric can be ranked over a window (it is kept per bucket). */
    public boolean windowable() {
        return windowed != null;
    }

    public static Map<String, TopMetric> byParameter() {
        Map<String, TopMetric> map = new LinkedHashMap<>();
        for (TopMetric m : values()) {
            map.put(m.parameter, m);
        }
        return map;
    }
}
