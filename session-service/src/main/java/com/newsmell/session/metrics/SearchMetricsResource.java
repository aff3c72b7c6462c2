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

@Path("/v1/search/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class SearchMetricsResource {

    private final MetricsService metrics;

    public SearchMetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Operation(
            summary = "Search metrics",
            description = "Over the searches made in [from, to) (whole UTC hours: 400, rule grid, otherwise; at most"
                    + " 26352 hours), from the hourly rollups as of asOf: totals (searches; click-through, no-result,"
                    + " refinement, abandonment and found-desired rates, each with its count), top queries and top"
                    + " no-result queries (trimmed, lower case), median and p90 of the time to first click (ms,"
                    + " nearest rank, with the number of searches they are over), and the clicks per result position."
                    + " Bot sessions' searches are left out unless includeBots=true. Definitions: docs/metrics.md.")
    @APIResponse(responseCode = "200", description = "The metrics")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem details)")
    public Uni<SearchMetrics> get(
            @QueryParam("from") @Parameter(description = "ISO-8601 instant on a whole UTC hour, inclusive; required")
                    String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant on a whole UTC hour, exclusive; required")
                    String to,
            @QueryParam("includeBots") @Parameter(description = "true to count bot sessions") String includeBots,
            @QueryParam("top") @Parameter(description = "size of the top lists, 1 to 100, default 10") String top) {
        return metrics.searches(from, to, includeBots, top);
    }
}
