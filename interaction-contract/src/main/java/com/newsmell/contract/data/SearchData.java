package com.newsmell.contract.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * eventData of SEARCH_PERFORMED, SEARCH_REFINED and SEARCH_NO_RESULTS.
 *
 * @param searchId client-generated id correlating a search with its SEARCH_RESULT_CLICKED events (added)
 * @param query the query text
 * <p>The seed's {@code number} fields ({@code queryLength}, {@code resultsCount}, {@code resultsShown}) are
 * {@link Double}s, as a JavaScript client holds them (ADR 0014).
 *
 * @param queryLength {@code >= 0}
 * @param queryWords tokens of the query
 * @param filters raw filter object; validated when present: {@code houses}, {@code notes}, {@code perfumeType}
 *     arrays of strings, {@code priceRange {min,max}} numbers {@code >= 0} with {@code min <= max},
 *     {@code availability} / {@code tradeable} booleans
 * @param resultsCount total number of results, {@code >= 0}
 * @param resultsShown number of results displayed, {@code >= 0}
 * @param hasResults whether there were results
 * @param searchType one of {@link #SEARCH_TYPES}
 * @param queryType one of {@link #QUERY_TYPES} (added)
 * @param previousQuery the preceding query, for refinements
 * @param suggestionUsed whether a suggestion was used
 * @param resultPerfumeIds ids of the perfumes shown, in display order (added)
 */
public record SearchData(
        String searchId,
        String query,
        Double queryLength,
        List<String> queryWords,
        ObjectNode filters,
        Double resultsCount,
        Double resultsShown,
        Boolean hasResults,
        String searchType,
        String queryType,
        String previousQuery,
        Boolean suggestionUsed,
        List<String> resultPerfumeIds)
        implements EventData {

    public static final Set<String> SEARCH_TYPES = Set.of("initial", "refinement", "suggestion_click");
    public static final Set<String> QUERY_TYPES = Set.of("text", "voice", "filter_only");
}
