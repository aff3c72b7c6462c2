package com.newsmell.session.search;

import com.newsmell.toolkit.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/search/queries")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchQueryService queries;

    public SearchResource(SearchQueryService queries) {
        this.queries = queries;
    }

    @GET
    @Operation(
            summary = "List search queries",
            description = "Across users, or of one session (sessionId) or user (userId). from (inclusive) and to"
                    + " (exclusive) bound the search's timestamp: required, at most 93 days apart, without sessionId"
                    + " and userId. q is a full-text query over the query text (PostgreSQL websearch syntax, 'simple'"
                    + " configuration: lower-cased whole words, every word must occur; \"quotes\" for a phrase, or,"
                    + " -word); hasResults=false lists the zero-result searches. Ordered by timestamp, sessionId,"
                    + " searchId; keyset paging with nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of search queries")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem details)")
    public Uni<Page<SearchQueryView>> list(
            @QueryParam("sessionId") @Parameter(description = "only this session's searches") String sessionId,
            @QueryParam("userId") @Parameter(description = "only this user's searches") String userId,
            @QueryParam("q") @Parameter(description = "full-text query over queryText, at most 200 characters")
                    String q,
            @QueryParam("hasResults")
                    @Parameter(description = "true: resultsCount > 0 only; false: resultsCount = 0 only")
                    String hasResults,
            @QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive") String to,
            @QueryParam("limit") @Parameter(description = "1 to 1000, default 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return queries.list(sessionId, userId, q, hasResults, from, to, limit, cursor);
    }
}
