package com.newsmell.session.jobs;

import com.newsmell.session.metrics.HourlyRollupJob;
import com.newsmell.session.session.IdleSessionCloser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cluster-internal admin endpoints: run a scheduled job now (tests, the end-to-end test, operators). Not to be
 * exposed through the public ingress.
 */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Cluster-internal: run the scheduled jobs now")
public class JobResource {

    private final IdleSessionCloser closer;
    private final HourlyRollupJob rollup;

    public JobResource(IdleSessionCloser closer, HourlyRollupJob rollup) {
        this.closer = closer;
        this.rollup = rollup;
    }

    /** What a job run did. */
    public record CloseRun(int closedSessions, int deadLetteredClicks) {}

    public record RollupRun(int hours) {}

    @POST
    @Path("/close-idle-sessions")
    @Operation(
            summary = "Close idle sessions now (admin, cluster-internal)",
            description = "Closes every open session whose last event is older than the idle timeout, and sends "
                    + "their orphan search clicks to the dead-letter topic. Runs every minute anyway.")
    @APIResponse(responseCode = "200", description = "What the run did")
    public Uni<CloseRun> closeIdleSessions() {
        return closer.run(Instant.now()).map(r -> new CloseRun(r.closedSessions(), r.deadLetteredClicks()));
    }

    @POST
    @Path("/rollup")
    @Operation(
            summary = "Run the hourly rollups now (admin, cluster-internal)",
            description = "Recomputes unique users and search popularity for every hour that changed. Runs hourly "
                    + "anyway.")
    @APIResponse(responseCode = "200", description = "How many hours were recomputed")
    public Uni<RollupRun> rollup() {
        return rollup.run().map(RollupRun::new);
    }
}
