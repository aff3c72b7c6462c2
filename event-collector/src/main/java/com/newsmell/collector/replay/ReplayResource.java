package com.newsmell.collector.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Replay and backfill (ADR 0045): thin, everything happens in {@link ReplayService}. */
@Path("/v1/replays")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ReplayResource {

    private final ReplayService replays;

    public ReplayResource(ReplayService replays) {
        this.replays = replays;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replay the raw events of a time range to one service (admin once authentication lands)",
            description = "Publishes the raw events with an event time in [from, to) to the service's replay topic,"
                    + " which the service consumes into its tables by its live processing path (idempotent; events"
                    + " of erased users dropped): the months still in PostgreSQL are published by the collector at"
                    + " once, the archived months by event-archiver's replay command. Rebuilds a service's tables into"
                    + " an empty database, or backfills a service added later; with a target (the service's name followed by a"
                    + " suffix, such as perfume-stats-service-rebuild) the events go to that deployment's replay topic,"
                    + " so that a second deployment rebuilds into an empty database beside the live one. Answered 202 with the replay's"
                    + " progress; follow it at Location.")
    @RequestBody(
            description = "{\"service\": \"perfume-stats-service\", \"from\": \"2026-08-01T00:00:00Z\", \"to\":"
                    + " \"2026-12-01T00:00:00Z\"}, optionally with \"target\": \"perfume-stats-service-rebuild\"")
    @APIResponse(responseCode = "202", description = "Accepted: the replay as it stands")
    @APIResponse(
            responseCode = "400",
            description = "Unknown service, a target not of the service's name,"
                    + " a missing or malformed instant, from not before to, to in the future, a"
                    + " range over the maximum (problem+json)")
    public Uni<Response> request(JsonNode body) {
        return replays.request(body)
                .map(view -> Response.accepted(view)
                        .location(URI.create("/v1/replays/" + view.replayId()))
                        .build());
    }

    @GET
    @Path("/{replayId}")
    @Operation(
            summary = "A replay's progress and outcome",
            description = "Per source (postgres, parquet) its status and events published; what the service"
                    + " acknowledged (received, applied, dropped as erased users', dead-lettered); the status:"
                    + " publishing, applying (until the service acknowledged every published event), done or"
                    + " failed.")
    @APIResponse(responseCode = "200", description = "The replay")
    @APIResponse(responseCode = "404", description = "No such replay (problem+json)")
    public Uni<ReplayView> get(
            @Parameter(description = "The replay's id (a UUID), as POST answered it") @PathParam("replayId")
                    String replayId) {
        UUID id = QueryParams.pathUuid("replayId", replayId);
        return replays.view(id);
    }

    @GET
    @Operation(summary = "The replays, newest first", description = "Each with its progress and outcome.")
    @APIResponse(responseCode = "200", description = "A page of replays")
    public Uni<Page<ReplayView>> list(@BeanParam PageParams page) {
        return replays.list(page.size(), page.cursor);
    }
}
