package com.newsmell.recommendation.compare;

import com.newsmell.recommendation.api.Windows;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;
import java.util.List;

/**
 * A request of {@code GET /v1/recommendations/compare}: two algorithms, one metric, a window of impressions (from
 * and to required, at most 400 days).
 */
public record CompareQuery(String a, String b, String metric, TimeWindow window) {

    /** The metrics that can be compared: the raw rates of the metrics endpoint and the debiased CTR. */
    public static final List<String> METRICS = List.of(
            "ctr",
            "debiasedCtr",
            "viewRate",
            "wishlistRate",
            "collectionRate",
            "ratingRate",
            "purchaseRate",
            "conversionRate",
            "thumbsUpRate",
            "thumbsDownRate",
            "hideRate",
            "reportRate");

    public static CompareQuery of(String a, String b, String metric, String from, String to, String tz) {
        String first = required("a", a);
        String second = required("b", b);
        if (first.equals(second)) {
            throw QueryParams.bad("b", "distinct", "b must name another algorithm than a.");
        }
        String m = QueryParams.oneOf("metric", metric, "ctr", METRICS);
        return new CompareQuery(first, second, m, Windows.of(from, to, tz));
    }

    private static String required(String name, String value) {
        if (QueryParams.blank(value)) {
            throw QueryParams.bad(name, "required", name + " is required: an algorithm name.");
        }
        return value.trim();
    }

    public boolean debiased() {
        return metric.equals("debiasedCtr");
    }
}
