package com.newsmell.perfumestats.stats;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes")
@Produces(MediaType.APPLICATION_JSON)
public class PerfumeStatsResource {

    private final PerfumeStatsQueries queries;
    private final PerfumeStatsConfig config;

    public PerfumeStatsResource(PerfumeStatsQueries queries, PerfumeStatsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Path("/{perfumeId}/stats")
    @Operation(
            summary = "One perfume's interaction statistics",
            description = "Every field of PerfumeInteractionStats, with the numerator and denominator of each average"
                    + " and rate (docs/metrics.md). The counters are immediate (as of updatedAt); viewsLast7Days and"
                    + " viewsLast30Days count exactly the views in the windows ending at asOf, trendingScore is as of"
                    + " asOf, the hour the hourly job computed this perfume for.")
    @APIResponse(responseCode = "200", description = "The statistics")
    @APIResponse(responseCode = "404", description = "No (non-bot) interaction with the perfume yet (problem+json)")
    public Uni<PerfumeStatsView> get(@PathParam("perfumeId") String perfumeId) {
        return queries.one(perfumeId);
    }

    @GET
    @Path("/top")
    @Operation(
            summary = "The perfumes with the highest value of a metric",
            description = "Served from the stored statistics through the metric's index; perfumes without a value"
                    + " for the metric (0, or no ratio) are left out. metric=viewsLast7Days is the seed's trending list"
                    + " (trendingPerfumes: orderBy viewsLast7Days desc); the momentum ranking (trendingScore) is"
                    + " GET /v1/perfumes/trending. Each item carries the asOf of its windows.")
    @APIResponse(responseCode = "200", description = "Highest first")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in errors[].parameter (problem+json)")
    public Uni<PerfumeStatsQueries.Ranking> top(
            @Parameter(
                            description = "views (totalViews) | uniqueViewers | wishlist (inWishlistCount) | collection"
                                    + " (inCollectionCount) | avgRating | searchCTR | recommendationCTR | viewsLast7Days"
                                    + " (the seed's trending) | viewsLast30Days",
                            required = true,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "views",
                                                "uniqueViewers",
                                                "wishlist",
                                                "collection",
                                                "avgRating",
                                                "searchCTR",
                                                "recommendationCTR",
                                                "viewsLast7Days",
                                                "viewsLast30Days"
                                            }))
                    @QueryParam("metric")
                    String metric,
            @Parameter(description = "1 to the configured maximum (100), default 10") @QueryParam("limit") String limit,
            @Parameter(description = "only perfumes with at least this many ratings, default 0")
                    @QueryParam("minRatings")
                    String minRatings) {
        TopMetric m = QueryParams.oneOf("metric", metric, TopMetric.byParameter(), null);
        int l = QueryParams.integer(
                "limit", limit, config.api().defaultLimit(), 1, config.api().maxLimit());
        int min = QueryParams.integer("minRatings", minRatings, 0, 0, Integer.MAX_VALUE);
        return queries.top(m, l, min);
    }
}
