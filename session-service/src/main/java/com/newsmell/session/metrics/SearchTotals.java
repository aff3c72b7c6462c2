package com.newsmell.session.metrics;

/** The search_query_hourly sums over a range: searches, and how many had no results, a click, and each outcome. */
public record SearchTotals(
        long searches, long noResults, long withClicks, long refined, long abandoned, long foundDesired) {}
