package com.newsmell.perfumestats.stats;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of ranked perfumes: the list envelope of ADR 0015 (items, nextCursor, from, to, tz, the toolkit's Page) and
 * what the ranking was: the metric, the least sample of a ranked rate, and the time the ranked values are as of.
 */
@Schema(description = "Perfumes ranked by one metric, highest first: one page of the list.")
public record Ranking(
        @Schema(description = "This page's perfumes, highest first (ties by perfumeId).")
        List<RankedPerfume> items,

        @Schema(description = "Pass as cursor to get the next page; absent on the last page.")
        String nextCursor,

        @Schema(
                description = "The start of the window ranked over (inclusive, UTC); absent when the ranking is over"
                        + " all time or the window has no start.")
        Instant from,

        @Schema(
                description = "The end of the window ranked over (exclusive, UTC); absent when the ranking is over all"
                        + " time or the window has no end.")
        Instant to,

        @Schema(description = "The time zone date values of from and to were read in (with a window).")
        String tz,

        @Schema(description = "The metric ranked by (the metric parameter, or trendingScore).")
        String metric,

        @Schema(
                description = "The least denominator a ranked rate or average rests on (impressions, ratings, views"
                        + " with a duration); absent for counts and scores.")
        Integer minSample,

        @Schema(
                description = "The time the ranked values are as of: for the all-time ranking and trending, the hour"
                        + " of the hourly job's latest successful run (the windows' and scores' as-of; each item also"
                        + " carries its own asOf); over a window, when the buckets were read (they are written as the"
                        + " events are consumed).")
        Instant asOf) {}
