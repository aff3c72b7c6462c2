package com.newsmell.session.metrics;

import java.time.Instant;
import java.util.List;

/**
 * GET /v1/search/metrics over the searches made in [from, to) (whole hours, UTC). Rates are null without
 * searches; the percentiles are nearest-rank (percentile_disc) over the searches with a click.
 */
public record SearchMetrics(
        Instant from,
        Instant to,
        boolean includeBots,
        long searches,
        List<QueryCount> topQueries,
        List<QueryCount> topNoResultQueries,
        Double clickThroughRate,
        ClickTime timeToFirstClick,
        Double refinementRate,
        Double abandonmentRate,
        Double foundDesiredRate,
        List<PositionCount> clickPositions) {

    public record QueryCount(String query, long searches) {}

    /** Milliseconds; null without clicked searches. */
    public record ClickTime(Integer median, Integer p90) {

        public static ClickTime of(List<NearestRank.ValueCount> timesToFirstClick) {
            return new ClickTime(
                    NearestRank.percentile(timesToFirstClick, 0.5), NearestRank.percentile(timesToFirstClick, 0.9));
        }
    }

    public record PositionCount(int position, long clicks) {}

    /** The figures of a range from its sums and distributions. */
    public static SearchMetrics of(
            Instant from,
            Instant to,
            boolean includeBots,
            SearchTotals totals,
            List<QueryCount> topQueries,
            List<QueryCount> topNoResultQueries,
            List<NearestRank.ValueCount> timesToFirstClick,
            List<PositionCount> clickPositions) {
        long searches = totals.searches();
        return new SearchMetrics(
                from,
                to,
                includeBots,
                searches,
                topQueries,
                topNoResultQueries,
                rate(totals.withClicks(), searches),
                ClickTime.of(timesToFirstClick),
                rate(totals.refined(), searches),
                rate(totals.abandoned(), searches),
                rate(totals.foundDesired(), searches),
                clickPositions);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
