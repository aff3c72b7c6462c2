package com.newsmell.session.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The specification's SearchQuery as the API returns it (and as {@link SearchFold} computes it). Every field is
 * defined in docs/metrics.md ("session-service", "SearchQuery"); the descriptions below say the same in one line.
 */
public record SearchQueryView(
        @Schema(description = "The client's searchId of the search event, else the event's eventId.")
        String searchId,

        @Schema(description = "The session the search was made in.")
        String sessionId,

        @Schema(description = "The session's user (first non-null userId of the session), null if anonymous.")
        String userId,

        @Schema(
                description = "The time of the event that made the search (SEARCH_PERFORMED, SEARCH_REFINED or a"
                        + " SEARCH_NO_RESULTS of its own), UTC.")
        Instant timestamp,

        @Schema(description = "The query text as the client sent it (not trimmed, not lower-cased); '' without query.")
        String queryText,

        @Schema(description = "text, voice or filter_only (filter_only: no query text but filters); text if not given.")
        String queryType,

        @Schema(
                description = "The seed's SearchEvent.searchType: initial, refinement or suggestion_click; a"
                        + " SEARCH_REFINED is refinement; initial if the event gave none.")
        String searchType,

        @Schema(
                description = "searchId of the search of the same session this one refines (the latest search before"
                        + " a SEARCH_REFINED, or before a refinement search with a previousQuery); null otherwise.")
        String refinesSearchId,

        @Schema(description = "The filters of the search event, {} without filters.")
        @Ignore // free-form JSON: not in the GraphQL type (issue 14)
        ObjectNode filters,

        @Schema(
                description = "Total results (eventData.resultsCount, else the number of resultPerfumeIds); 0 after a"
                        + " SEARCH_NO_RESULTS for this search.")
        int resultsCount,

        @Schema(
                description = "Results displayed (eventData.resultsShown, else the number of resultPerfumeIds); 0"
                        + " after a SEARCH_NO_RESULTS for this search.")
        int resultsShown,

        @Schema(description = "0-based positions of the clicks on this search's results, in click order.")
        List<Integer> clickedPositions,

        @Schema(description = "The perfumeIds of those clicks, in click order.")
        List<String> clickedPerfumes,

        @Schema(description = "Milliseconds from the search to its first result click; null without clicks.")
        Integer timeToFirstClick,

        @Schema(
                description = "Milliseconds from the search to the first later event that leaves its results (a"
                        + " click, the next search, or a page view elsewhere); null if none yet.")
        Integer timeOnResults,

        @Schema(description = "A clicked perfume was then wishlisted, collected, rated or viewed for at least 30 s.")
        boolean foundDesired,

        @Schema(description = "A later search of the session refines this one (see refinesSearchId).")
        boolean refinedQuery,

        @Schema(
                description = "No click before the next search of the session, or none at all once the session is"
                        + " closed.")
        boolean abandoned) {

    @JsonProperty("timeToFirstClickMs")
    @Schema(
            description = "timeToFirstClick with its unit in the name: milliseconds from the search to its first result"
                    + " click; absent without clicks.")
    public Integer timeToFirstClickMs() {
        return timeToFirstClick;
    }

    @JsonProperty("timeOnResultsMs")
    @Schema(description = "timeOnResults with its unit in the name: milliseconds on the results; absent if none yet.")
    public Integer timeOnResultsMs() {
        return timeOnResults;
    }
}
