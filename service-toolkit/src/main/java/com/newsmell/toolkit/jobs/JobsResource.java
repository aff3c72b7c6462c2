package com.newsmell.toolkit.jobs;

import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service's job API (ADR 0011): what its jobs are, how their runs went, and running one now. */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs", description = "Scheduled jobs and their runs (POST is cluster-internal admin)")
public class JobsResource {

    private final JobsService jobs;

    public JobsResource(JobsService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(
            summary = "This service's scheduled jobs",
            description = "Each job with its cron, time zone, catch-up rule, shards, next scheduled time and its"
                    + " most recent runs (status running, completing, succeeded or failed; progress; error).")
    @APIResponse(responseCode = "200", description = "The jobs and their recent runs")
    public Uni<JobsService.JobList> list(
            @Parameter(
                            description = "How many recent runs per job (1-100, default 10)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("runs")
                    String runs) {
        return jobs.list(QueryParams.integer("runs", runs, 10, 1, 100), Instant.now());
    }

    @POST
    @Path("/{name}/runs")
    @Operation(
            summary = "Runs a job now (admin, cluster-internal)",
            description = "Runs the job at once, whatever its schedule, and answers when the run has ended, with"
                    + " the run as job_run records it. A manual run is never deduplicated against scheduled ones.")
    @APIResponse(responseCode = "200", description = "The run (its status says whether it succeeded)")
    @APIResponse(responseCode = "400", description = "A bad `now` (problem+json)")
    @APIResponse(responseCode = "404", description = "No job of that name (problem+json)")
    public Uni<JobRun> run(
            @Parameter(description = "The job's name, as GET /v1/jobs lists it") @PathParam("name") String name,
            @Parameter(
                            description = "ISO-8601 instant used as the job's clock; default the current time",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("now")
                    String now) {
        return jobs.runNow(name, QueryParams.instant("now", now, Instant.now()));
    }
}
