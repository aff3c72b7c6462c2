package com.newsmell.toolkit.jobs;

import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service's job API (ADR 0011): what its jobs are, how their runs went, and running one now. */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs", description = "Scheduled jobs and their runs (GET: analyst; POST: admin)")
public class JobsResource {

    private final JobsService jobs;

    static final String RUN_EXAMPLE =
            "{\"id\":42,\"job\":\"daily-rollup\",\"period\":\"2026-12-05T00:00:00.000Z\",\"trigger\":\"manual\",\"clock\":\"2026-12-06T02:00:00.000Z\",\"asOf\":\"2026-12-06T02:00:00.000Z\",\"status\":\"succeeded\",\"attempt\":1,\"startedAt\":\"2026-12-06T02:00:00.120Z\",\"finishedAt\":\"2026-12-06T02:00:03.480Z\",\"durationMs\":3360,\"rowsProcessed\":1200,\"shards\":1,\"runner\":\"replica-a\"}";
    static final String LIST_EXAMPLE = "{\"timeZone\":\"UTC\",\"schedulerEnabled\":true,\"runner\":\"replica-a\","
            + "\"jobs\":[{\"name\":\"daily-rollup\",\"description\":\"The day's rollup\",\"cron\":\"0 0 2 * * ?\","
            + "\"catchUp\":\"last\",\"shards\":1,\"nextScheduledAt\":\"2026-12-07T02:00:00.000Z\",\"recentRuns\":["
            + RUN_EXAMPLE + "]}]}";

    public JobsResource(JobsService jobs) {
        this.jobs = jobs;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(
            summary = "This service's scheduled jobs",
            description = "Each job with its cron, time zone, catch-up rule, shards, next scheduled time and its"
                    + " most recent runs (status running, completing, succeeded or failed; progress; error).")
    @APIResponse(
            responseCode = "200",
            description = "The jobs and their recent runs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobsService.JobList.class),
                            examples = @ExampleObject(name = "jobs", value = LIST_EXAMPLE)))
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
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Runs a job now (admin, cluster-internal)",
            description = "Runs the job at once, whatever its schedule, and answers when the run has ended, with"
                    + " the run as job_run records it. A manual run is never deduplicated against scheduled ones.")
    @APIResponse(
            responseCode = "200",
            description = "The run (its status says whether it succeeded)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobRun.class),
                            examples = @ExampleObject(name = "run", value = RUN_EXAMPLE)))
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
