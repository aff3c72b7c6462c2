package com.newsmell.collector.segment;

import com.newsmell.collector.config.CollectorConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The settings analytics-next fetches from its CDN before it sends anything (ADR 0060), pointing it back at this
 * collector; {@link SpecSettings} writes them (RudderStack's: {@link SourceConfigResource}). Readable from any origin
 * (they hold nothing secret).
 */
@Path("/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final SpecService spec;
    private final CollectorConfig config;

    public SettingsResource(SpecService spec, CollectorConfig config) {
        this.spec = spec;
        this.config = config;
    }

    @GET
    @Path("/{writeKey}/settings")
    @Operation(
            summary = "analytics-next's CDN settings (give the SDK cdnURL = this collector)",
            description = "integrations[\"Segment.io\"].apiHost and protocol point at this collector"
                    + " (newsmell.collector.segment.api-host, else the request's host and /v1); no other destination,"
                    + " no remote plugin, no metrics.")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SegmentSettings")))
    @APIResponse(responseCode = "401", description = "An unknown write key")
    public Uni<Response> segment(
            @Parameter(description = "The write key") @PathParam("writeKey") String writeKey,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return spec.resolve(writeKey).map(key -> settings(SpecSettings.segment(writeKey, where(headers, request))));
    }

    private SpecSettings.Where where(HttpHeaders headers, HttpServerRequest request) {
        String forwardedProto = config.trustForwardedFor() ? headers.getHeaderString("X-Forwarded-Proto") : null;
        String protocol =
                config.segment().protocol().orElse(forwardedProto != null ? forwardedProto : request.scheme());
        String host = config.segment().apiHost().orElse(headers.getHeaderString(HttpHeaders.HOST) + "/v1");
        return new SpecSettings.Where(protocol, host);
    }

    static Response settings(Object body) {
        return Response.ok(body.toString())
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=60")
                .build();
    }
}
