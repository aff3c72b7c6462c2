package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.writekey.WriteKeyRequired;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** Ingest API: thin, everything happens in {@link IngestService}. */
@Path("/v1/events")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final String BATCH_EXAMPLE = "{\"events\":[{\"sessionId\":\"sess-7f3a\",\"eventType\":\"BACK_BUTTON\","
            + "\"timestamp\":\"2026-12-06T10:00:00Z\",\"path\":\"/perfumes/p-4\"},{\"sessionId\":\"sess-7f3a\","
            + "\"eventType\":\"HOUSE_LINK_CLICKED\",\"timestamp\":\"2026-12-06T10:00:05Z\",\"path\":\"/perfumes/p-4\","
            + "\"perfumeId\":\"p-4\"}]}";

    /** The key's other place (checked by the write-key filter, ADR 0065), documented on both endpoints. */
    static final String WRITE_KEY_PARAMETER = "The write key, for clients that cannot send headers"
            + " (navigator.sendBeacon); others send it as the Basic-auth user name with an empty password";

    private final IngestService ingest;
    private final IngestAdmission admission;
    private final CollectorConfig config;

    public EventResource(IngestService ingest, IngestAdmission admission, CollectorConfig config) {
        this.ingest = ingest;
        this.admission = admission;
        this.config = config;
    }

    @POST
    @WriteKeyRequired
    @Operation(
            summary = "Ingest one UserInteractionEvent",
            description = "Validated against the contract (the seed's types and required fields; a string holding a NUL"
                    + " or a lone surrogate is refused, rules no-nul and utf-16), enriched, and answered once Kafka"
                    + " acknowledged it. The stored timestamp is the clock-corrected time, never later than"
                    + " receivedAt. Answer: accepted (1: events acknowledged by Kafka), rejected (0), eventIds (the"
                    + " accepted event's eventId).")
    @APIResponse(
            responseCode = "202",
            description = "Acknowledged by Kafka; the body lists the eventId",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IngestResult")))
    @APIResponse(
            responseCode = "400",
            description = "Invalid event (application/problem+json, one error per field: pointer and rule); nothing"
                    + " is stored")
    @APIResponse(responseCode = "401", description = "No write key, or an unknown or revoked one (problem+json)")
    @APIResponse(responseCode = "403", description = "The write key does not allow the request's origin")
    @APIResponse(responseCode = "429", description = "A rate limit is reached; retry after Retry-After")
    @APIResponse(
            responseCode = "503",
            description = "Kafka could not take the write, or the collector is at its in-flight limit (overloaded);"
                    + " nothing accepted, retry after Retry-After")
    public Uni<Response> ingest(
            @RequestBody(
                            required = true,
                            description = "One event: the schema of its eventType (GET /v1/schemas)",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "InteractionEventSubmission")))
                    byte[] body,
            @Parameter(description = WRITE_KEY_PARAMETER) @QueryParam("writeKey") String writeKey,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return admission
                .admit(body.length, () -> ingest.ingestOne(body, context(headers, request)))
                .map(result -> result.headers(
                                Response.accepted(result.toJson(false).toString()))
                        .build());
    }

    @POST
    @WriteKeyRequired
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(
            summary = "Ingest up to 500 events as {\"events\": [...]}; answered per event",
            description = "Each event is checked on its own: valid ones are published, invalid ones are rejected"
                    + " with their errors and dead-lettered. Answer: accepted (events of this request acknowledged"
                    + " by Kafka), rejected (events of this request that broke a rule), eventIds (the accepted"
                    + " events' eventIds, in request order), results[] (per index: accepted with its eventId, or"
                    + " rejected with its errors, pointers prefixed /events/{index}). The body may also come as text/plain: what navigator.sendBeacon sends"
                    + " cross-origin without a preflight (the typed TypeScript client does on page hide).")
    @APIResponse(
            responseCode = "202",
            description =
                    "At least one event was acknowledged by Kafka; results[] says, per event, accepted or rejected with its errors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BatchIngestResult")))
    @APIResponse(responseCode = "400", description = "The batch itself, or every event in it, is invalid")
    @APIResponse(responseCode = "413", description = "Body larger than the limit")
    @APIResponse(responseCode = "401", description = "No write key, or an unknown or revoked one (problem+json)")
    @APIResponse(responseCode = "403", description = "The write key does not allow the request's origin")
    @APIResponse(responseCode = "429", description = "A rate limit is reached; retry after Retry-After")
    @APIResponse(
            responseCode = "503",
            description = "Kafka could not take the write, or the collector is at its in-flight limit (overloaded);"
                    + " nothing accepted, retry after Retry-After")
    public Uni<Response> ingestBatch(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "EventBatch"),
                                            examples = @ExampleObject(name = "two events", value = BATCH_EXAMPLE)))
                    byte[] body,
            @Parameter(description = WRITE_KEY_PARAMETER) @QueryParam("writeKey") String writeKey,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return admission
                .admit(body.length, () -> ingest.ingestBatch(body, context(headers, request)))
                .map(result -> result.headers(
                                Response.accepted(result.toJson(true).toString()))
                        .build());
    }

    private RequestContext context(HttpHeaders headers, HttpServerRequest request) {
        return RequestContext.of(headers, request, config);
    }
}
