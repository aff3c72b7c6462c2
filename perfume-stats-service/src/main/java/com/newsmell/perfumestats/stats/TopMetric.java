package com.newsmell.perfumestats.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics of GET /v1/perfumes/top, each an indexed column of perfume_interaction_stats. */
public enum TopMetric {
    VIEWS("views", "totalViews", true),
    UNIQUE_VIEWERS("uniqueViewers", "uniqueViewers", true),
    WISHLIST("wishlist", "inWishlistCount", true),
    COLLECTION("collection", "inCollectionCount", true),
    AVG_RATING("avgRating", "avgRating", false),
    SEARCH_CTR("searchCTR", "searchCtr", false),
    RECOMMENDATION_CTR("recommendationCTR", "recommendationCtr", false),
    /** The seed's trending list: {@code findMany({ orderBy: { viewsLast7Days: "desc" } })}. */
    VIEWS_LAST_7_DAYS("viewsLast7Days", "viewsLast7Days", true),
    VIEWS_LAST_30_DAYS("viewsLast30Days", "viewsLast30Days", true);

    public final String parameter;
    /** The entity field (an indexed column). */
    final String field;
    /** A counter (a value above 0) rather than a ratio (a value when not null). */
    final boolean counter;

    TopMetric(String parameter, String field, boolean counter) {
        this.parameter = parameter;
        this.field = field;
        this.counter = counter;
    }

    public static Map<String, TopMetric> byParameter() {
        Map<String, TopMetric> map = new LinkedHashMap<>();
        for (TopMetric m : values()) {
            map.put(m.parameter, m);
        }
        return map;
    }
}
