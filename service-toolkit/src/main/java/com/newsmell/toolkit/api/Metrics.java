package com.newsmell.toolkit.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The metrics envelope of every service (ADR 0015): the window answered, its totals, one entry per bucket, and, when
 * asked for, the breakdown by one dimension and the previous period's totals with the change.
 *
 * @param <B> a bucket: {@code start} and the bucket's figures
 * @param <T> the totals: the same figures over the whole window
 */
public record Metrics<B, T>(
        @Schema(description = "The window's start (inclusive, UTC).")
        Instant from,

        @Schema(description = "The window's end (exclusive, UTC).")
        Instant to,

        @Schema(description = "The time zone of the day buckets and of date values of from and to.")
        String tz,

        @Schema(description = "hour or day: the buckets' size; absent on a totals-only endpoint.")
        String granularity,

        @Schema(description = "The time the figures are as of (for rollups: the newest hour they include).")
        Instant asOf,

        @Schema(description = "The filters applied, dimension to condition (==a|b or !=a).")
        Map<String, String> filters,

        @Schema(description = "The figures over the whole window.")
        T totals,

        @Schema(description = "One entry per bucket of the window, in order (absent with a breakdown).")
        List<B> buckets,

        @Schema(description = "With breakdown=: the totals per value of the dimension.")
        BreakdownTotals<T> breakdown,

        @Schema(description = "With compare=previous_period: the previous period's totals and the change.")
        Comparison<T> compare) {

    public static <B, T> Metrics<B, T> of(TimeWindow window, Instant asOf, Filters filters, T totals, List<B> buckets) {
        return new Metrics<>(
                window.from(),
                window.to(),
                window.tz(),
                window.granularity() == null ? null : window.granularity().parameter,
                asOf,
                filters == null || filters.isEmpty() ? null : filters.echo(),
                totals,
                buckets,
                null,
                null);
    }

    public Metrics<B, T> withBreakdown(BreakdownTotals<T> by) {
        return new Metrics<>(from, to, tz, granularity, asOf, filters, totals, null, by, compare);
    }

    public Metrics<B, T> withComparison(Comparison<T> comparison) {
        return new Metrics<>(from, to, tz, granularity, asOf, filters, totals, buckets, breakdown, comparison);
    }

    /** The totals per value of one dimension, most first as the endpoint orders them. */
    public record BreakdownTotals<T>(
            @Schema(description = "The dimension broken down by.")
            String dimension,

            @Schema(description = "One entry per value; (unknown) holds the rows without one.")
            List<Value<T>> items,

            @Schema(description = "Pass as cursor for the next values; absent on the last page.")
            String nextCursor) {}

    public record Value<T>(
            @Schema(description = "The dimension's value, or (unknown).")
            String value,

            @Schema(description = "The figures of the rows with this value.")
            T totals) {}
}
