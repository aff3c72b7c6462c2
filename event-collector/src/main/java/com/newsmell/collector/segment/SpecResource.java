package com.newsmell.collector.segment;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.ingest.RequestContext;
import com.newsmell.collector.writekey.IngestDoor;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The Segment HTTP tracking API (ADR 0060): {@code /v1/batch}, the single-message endpoints and analytics-next's short
 * paths ({@code /v1/t}, {@code /v1/p}, ..., {@code /v1/b}: one path template, as OpenAPI has no two templates that
 * differ only by their pattern), as Segment's and RudderStack's libraries call them; thin, everything happens in
 * {@link SpecService}.
 */
@Path("/v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class SpecResource {

    static final String TRACK_EXAMPLE = "{\"userId\":\"u-42\",\"event\":\"Product Viewed\",\"messageId\":\"m-1\","
            + "\"timestamp\":\"2026-12-06T10:00:00Z\",\"properties\":{\"product_id\":\"p-4\"}}";

    static final String BATCH_EXAMPLE = "{\"batch\":[{\"type\":\"track\",\"userId\":\"u-42\",\"event\":"
            + "\"Product Viewed\",\"messageId\":\"m-1\",\"timestamp\":\"2026-12-06T10:00:00Z\",\"properties\":"
            + "{\"product_id\":\"p-4\"}}]}";

    private final SpecService spec;
    private final CollectorConfig config;

    public SpecResource(SpecService spec, CollectorConfig config) {
        this.spec = spec;
        this.config = config;
    }

    @POST
    @Path("/batch")
    @Operation(
            summary = "Segment's batch: {\"batch\": [messages], \"sentAt\", \"context\"}",
            description = "Segment HTTP tracking API. The write key is the Basic-auth user name (empty password) or the"
                    + " body's writeKey; the body may be gzip (Content-Encoding), at most 500 KB inflated, each message"
                    + " at most 32 KB. Each message is mapped (ADR 0060) and checked alone; answered once Kafka"
                    + " acknowledged everything: success, accepted, rejected, results[] per message (accepted with its"
                    + " eventId, linked, identified, or rejected with its errors, also dead-lettered).")
    @APIResponse(
            responseCode = "200",
            description = "Every message accepted, linked or rejected (rejected ones are on the dead-letter topic)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SpecAnswer")))
    @APIResponse(responseCode = "400", description = "Not a batch: not JSON, not gzip, no batch array")
    @APIResponse(responseCode = "401", description = "No write key, or an unknown or revoked one (problem+json)")
    @APIResponse(responseCode = "403", description = "The write key does not allow the request's origin")
    @APIResponse(responseCode = "429", description = "A rate limit is reached; retry after Retry-After")
    @APIResponse(responseCode = "413", description = "More than 500 KB inflated (rule max-batch-bytes)")
    @APIResponse(
            responseCode = "503",
            description = "Kafka could not take the write, or the collector is at its in-flight limit (overloaded);"
                    + " nothing accepted, retry after Retry-After")
    public Uni<Response> batch(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "SpecBatch"),
                                            examples = @ExampleObject(name = "one track", value = BATCH_EXAMPLE)))
                    byte[] body,
            @Context HttpHeaders headers,
            @Context RoutingContext routing) {
        return receive(body, null, headers, routing);
    }

    @POST
    @Path("/{type: track|page|screen|identify|alias|group|t|p|i|a|g|s|b}")
    @Operation(
            summary =
                    "One Segment message (track, page, screen, identify, alias, group) or analytics-next's short path",
            description = "As /v1/batch, with one message of the path's type (at most 32 KB inflated, rule"
                    + " max-event-bytes). The short paths t, p, i, a, g, s are track, page, identify, alias, group and"
                    + " screen, and b a batch, as analytics-next sends them: JSON as text/plain (no CORS preflight),"
                    + " the write key in the body's writeKey; the settings point it here (apiHost <host>/v1).")
    @APIResponse(
            responseCode = "200",
            description = "The message was accepted, linked or rejected (then dead-lettered)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SpecAnswer")))
    @APIResponse(responseCode = "400", description = "Not JSON, not gzip")
    @APIResponse(responseCode = "401", description = "No write key, or an unknown or revoked one (problem+json)")
    @APIResponse(responseCode = "403", description = "The write key does not allow the request's origin")
    @APIResponse(responseCode = "429", description = "A rate limit is reached; retry after Retry-After")
    @APIResponse(
            responseCode = "413",
            description = "More than 32 KB inflated (rule max-event-bytes), or 500 KB for b (max-batch-bytes)")
    @APIResponse(
            responseCode = "503",
            description = "Kafka could not take the write, or the collector is at its in-flight limit (overloaded);"
                    + " nothing accepted, retry after Retry-After")
    public Uni<Response> single(
            @Parameter(
                            description = "The message type, or its short path's letter (b: a batch)",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "track",
                                                "page",
                                                "screen",
                                                "identify",
                                                "alias",
                                                "group",
                                                "t",
                                                "p",
                                                "i",
                                                "a",
                                                "g",
                                                "s",
                                                "b"
                                            }))
                    @PathParam("type")
                    String type,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "SpecMessage"),
                                            examples = @ExampleObject(name = "track", value = TRACK_EXAMPLE)))
                    byte[] body,
            @Context HttpHeaders headers,
            @Context RoutingContext routing) {
        return receive(body, type.length() == 1 ? SpecMapping.SHORT_PATHS.get(type) : type, headers, routing);
    }

    /** One call of any path: the body, its encoding and the write key as the request gives them. */
    private Uni<Response> receive(byte[] body, String type, HttpHeaders headers, RoutingContext routing) {
        return spec.receive(
                        body,
                        headers.getHeaderString("Content-Encoding"),
                        headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                        type,
                        RequestContext.of(headers, routing.request(), config),
                        IngestDoor.Visitor.of(routing, config.trustForwardedFor()))
                .map(received -> {
                    Response.ResponseBuilder ok = Response.ok(received.answer().toString());
                    received.headers().forEach(ok::header);
                    return ok.build();
                });
    }
}
