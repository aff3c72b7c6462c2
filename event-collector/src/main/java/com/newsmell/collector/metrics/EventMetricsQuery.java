package com.newsmell.collector.metrics;

import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;

/**
 * A request of {@code GET /v1/events/metrics} (ADR 0015), parsed: the window on its bucket grid, bots in or out, the
 * filters, the breakdown dimension (null for buckets) with its page (limit, offset), and whether to compare with the
 * previous period. A bad value is a 400 problem naming the parameter.
 */
public record EventMetricsQuery(
        TimeWindow window,
        boolean includeBots,
        Filters filters,
        EventDimension breakdown,
        boolean comparePrevious,
        int limit,
        int offset) {

    public static EventMetricsQuery of(
            String from,
            String to,
            String tz,
            String granularity,
            String includeBots,
            String breakdown,
            String filters,
            String compare,
            String limit,
            String cursor) {
        TimeWindow window =
                TimeWindow.metrics(from, to, tz, TimeWindow.Granularity.parse(granularity, TimeWindow.Granularity.DAY));
        boolean bots = QueryParams.bool("includeBots", includeBots);
        String dimension = Breakdown.parse(breakdown, EventDimension.NAMES);
        Filters conditions = Filters.parse(filters, EventDimension.NAMES);
        for (EventDimension d : EventDimension.values()) {
            if (d.allowed != null) {
                conditions.checkValues(d.parameter, d.allowed);
            }
        }
        boolean previous = Breakdown.comparePrevious(compare);
        int size = Paging.limit(limit);
        if (dimension == null && !QueryParams.blank(cursor)) {
            throw QueryParams.bad(
                    "cursor",
                    "format",
                    "cursor pages the values of a breakdown; this request has none (the buckets are never paged).");
        }
        return new EventMetricsQuery(
                window,
                bots,
                conditions,
                dimension == null ? null : EventDimension.of(dimension),
                previous,
                size,
                Paging.offset(cursor));
    }
}
