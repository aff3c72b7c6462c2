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
    public record ClickTime(Integer median, Integer p90) {}

    public record PositionCount(int position, long clicks) {}
}
