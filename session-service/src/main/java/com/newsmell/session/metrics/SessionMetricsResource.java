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
            description = "The sessions that started in [from, to), per UTC hour or day of their start and in totals"
                    + " over the whole range (from the underlying counts: rates are sums over sums, unique users and"
                    + " visitors distinct over the whole range). from and to must fall on the granularity's grid (400,"
                    + " rule grid, otherwise); at most 2232 hours or 1098 days. Immediate: every figure includes every"
                    + " event the service has consumed. averageDuration and bounceRate are over closed sessions"
                    + " (closedSessions). Bot sessions are left out unless includeBots=true. Definitions:"
                    + " docs/metrics.md.")
    @APIResponse(responseCode = "200", description = "The totals, and the buckets that have sessions")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem details)")
    public Uni<SessionMetrics> get(
            @QueryParam("from")
                    @Parameter(description = "ISO-8601 instant on the granularity's UTC grid, inclusive; required")
                    String from,
            @QueryParam("to")
                    @Parameter(description = "ISO-8601 instant on the granularity's UTC grid, exclusive; required")
                    String to,
            @QueryParam("granularity") @Parameter(description = "hour (default) or day") String granularity,
            @QueryParam("deviceType") @Parameter(description = "mobile, tablet or desktop") String deviceType,
            @QueryParam("includeBots") @Parameter(description = "true to count bot sessions") String includeBots) {
        return metrics.sessions(from, to, granularity, deviceType, includeBots);
    }
}
