package com.newsmell.session.metrics;

import com.newsmell.toolkit.http.TimeGrid;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GET /v1/search/metrics over the searches made in [from, to) (whole UTC hours), from the hourly rollups, as of
 * {@code asOf}. Every figure is defined in docs/metrics.md ("session-service").
 */
public record SearchMetrics(
        @Schema(description = "Start of the range answered for (inclusive, a whole UTC hour).")
        Instant from,

        @Schema(description = "End of the range answered for (exclusive, a whole UTC hour).")
        Instant to,

        @Schema(description = "Whether the searches of bot sessions are counted.")
        boolean includeBots,

        @Schema(
                description = "When the last successful run of the rollup job started: every search the service had"
                        + " stored by then is in these figures; null if the rollup never ran.")
        Instant asOf,

        @Schema(description = "The counts and rates of the whole range.")
        Totals totals,

        @Schema(
                description = "The most searched normalised queries (trimmed, lower case; '' left out), by searches"
                        + " descending, then query.")
        List<QueryCount> topQueries,

        @Schema(
                description = "The normalised queries most often searched with zero results, by those searches"
                        + " descending, then query.")
        List<QueryCount> topNoResultQueries,

        @Schema(description = "Time from a search to its first result click, over the searches with a click.")
        ClickTime timeToFirstClick,

        @Schema(description = "Clicks per 0-based result position, by position.")
        List<PositionCount> clickPositions) {

    /** The counts and rates of [from, to): every rate with its numerator and denominator (searches). */
    public record Totals(
            @Schema(
                    description = "SearchQuery rows in the range: SEARCH_PERFORMED and SEARCH_REFINED events, and"
                            + " SEARCH_NO_RESULTS events of their own; the denominator of every rate below.")
            long searches,

            @Schema(description = "Searches with at least one result click.")
            long searchesWithClicks,

            @Schema(description = "searchesWithClicks ÷ searches; null without searches.")
            Double clickThroughRate,

            @Schema(description = "Searches with resultsCount 0.")
            long noResultSearches,

            @Schema(description = "noResultSearches ÷ searches; null without searches.")
            Double noResultRate,

            @Schema(description = "Searches a later search of the session refines (refinedQuery).")
            long refinedSearches,

            @Schema(description = "refinedSearches ÷ searches; null without searches.")
            Double refinementRate,

            @Schema(
                    description = "Searches with no click before the next search of the session, or none at all once"
                            + " the session closed (abandoned).")
            long abandonedSearches,

            @Schema(description = "abandonedSearches ÷ searches; null without searches.")
            Double abandonmentRate,

            @Schema(
                    description = "Searches whose clicked perfume was then wishlisted, collected, rated or viewed for"
                            + " at least 30 s (foundDesired).")
            long foundDesiredSearches,

            @Schema(description = "foundDesiredSearches ÷ searches; null without searches.")
            Double foundDesiredRate) {

        public static Totals of(SearchTotals t) {
            long n = t.searches();
            return new Totals(
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

    public record QueryCount(
            @Schema(description = "The query text, trimmed and lower-cased.")
            String query,

            @Schema(description = "How many searches (in topNoResultQueries: zero-result searches) had it.")
            long searches) {}

    /** Nearest-rank percentiles over exact millisecond values. */
    public record ClickTime(
            @Schema(description = "Searches with a click: the population of the percentiles.")
            long searches,

            @Schema(description = "Median time to first click, in milliseconds (nearest rank); null without clicks.")
            Integer median,

            @Schema(
                    description = "90th percentile of the time to first click, in milliseconds (nearest rank); null"
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

    /** The figures of a range from its sums and distributions. */
    public static SearchMetrics of(
            TimeGrid.Range range,
            boolean includeBots,
            Instant asOf,
            SearchTotals totals,
            List<QueryCount> topQueries,
            List<QueryCount> topNoResultQueries,
            List<NearestRank.ValueCount> timesToFirstClick,
            List<PositionCount> clickPositions) {
        return new SearchMetrics(
                range.from(),
                range.to(),
                includeBots,
                asOf,
                Totals.of(totals),
                topQueries,
                topNoResultQueries,
                ClickTime.of(timesToFirstClick),
                clickPositions);
    }
}
