package com.newsmell.perfumestats.timeseries;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.toolkit.http.QueryParams;
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
            description = "One point per bucket starting in [from, to) (from rounded down, to rounded up to the"
                    + " granularity), 0 where nothing happened. Hour granularity is kept for the configured retention"
                    + " (35 days) and a request spans at most 744 hours; day granularity at most 731 days.")
    @APIResponse(responseCode = "200", description = "The series")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in errors[].parameter (problem+json)")
    public Uni<TimeseriesService.Series> get(
            @PathParam("perfumeId") String perfumeId,
            @Parameter(description = "views | wishlistAdds | ratings (rating events), default views")
                    @QueryParam("metric")
                    String metric,
            @Parameter(description = "hour | day, default day") @QueryParam("granularity") String granularity,
            @Parameter(description = "ISO-8601 instant; default: to - 24 h (hour) or to - 30 d (day)")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "ISO-8601 instant, exclusive; default now") @QueryParam("to") String to) {
        var m = QueryParams.oneOf("metric", metric, TimeseriesQuery.Metric.byParameter(), TimeseriesQuery.Metric.VIEWS);
        var g = QueryParams.oneOf(
                "granularity", granularity, TimeseriesQuery.Granularity.byParameter(), TimeseriesQuery.Granularity.DAY);
        Instant end = g.ceil(QueryParams.instant("to", to, Instant.now()));
        Duration fallback = g == TimeseriesQuery.Granularity.HOUR ? Duration.ofHours(24) : Duration.ofDays(30);
        Instant start = g.floor(QueryParams.instant("from", from, end.minus(fallback)));
        if (!start.isBefore(end)) {
            throw QueryParams.bad("from", "before-to", "from must be before to");
        }
        TimeseriesQuery q = new TimeseriesQuery(perfumeId, m, g, start, end);
        long max = g == TimeseriesQuery.Granularity.HOUR
                ? config.api().maxHourRangeHours()
                : config.api().maxDayRangeDays();
        if (q.buckets() > max) {
            throw QueryParams.bad(
                    "from",
                    "max-range",
                    "a " + g.parameter + " series spans at most " + max + " " + g.parameter + "s; asked for "
                            + q.buckets() + " (use granularity=day for long ranges)");
        }
        return series.read(q);
    }
}
