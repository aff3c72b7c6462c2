package com.newsmell.session.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The specification's SearchQuery as the API returns it (and as {@link SearchFold} computes it).
 *
 * @param timeToFirstClick milliseconds from the search to its first click, null without clicks
 * @param timeOnResults milliseconds from the search to the first later event that leaves the results, null if
 *     none yet
 */
public record SearchQueryView(
        String searchId,
        String sessionId,
        String userId,
        Instant timestamp,
        String queryText,
        String queryType,
        ObjectNode filters,
        int resultsCount,
        int resultsShown,
        List<Integer> clickedPositions,
        List<String> clickedPerfumes,
        Integer timeToFirstClick,
        Integer timeOnResults,
        boolean foundDesired,
        boolean refinedQuery,
        boolean abandoned) {}
