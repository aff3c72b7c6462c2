package com.newsmell.perfumestats.stats;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes")
@RolesAllowed(Roles.ANALYST)
public class PerfumeStatsResource {

    private final PerfumeStatsQueries queries;
    private final PerfumeStatsConfig config;

    public PerfumeStatsResource(PerfumeStatsQueries queries, PerfumeStatsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Path("/{perfumeId}/stats")
    @Produces(ApiConvention.JSON)
    @Operation(
            summary = "One perfume's interaction statistics",
            description = "Every field of PerfumeInteractionStats, with the numerator and denominator of each average"
                    + " and rate (docs/metrics.md). The counters are immediate (as of updatedAt); viewsLast7Days and"
                    + " viewsLast30Days count exactly the views in the windows ending at asOf, trendingScore is as of"
                    + " asOf, the hour the hourly job computed this perfume for. Durations are in ms (…Ms); the"
                    + " fields avgViewDuration, viewDurationSum and recommendationImprs are deprecated aliases.")
    @APIResponse(responseCode = "200", description = "The statistics")
    @APIResponse(responseCode = "404", description = "No (non-bot) interaction with the perfume yet (problem+json)")
    public Uni<PerfumeStatsView> get(@Parameter(description = "The perfume") @PathParam("perfumeId") String perfumeId) {
        return queries.one(perfumeId);
    }

    @GET
    @Path("/top")
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The perfumes with the highest value of a metric",
            description = "A list (ADR 0015): one page of perfumes, highest first (ties by perfumeId), each with its"
                    + " statistics and the value it was ranked by. Without from and to the ranking is over all time,"
                    + " from the stored statistics through the metric's index; with from and/or to it is over exactly"
                    + " that window, summed from the hourly and daily buckets (views, wishlist and collection adds,"
                    + " searchCTR, recommendationCTR, avgViewDurationMs; the others are kept over all time only);"
                    + " from and to must then be whole UTC hours (400, rule grid), and an absent to is up to now. A"
                    + " count is ranked from 1; a rate or average (avgRating, searchCTR, recommendationCTR,"
                    + " avgViewDurationMs) only when its denominator (ratings, impressions, views with a duration) is at"
                    + " least minSample (default 10). metric=viewsLast7Days is the seed's trending list; the momentum"
                    + " ranking (trendingScore) is GET /v1/perfumes/trending. Accept: text/csv answers the items.")
    @APIResponse(responseCode = "200", description = "Highest first")
    public Uni<Ranking> top(
            @Parameter(
                            description = "views (totalViews; over a window: views in it) | uniqueViewers | wishlist"
                                    + " (inWishlistCount; over a window: wishlist adds) | collection (inCollectionCount;"
                                    + " over a window: collection adds) | avgRating | searchCTR | recommendationCTR |"
                                    + " avgViewDurationMs | viewsLast7Days (the seed's trending) | viewsLast30Days."
                                    + " uniqueViewers, avgRating, viewsLast7Days and viewsLast30Days are over all"
                                    + " time only (with from/to: 400, rule window)",
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
                                                "avgViewDurationMs",
                                                "viewsLast7Days",
                                                "viewsLast30Days"
                                            }))
                    @QueryParam("metric")
                    String metric,
            @BeanParam PageParams page,
            @BeanParam WindowParams window,
            @Parameter(
                            description = ApiDocs.MIN_SAMPLE + ": impressions for searchCTR and recommendationCTR,"
                                    + " ratings for avgRating, views with a duration for avgViewDurationMs; default "
                                    + TopQuery.DEFAULT_MIN_SAMPLE + ". Counts are ranked from 1 whatever minSample",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "2147483647",
                                            defaultValue = "10"))
                    @QueryParam("minSample")
                    String minSample,
            @Parameter(
                            deprecated = true,
                            description = "Deprecated: use minSample. Only perfumes with at least this many ratings"
                                    + " (all time); for avgRating also its minSample when minSample is not given",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
                    @QueryParam("minRatings")
                    String minRatings,
            @Parameter(
                            description = "Only perfumes of this house (the latest houseId seen on their events)",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("houseId")
                    String houseId) {
        return queries.top(TopQuery.parse(
                metric,
                page,
                window,
                minSample,
                minRatings,
                houseId,
                Instant.now(),
                config.jobs().hourlyRetentionDays()));
    }
}
