package com.newsmell.session.metrics;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/sessions/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class SessionMetricsResource {

    private final MetricsService metrics;

    public SessionMetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Operation(
            summary = "Session metrics per hour or day",
            description = "Per bucket (UTC) of the sessions' start: sessions, unique users (identified users; "
                    + "rolled up hourly), average duration and bounce rate (over closed sessions), pages per session, "
                    + "and the wishlist, collection, rating and review conversion rates. Reads the rollups only: "
                    + "session figures are real-time, unique users are as of the last hourly rollup. Bot sessions are "
                    + "left out unless includeBots=true.")
    @APIResponse(responseCode = "200", description = "The buckets that have sessions")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem details)")
    public Uni<SessionMetrics> get(
            @QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive; required") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive; required") String to,
            @QueryParam("granularity") @Parameter(description = "hour (default) or day") String granularity,
            @QueryParam("deviceType") @Parameter(description = "mobile, tablet or desktop") String deviceType,
            @QueryParam("includeBots") @Parameter(description = "true to count bot sessions") String includeBots) {
        return metrics.sessions(from, to, granularity, deviceType, includeBots);
    }
}
