package com.newsmell.collector.metrics;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.MetricsParams;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Event metrics from the raw store: thin; {@link EventMetricsQuery} checks the parameters, the service answers. */
@Path("/v1/events/metrics")
@RolesAllowed(Roles.ANALYST)
public class EventMetricsResource {

    private final EventMetricsService metrics;

    public EventMetricsResource(EventMetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "Event metrics from the raw store: totals, buckets, breakdowns, comparison",
            description = "Counts the stored events with timestamp in [from, to): events, sessions (distinct"
                    + " sessionIds) and users (distinct signed-in userIds), in totals (distinct over the whole window,"
                    + " not sums of buckets) and per bucket (every bucket of the window, 0 where nothing happened;"
                    + " hour buckets are UTC hours, day buckets the days of tz). Bots are left out unless"
                    + " includeBots=true. With breakdown, the totals per value of that dimension (most events first,"
                    + " rows without a value as (unknown)), paged with limit and cursor, instead of buckets. Dimensions"
                    + " (breakdown and filters): eventType, eventCategory, country (the two-letter code from the"
                    + " trusted country header), deviceType (mobile, tablet, desktop), browser, os, source (the"
                    + " referrer's host without www., or (direct)), referrer, path; the values of eventType,"
                    + " eventCategory and deviceType filters are checked. from and to are required, on the"
                    + " granularity's grid in tz, at most 2232 hours or 1098 days apart. Accept: text/csv answers the"
                    + " buckets, or the breakdown's values, as CSV.")
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    public Uni<Metrics<EventBucket, EventFigures>> metrics(
            @BeanParam WindowParams window,
            @BeanParam MetricsParams params,
            @BeanParam BotParams bots,
            @Parameter(
                            description = ApiDocs.BREAKDOWN,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "eventType",
                                                "eventCategory",
                                                "country",
                                                "deviceType",
                                                "browser",
                                                "os",
                                                "source",
                                                "referrer",
                                                "path"
                                            }))
                    @QueryParam("breakdown")
                    String breakdown,
            @BeanParam PageParams page) {
        return metrics.metrics(EventMetricsQuery.of(window, params, bots, breakdown, page));
    }
}
