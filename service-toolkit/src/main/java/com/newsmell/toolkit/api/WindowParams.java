package com.newsmell.toolkit.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code from}, {@code to} and {@code tz}, declared and documented once for every endpoint (ADR 0015): a resource
 * takes {@code @BeanParam WindowParams window} and reads it with {@link #metrics}, {@link #totals} or {@link #list}.
 */
public class WindowParams {

    @QueryParam("from")
    @Parameter(description = ApiDocs.FROM, schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String from;

    @QueryParam("to")
    @Parameter(description = ApiDocs.TO, schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String to;

    @QueryParam("tz")
    @Parameter(description = ApiDocs.TZ, schema = @Schema(type = SchemaType.STRING, defaultValue = "UTC"))
    public String tz;

    public WindowParams() {}

    public WindowParams(String from, String to, String tz) {
        this.from = from;
        this.to = to;
        this.tz = tz;
    }

    /** A metrics window of this granularity ({@link TimeWindow#metrics}). */
    public TimeWindow metrics(TimeWindow.Granularity granularity) {
        return TimeWindow.metrics(from, to, tz, granularity);
    }

    /** A totals-only metrics window ({@link TimeWindow#totals}). */
    public TimeWindow totals() {
        return TimeWindow.totals(from, to, tz);
    }

    /** A list's window ({@link TimeWindow#list}); both ends required when the list is bounded by time alone. */
    public TimeWindow list(boolean required) {
        return TimeWindow.list(from, to, tz, required);
    }
}
