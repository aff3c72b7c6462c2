package com.newsmell.recommendation.metrics;

import com.newsmell.contract.data.RecommendationData;
import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;
import java.util.List;
import java.util.TreeSet;

/**
 * A request of {@code GET /v1/recommendations/metrics}, parsed by the API convention (ADR 0015): the window (on the
 * granularity's grid in tz), the filters, the breakdown dimension with its page (limit, offset cursor), and whether
 * to compare with the previous period.
 */
public record RecommendationMetricsQuery(
        TimeWindow window, Filters filters, String breakdown, boolean compare, int limit, int offset) {

    /** The dimensions of breakdown and filters, in the order the API lists them. */
    public static final List<String> DIMENSIONS = List.of("algorithm", "source", "position");

    /** The values source can take (the contract's), checked in filters. */
    static final List<String> SOURCES = List.copyOf(new TreeSet<>(RecommendationData.SOURCES));

    public static RecommendationMetricsQuery of(
            String from,
            String to,
            String tz,
            String granularity,
            String breakdown,
            String filters,
            String compare,
            String limit,
            String cursor) {
        TimeWindow window =
                TimeWindow.metrics(from, to, tz, TimeWindow.Granularity.parse(granularity, TimeWindow.Granularity.DAY));
        Filters parsed = Filters.parse(filters, DIMENSIONS).checkValues("source", SOURCES);
        checkPositions(parsed);
        return new RecommendationMetricsQuery(
                window,
                parsed,
                Breakdown.parse(breakdown, DIMENSIONS),
                Breakdown.comparePrevious(compare),
                Paging.limit(limit),
                Paging.offset(cursor));
    }

    /** A position is a 0-based slot: filter values other than (unknown) are whole numbers from 0. */
    static void checkPositions(Filters filters) {
        for (Filters.Condition c : filters.conditions()) {
            if (c.dimension().equals("position")) {
                for (String v : c.knownValues()) {
                    if (!v.matches("[0-9]{1,9}")) {
                        throw QueryParams.bad(
                                "filters",
                                "format",
                                "filters: position values are 0-based slots (whole numbers such as 0 or 3) or"
                                        + " (unknown); \"" + v + "\" is not one.");
                    }
                }
            }
        }
    }
}
