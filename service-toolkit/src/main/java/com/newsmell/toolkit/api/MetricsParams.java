package com.newsmell.toolkit.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every metrics endpoint with breakdowns takes besides its window (ADR 0015): {@code granularity},
 * {@code filters} and {@code compare}, declared and documented once. {@code breakdown} is the endpoint's own, since
 * its dimensions are; {@code includeBots} is {@link BotParams}, for the data that keeps bots.
 */
public class MetricsParams {

    @QueryParam("granularity")
    @Parameter(
            description = ApiDocs.GRANULARITY,
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"hour", "day"},
                            defaultValue = "day"))
    public String granularity;

    @QueryParam("filters")
    @Parameter(description = ApiDocs.FILTERS, schema = @Schema(type = SchemaType.STRING))
    public String filters;

    @QueryParam("compare")
    @Parameter(
            description = ApiDocs.COMPARE,
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"previous_period"}))
    public String compare;

    public MetricsParams() {}

    public MetricsParams(String granularity, String filters, String compare) {
        this.granularity = granularity;
        this.filters = filters;
        this.compare = compare;
    }

    /** hour or day, default day. */
    public TimeWindow.Granularity granularity() {
        return TimeWindow.Granularity.parse(granularity, TimeWindow.Granularity.DAY);
    }

    /** Whether the period before is asked for. */
    public boolean comparePrevious() {
        return Breakdown.comparePrevious(compare);
    }
}
