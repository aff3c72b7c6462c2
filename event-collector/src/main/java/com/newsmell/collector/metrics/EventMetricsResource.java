package com.newsmell.collector.metrics;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.Metrics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Event metrics from the raw store: thin; {@link EventMetricsQuery} checks the parameters, the service answers. */
@Path("/v1/events/metrics")
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
                    + " referrer's host without www., or (direct)), referrer, path. Accept: text/csv answers the"
                    + " buckets, or the breakdown's values, as CSV.")
    public Uni<Metrics<EventBucket, EventFigures>> metrics(
            @Parameter(
                            required = true,
                            description = ApiDocs.METRICS_FROM,
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            required = true,
                            description = ApiDocs.METRICS_TO,
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("to")
                    String to,
            @Parameter(description = ApiDocs.TZ, schema = @Schema(type = SchemaType.STRING, defaultValue = "UTC"))
                    @QueryParam("tz")
                    String tz,
            @Parameter(
                            description = ApiDocs.GRANULARITY,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"hour", "day"},
                                            defaultValue = "day"))
                    @QueryParam("granularity")
                    String granularity,
            @Parameter(
                            description = ApiDocs.INCLUDE_BOTS,
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeBots")
                    String includeBots,
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
            @Parameter(
                            description = ApiDocs.FILTERS
                                    + ". Dimensions: eventType, eventCategory, country, deviceType, browser, os,"
                                    + " source, referrer, path; eventType, eventCategory and deviceType values are"
                                    + " checked",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("filters")
                    String filters,
            @Parameter(
                            description = ApiDocs.COMPARE,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"previous_period"}))
                    @QueryParam("compare")
                    String compare,
            @Parameter(
                            description = ApiDocs.LIMIT + " (the breakdown's values per page)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(
                            description = ApiDocs.CURSOR + " (of the breakdown's values)",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("cursor")
                    String cursor) {
        return metrics.metrics(EventMetricsQuery.of(
                from, to, tz, granularity, includeBots, breakdown, filters, compare, limit, cursor));
    }
}
