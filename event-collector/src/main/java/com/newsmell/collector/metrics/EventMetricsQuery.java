package com.newsmell.collector.metrics;

import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.MetricsParams;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
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

    /** The request's parameters, checked in order: window, includeBots, breakdown, filters, compare, page. */
    public static EventMetricsQuery of(
            WindowParams window, MetricsParams params, BotParams bots, String breakdown, PageParams page) {
        TimeWindow checked = window.metrics(params.granularity());
        boolean included = bots.included();
        String dimension = Breakdown.parse(breakdown, EventDimension.NAMES);
        Filters conditions = Filters.parse(params.filters, EventDimension.NAMES);
        for (EventDimension d : EventDimension.values()) {
            if (d.allowed != null) {
                conditions.checkValues(d.parameter, d.allowed);
            }
        }
        boolean previous = params.comparePrevious();
        int size = page.size();
        if (dimension == null && !QueryParams.blank(page.cursor)) {
            throw QueryParams.bad(
                    "cursor",
                    "format",
                    "cursor pages the values of a breakdown; this request has none (the buckets are never paged).");
        }
        return new EventMetricsQuery(
                checked,
                included,
                conditions,
                dimension == null ? null : EventDimension.of(dimension),
                previous,
                size,
                page.offset());
    }
}
