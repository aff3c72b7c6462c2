package com.newsmell.collector.segment;

import com.newsmell.collector.config.CollectorConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The browser SDK's short paths (ADR 0060): {@code /t}, {@code /p}, {@code /i}, {@code /a}, {@code /g}, {@code /s}
 * and {@code /b} (batch), at the root and under {@code /v1} ({@link SpecResource#shortPath}), sent as text/plain (no CORS preflight) with the write key
 * in the body. The settings endpoint points analytics-next at {@code <host>/v1}.
 */
@Path("/")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class ShortPathResource {

    private final SpecService spec;
    private final CollectorConfig config;

    public ShortPathResource(SpecService spec, CollectorConfig config) {
        this.spec = spec;
        this.config = config;
    }

    @POST
    @Path("/{letter: [tpiagsb]}")
    @Operation(
            summary = "analytics-next's short paths: t track, p page, i identify, a alias, g group, s screen, b batch",
            description = "As /v1/{type} and /v1/batch; the body is JSON sent as text/plain, its writeKey the write"
                    + " key.")
    @APIResponse(
            responseCode = "200",
            description = "Accepted, linked or rejected per message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SpecAnswer")))
    @APIResponse(responseCode = "400", description = "Not JSON, not gzip")
    @APIResponse(responseCode = "401", description = "No write key, or an unknown one")
    @APIResponse(responseCode = "413", description = "Over 32 KB a message or 500 KB a batch, inflated")
    @APIResponse(responseCode = "503", description = "Kafka could not take the write; retry after Retry-After")
    public Uni<Response> shortPath(
            @PathParam("letter") String letter,
            byte[] body,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return SpecResource.receive(body, SpecMapping.SHORT_PATHS.get(letter), headers, request, spec, config);
    }
}
