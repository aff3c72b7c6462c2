package com.newsmell.perfumestats.jobs;

import com.newsmell.contract.http.QueryParams;
import com.newsmell.perfumestats.reconcile.ReconcileJob;
import com.newsmell.perfumestats.trending.HourlyJob;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cluster-internal admin endpoints: run a job now (tests, the end-to-end test, operators). Not for the public. */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Cluster-internal: not exposed through the public ingress")
public class JobsResource {

    private final HourlyJob hourly;
    private final ReconcileJob reconcile;

    public JobsResource(HourlyJob hourly, ReconcileJob reconcile) {
        this.hourly = hourly;
        this.reconcile = reconcile;
    }

    @POST
    @Path("/hourly")
    @Operation(
            summary = "Runs the hourly job now (cluster-internal)",
            description = "Recomputes viewsLast7Days, viewsLast30Days and trendingScore of every perfume as of"
                    + " `now` truncated to the hour, and drops expired hourly buckets.")
    @APIResponse(responseCode = "200", description = "What the run did")
    @APIResponse(responseCode = "400", description = "A bad `now` (problem+json)")
    public Uni<JobReport> runHourly(
            @Parameter(description = "ISO-8601 instant to compute for; default the current time") @QueryParam("now")
                    String now) {
        return hourly.run(QueryParams.instant("now", now, Instant.now()));
    }

    @POST
    @Path("/reconcile")
    @Operation(
            summary = "Runs the daily reconciliation now (cluster-internal)",
            description = "Re-derives the counters from the daily buckets, memberships and ratings; reports and"
                    + " corrects drift (metric perfume_stats_reconcile_drift_total{field}).")
    @APIResponse(responseCode = "200", description = "What the run did, with the drift per field")
    @APIResponse(responseCode = "400", description = "A bad `now` (problem+json)")
    public Uni<JobReport> runReconcile(
            @Parameter(description = "ISO-8601 instant recorded as the run's time; default the current time")
                    @QueryParam("now")
                    String now) {
        return reconcile.run(QueryParams.instant("now", now, Instant.now()));
    }
}
