package com.newsmell.toolkit.api;

import com.newsmell.toolkit.http.QueryParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code includeBots}, declared and documented once for the metrics of data that keeps bot traffic (ADR 0015). */
public class BotParams {

    @QueryParam("includeBots")
    @Parameter(description = ApiDocs.INCLUDE_BOTS, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String includeBots;

    public BotParams() {}

    public BotParams(String includeBots) {
        this.includeBots = includeBots;
    }

    /** true or false, false when absent (rule type otherwise). */
    public boolean included() {
        return QueryParams.bool("includeBots", includeBots);
    }
}
