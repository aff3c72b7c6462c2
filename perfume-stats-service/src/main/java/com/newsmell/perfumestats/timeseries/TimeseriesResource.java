package com.newsmell.perfumestats.timeseries;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes/{perfumeId}/timeseries")
@RolesAllowed(Roles.ANALYST)
public class TimeseriesResource {

    private final TimeseriesService series;
    private final PerfumeStatsConfig config;

    public TimeseriesResource(TimeseriesService series, PerfumeStatsConfig config) {
        this.series = series;
        this.config = config;
    }

    @GET
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "A perfume's events per hour or per day",
            description = "The metrics envelope (ADR 0015): one bucket per hour or day of [from, to), 0 where nothing"
                    + " happened, and the range's totals from the same counts; a rate (avgViewDurationMs, searchCTR,"
                    + " recommendationCTR) comes with its numerator and denominator. from and to are required, on the"
                    + " granularity's grid in tz (400, rules required and grid). Hour buckets are UTC hours; day"
                    + " buckets are the days of tz: UTC days come from the daily buckets (kept for good), the days of"
                    + " another zone are summed from the hourly buckets, kept 35 days (older: 400, rule retention, on"
                    + " from and tz). A zone whose days or hours do not start on a UTC hour is 400, rule grid. At most"
                    + " 2232 hours or 1098 days after from (400, rule max-range, on to). 404 for a perfume the service"
                    + " has never seen. Bot events are left out. Accept: text/csv answers the buckets as CSV.")
    @APIResponse(responseCode = "200", description = "The series")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true)
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true)
    public Uni<TimeseriesService.Series> get(
            @Parameter(description = "The perfume") @PathParam("perfumeId") String perfumeId,
            @Parameter(
                            description = "views | wishlistAdds | collectionAdds | ratings (rating events) | reviews |"
                                    + " tradeInquiries | tradeCompleted | searchImpressions | searchClicks |"
                                    + " recommendationImpressions | recommendationClicks (counts) | avgViewDurationMs"
                                    + " (ms) | searchCTR | recommendationCTR (rates); default views. Deprecated, still"
                                    + " accepted for one release: recommendationImprs (use recommendationImpressions),"
                                    + " avgViewDuration (use avgViewDurationMs)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = "views",
                                            enumeration = {
                                                "views",
                                                "wishlistAdds",
                                                "collectionAdds",
                                                "ratings",
                                                "reviews",
                                                "tradeInquiries",
                                                "tradeCompleted",
                                                "searchImpressions",
                                                "searchClicks",
                                                "recommendationImpressions",
                                                "recommendationClicks",
                                                "avgViewDurationMs",
                                                "searchCTR",
                                                "recommendationCTR",
                                                "recommendationImprs",
                                                "avgViewDuration"
                                            }))
                    @QueryParam("metric")
                    String metric,
            @Parameter(
                            description = ApiDocs.GRANULARITY + "; default day",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = "day",
                                            enumeration = {"hour", "day"}))
                    @QueryParam("granularity")
                    String granularity,
            @BeanParam WindowParams window) {
        return series.read(TimeseriesQuery.parse(
                perfumeId, metric, granularity, window, config.jobs().hourlyRetentionDays()));
    }
}
