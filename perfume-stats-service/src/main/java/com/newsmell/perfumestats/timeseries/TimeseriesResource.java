package com.newsmell.perfumestats.timeseries;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.http.TimeGrid;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes/{perfumeId}/timeseries")
@Produces(MediaType.APPLICATION_JSON)
public class TimeseriesResource {

    private final TimeseriesService series;
    private final PerfumeStatsConfig config;

    public TimeseriesResource(TimeseriesService series, PerfumeStatsConfig config) {
        this.series = series;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "A perfume's events per hour or per day",
            description = "One point per bucket of [from, to), 0 where nothing happened, and the range's totals from"
                    + " the same counts; a rate (avgViewDuration, searchCTR, recommendationCTR) comes with its"
                    + " numerator and denominator. from and to fall on the granularity's UTC grid (else 400, rule"
                    + " grid; ADR 0013) and are echoed. Hour granularity is kept for the configured retention (35"
                    + " days) and a request spans at most 744 hours; day granularity at most 731 days. Bot events are"
                    + " left out.")
    @APIResponse(responseCode = "200", description = "The series")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in errors[].parameter (problem+json)")
    public Uni<TimeseriesService.Series> get(
            @PathParam("perfumeId") String perfumeId,
            @Parameter(
                            description = "views | wishlistAdds | collectionAdds | ratings (rating events) | reviews |"
                                    + " tradeInquiries | tradeCompleted | searchImpressions | searchClicks |"
                                    + " recommendationImprs | recommendationClicks (counts) | avgViewDuration (ms) |"
                                    + " searchCTR | recommendationCTR (rates); default views")
                    @QueryParam("metric")
                    String metric,
            @Parameter(description = "hour | day (UTC buckets), default day") @QueryParam("granularity")
                    String granularity,
            @Parameter(description = "ISO-8601 instant on the granularity's grid, inclusive; required")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "ISO-8601 instant on the granularity's grid, exclusive; required")
                    @QueryParam("to")
                    String to) {
        var m = QueryParams.oneOf("metric", metric, TimeseriesQuery.Metric.byParameter(), TimeseriesQuery.Metric.VIEWS);
        TimeGrid g = QueryParams.oneOf("granularity", granularity, TimeseriesQuery.granularities(), TimeGrid.DAY);
        long max = g == TimeGrid.HOUR
                ? config.api().maxHourRangeHours()
                : config.api().maxDayRangeDays();
        TimeGrid.Range range = g.range(from, to, max);
        Instant kept = g.floor(Instant.now().minus(Duration.ofDays(config.jobs().hourlyRetentionDays())));
        if (g == TimeGrid.HOUR && range.from().isBefore(kept)) {
            throw QueryParams.bad(
                    "from",
                    "retention",
                    "hourly buckets are kept " + config.jobs().hourlyRetentionDays()
                            + " days: from must be at or after " + kept + " (use granularity=day for older ranges).");
        }
        return series.read(new TimeseriesQuery(perfumeId, m, range));
    }
}
