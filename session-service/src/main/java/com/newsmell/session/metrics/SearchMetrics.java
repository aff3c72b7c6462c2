package com.newsmell.session.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.newsmell.toolkit.api.Metrics;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures of GET /v1/search/metrics over the searches made in a window, from the hourly rollups. Every figure is
 * defined in docs/metrics.md ("session-service"); durations are in milliseconds, rates are fractions 0-1, absent
 * without searches.
 */
public final class SearchMetrics {

    private SearchMetrics() {}

    /** The counts and rates of searches: every rate with its numerator and denominator (searches). */
    public record SearchOutcomes(
            @Schema(
                    description = "SearchQuery rows in the interval: SEARCH_PERFORMED and SEARCH_REFINED events, and"
                            + " SEARCH_NO_RESULTS events of their own; the denominator of every rate below.")
            long searches,

            @Schema(description = "Searches with at least one result click.")
            long searchesWithClicks,

            @Schema(description = "searchesWithClicks ÷ searches; absent without searches.")
            Double clickThroughRate,

            @Schema(description = "Searches with resultsCount 0.")
            long noResultSearches,

            @Schema(description = "noResultSearches ÷ searches; absent without searches.")
            Double noResultRate,

            @Schema(description = "Searches a later search of the session refines (refinedQuery).")
            long refinedSearches,

            @Schema(description = "refinedSearches ÷ searches; absent without searches.")
            Double refinementRate,

            @Schema(
                    description = "Searches with no click before the next search of the session, or none at all once"
                            + " the session closed (abandoned).")
            long abandonedSearches,

            @Schema(description = "abandonedSearches ÷ searches; absent without searches.")
            Double abandonmentRate,

            @Schema(
                    description = "Searches whose clicked perfume was then wishlisted, collected, rated or viewed for"
                            + " at least 30 s (foundDesired).")
            long foundDesiredSearches,

            @Schema(description = "foundDesiredSearches ÷ searches; absent without searches.")
            Double foundDesiredRate) {

        public static SearchOutcomes of(SearchTotals t) {
            long n = t.searches();
            return new SearchOutcomes(
                    n,
                    t.withClicks(),
                    Rates.of(t.withClicks(), n),
                    t.noResults(),
                    Rates.of(t.noResults(), n),
                    t.refined(),
                    Rates.of(t.refined(), n),
                    t.abandoned(),
                    Rates.of(t.abandoned(), n),
                    t.foundDesired(),
                    Rates.of(t.foundDesired(), n));
        }
    }

    /** The totals of the window: the outcomes, the time to first click, and the top lists. */
    public record SearchMetricsTotals(
            @JsonUnwrapped SearchOutcomes outcomes,

            @Schema(description = "Searches with a click: the population of the time-to-first-click percentiles.")
            long timeToFirstClickSearches,

            @Schema(
                    description = "Median time from a search to its first result click, in milliseconds (nearest"
                            + " rank); absent without clicks.")
            Integer medianTimeToFirstClickMs,

            @Schema(
                    description = "90th percentile of the time to first click, in milliseconds (nearest rank); absent"
                            + " without clicks.")
            Integer p90TimeToFirstClickMs,

            @Schema(
                    description = "The most searched normalised queries (trimmed, lower case; '' left out), by searches"
                            + " descending, then query; at most limit (GET /v1/search/metrics/top-queries pages"
                            + " them).")
            List<QueryCount> topQueries,

            @Schema(
                    description = "The normalised queries most often searched with zero results, by those searches"
                            + " descending, then query; at most limit.")
            List<QueryCount> topNoResultQueries,

            @Schema(description = "Clicks per 0-based result position, by position.")
            List<PositionCount> clickPositions) {

        public static SearchMetricsTotals of(
                SearchTotals totals,
                List<QueryCount> topQueries,
                List<QueryCount> topNoResultQueries,
                List<NearestRank.ValueCount> timesToFirstClick,
                List<PositionCount> clickPositions) {
            ClickTime time = ClickTime.of(timesToFirstClick);
            return new SearchMetricsTotals(
                    SearchOutcomes.of(totals),
                    time.searches(),
                    time.median(),
                    time.p90(),
                    topQueries,
                    topNoResultQueries,
                    clickPositions);
        }
    }

    /**
     * GET /v1/search/metrics: the metrics envelope (ADR 0015) and, for one release, the fields of the answer before
     * issue #22 where they were (deprecated; the same figures are in totals).
     */
    public record SearchMetricsAnswer(
            @Schema(description = "The window's start (inclusive, UTC).")
            Instant from,

            @Schema(description = "The window's end (exclusive, UTC).")
            Instant to,

            @Schema(description = "The time zone of the day buckets and of date values of from and to.")
            String tz,

            @Schema(description = "hour or day: the buckets' size; absent on the totals-only answer.")
            String granularity,

            @Schema(description = "The newest hour the rollups include.")
            Instant asOf,

            @Schema(description = "The figures over the whole window.")
            SearchMetricsTotals totals,

            @Schema(description = "With granularity: one entry per bucket of the window, in order.")
            List<SearchMetricsBucket> buckets,

            @Schema(deprecated = true, description = "Deprecated: the includeBots parameter, echoed.")
            Boolean includeBots,

            @Schema(deprecated = true, description = "Deprecated: use totals.topQueries.")
            List<QueryCount> topQueries,

            @Schema(deprecated = true, description = "Deprecated: use totals.topNoResultQueries.")
            List<QueryCount> topNoResultQueries,

            @Schema(deprecated = true, description = "Deprecated: use totals.clickPositions.")
            List<PositionCount> clickPositions,

            @Schema(
                    deprecated = true,
                    description = "Deprecated: use totals.timeToFirstClickSearches,"
                            + " totals.medianTimeToFirstClickMs and totals.p90TimeToFirstClickMs.")
            ClickTime timeToFirstClick) {

        public static SearchMetricsAnswer of(
                Metrics<SearchMetricsBucket, SearchMetricsTotals> metrics, boolean includeBots) {
            SearchMetricsTotals t = metrics.totals();
            return new SearchMetricsAnswer(
                    metrics.from(),
                    metrics.to(),
                    metrics.tz(),
                    metrics.granularity(),
                    metrics.asOf(),
                    t,
                    metrics.buckets(),
                    includeBots,
                    t.topQueries(),
                    t.topNoResultQueries(),
                    t.clickPositions(),
                    new ClickTime(
                            t.timeToFirstClickSearches(), t.medianTimeToFirstClickMs(), t.p90TimeToFirstClickMs()));
        }
    }

    /** One bucket: its start and end, and the outcomes of the searches made in it. */
    public record SearchMetricsBucket(
            @Schema(description = "The bucket's start (inclusive, UTC): a UTC hour, or the start of a day in tz.")
            Instant start,

            @Schema(
                    description = "The bucket's end (exclusive, UTC); a day in tz is 23 or 25 hours long across a DST"
                            + " change.")
            Instant end,

            @JsonUnwrapped SearchOutcomes outcomes) {}

    public record QueryCount(
            @Schema(description = "The query text, trimmed and lower-cased.")
            String query,

            @Schema(description = "How many searches (in topNoResultQueries: zero-result searches) had it.")
            long searches) {}

    /** Deprecated: nearest-rank percentiles over exact millisecond values. */
    public record ClickTime(
            @Schema(description = "Searches with a click: the population of the percentiles.")
            long searches,

            @Schema(description = "Median time to first click, in milliseconds (nearest rank); absent without clicks.")
            Integer median,

            @Schema(
                    description = "90th percentile of the time to first click, in milliseconds (nearest rank); absent"
                            + " without clicks.")
            Integer p90) {

        public static ClickTime of(List<NearestRank.ValueCount> timesToFirstClick) {
            return new ClickTime(
                    timesToFirstClick.stream()
                            .mapToLong(NearestRank.ValueCount::count)
                            .sum(),
                    NearestRank.percentile(timesToFirstClick, 0.5),
                    NearestRank.percentile(timesToFirstClick, 0.9));
        }
    }

    public record PositionCount(
            @Schema(description = "0-based position of the clicked result.")
            int position,

            @Schema(description = "Clicks on that position (a search may have several).")
            long clicks) {}
}
