package com.newsmell.session.search;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/search/queries")
public class SearchResource {

    private final SearchQueryService queries;

    public SearchResource(SearchQueryService queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "List search queries",
            description = "Across users, or of one session (sessionId) or user (userId). from (inclusive) and to"
                    + " (exclusive) bound the search's timestamp: required, at most 93 days apart, without sessionId"
                    + " and userId; the page echoes them. q is a full-text query over the query text (PostgreSQL"
                    + " websearch syntax, 'simple' configuration: lower-cased whole words, every word must occur;"
                    + " \"quotes\" for a phrase, or, -word); hasResults=false lists the zero-result searches. Ordered"
                    + " by timestamp, sessionId, searchId; keyset paging with nextCursor. Accept: text/csv answers the"
                    + " items as CSV.")
    public Uni<Page<SearchQueryView>> list(
            @Parameter(description = "Only this session's searches", schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("sessionId")
                    String sessionId,
            @Parameter(description = "Only this user's searches", schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("userId")
                    String userId,
            @Parameter(
                            description = "Full-text query over queryText, at most 200 characters",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description = "true: resultsCount > 0 only; false: resultsCount = 0 only",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("hasResults")
                    String hasResults,
            @BeanParam WindowParams window,
            @BeanParam PageParams page) {
        return queries.list(sessionId, userId, q, hasResults, window, page);
    }
}
