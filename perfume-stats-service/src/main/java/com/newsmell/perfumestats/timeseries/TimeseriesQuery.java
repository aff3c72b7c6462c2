package com.newsmell.perfumestats.timeseries;

import com.newsmell.toolkit.http.TimeGrid;
import java.util.LinkedHashMap;
import java.util.Map;

/** A validated time-series request: one metric of one perfume per bucket of a range on the bucket grid. */
public record TimeseriesQuery(String perfumeId, Metric metric, TimeGrid.Range range) {

    /**
     * A figure per bucket: a count of events, or a rate (an average or a click-through rate) that comes with its
     * numerator and denominator.
     */
    public enum Metric {
        VIEWS("views", Kind.COUNT),
        WISHLIST_ADDS("wishlistAdds", Kind.COUNT),
        COLLECTION_ADDS("collectionAdds", Kind.COUNT),
        RATINGS("ratings", Kind.COUNT),
        REVIEWS("reviews", Kind.COUNT),
        TRADE_INQUIRIES("tradeInquiries", Kind.COUNT),
        TRADE_COMPLETED("tradeCompleted", Kind.COUNT),
        SEARCH_IMPRESSIONS("searchImpressions", Kind.COUNT),
        SEARCH_CLICKS("searchClicks", Kind.COUNT),
        RECOMMENDATION_IMPRS("recommendationImprs", Kind.COUNT),
        RECOMMENDATION_CLICKS("recommendationClicks", Kind.COUNT),
        /** Σ view durations (ms, decimals kept) / views with a duration. */
        AVG_VIEW_DURATION("avgViewDuration", Kind.DECIMAL_RATE),
        /** searchClicks / searchImpressions. */
        SEARCH_CTR("searchCTR", Kind.RATE),
        /** recommendationClicks / recommendationImprs. */
        RECOMMENDATION_CTR("recommendationCTR", Kind.RATE);

        /** A count; a rate of two counts; a rate whose numerator is a decimal sum. */
        enum Kind {
            COUNT,
            RATE,
            DECIMAL_RATE
        }

        public final String parameter;
        final Kind kind;

        Metric(String parameter, Kind kind) {
            this.parameter = parameter;
            this.kind = kind;
        }

        public static Map<String, Metric> byParameter() {
            Map<String, Metric> map = new LinkedHashMap<>();
            for (Metric m : values()) {
                map.put(m.parameter, m);
            }
            return map;
        }
    }

    /** The granularities: the UTC hour (hourly buckets) or the UTC day (daily buckets). */
    public static Map<String, TimeGrid> granularities() {
        Map<String, TimeGrid> map = new LinkedHashMap<>();
        for (TimeGrid g : TimeGrid.values()) {
            map.put(g.parameter, g);
        }
        return map;
    }
}
