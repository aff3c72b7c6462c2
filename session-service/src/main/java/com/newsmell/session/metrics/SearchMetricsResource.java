package com.newsmell.session.metrics;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.BotParams;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Search metrics and the top-queries ranking: thin; {@link MetricsService} checks the parameters and answers. Neither
 * takes filters or compare, so it takes the toolkit's BotParams without MetricsParams.
 */
@Path("/v1/search/metrics")
public class SearchMetricsResource {

    private final MetricsService metrics;

    public SearchMetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "Search metrics",
            description = "Over the searches made in [from, to), from the hourly rollups as of asOf. from and to are"
                    + " required, on whole hours in tz and in UTC (400, rule grid, otherwise), at most 1098 days apart"
                    + " (with granularity: 2232 hours or 1098 days). totals: searches; click-through, no-result,"
                    + " refinement, abandonment and found-desired rates, each with its count; median and p90 of the"
                    + " time to first click (ms, nearest rank, with the number of searches they are over); the top"
                    + " queries and top no-result queries (trimmed, lower case; at most limit, paged by GET"
                    + " /v1/search/metrics/top-queries); the clicks per result position. Without granularity the"
                    + " answer is totals only (no buckets); with granularity=hour or day, one bucket per hour (UTC) or"
                    + " day (of tz) with the searches and their rates. Bot sessions' searches are left out unless"
                    + " includeBots=true. Accept: text/csv answers the buckets, or without granularity the totals as"
                    + " one row (lists as JSON cells). Definitions: docs/metrics.md.")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true)
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true)
    public Uni<SearchMetrics.SearchMetricsAnswer> get(
            @BeanParam WindowParams window,
            @Parameter(
                            description = ApiDocs.GRANULARITY + "; absent: totals only, no buckets",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"hour", "day"}))
                    @QueryParam("granularity")
                    String granularity,
            @BeanParam BotParams bots,
            @Parameter(
                            description = "Size of the top lists (topQueries, topNoResultQueries): 1 to 1000, default"
                                    + " 100",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(
                            deprecated = true,
                            description = "Deprecated: use limit. Size of the top lists, when limit is absent",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
                    @QueryParam("top")
                    String top) {
        return metrics.searches(new MetricsService.SearchQuery(window, granularity, bots, limit, top));
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/top-queries")
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "Top search queries over a window",
            description = "The normalised queries (trimmed, lower case; '' left out) of the searches made in [from,"
                    + " to), ranked by metric (searches, or noResultSearches: the zero-result searches) descending,"
                    + " then by query; only queries with at least one. from and to are required, on whole hours in tz"
                    + " and in UTC, at most 1098 days apart. From the hourly rollups (see asOf of GET"
                    + " /v1/search/metrics). Paged with limit and cursor; the page says the window it ranked. Bot"
                    + " sessions' searches are left out unless includeBots=true.")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true)
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true)
    public Uni<Page<SearchMetrics.QueryCount>> topQueries(
            @BeanParam WindowParams window,
            @BeanParam BotParams bots,
            @Parameter(
                            description = "What to rank by: searches (default) or noResultSearches",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"searches", "noResultSearches"},
                                            defaultValue = "searches"))
                    @QueryParam("metric")
                    String metric,
            @BeanParam PageParams page) {
        return metrics.topQueries(window, bots, metric, page);
    }
}
