package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Ingest API: thin, everything happens in {@link IngestService}. */
@Path("/v1/events")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final IngestService ingest;
    private final CollectorConfig config;

    public EventResource(IngestService ingest, CollectorConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @POST
    @Operation(
            summary = "Ingest one UserInteractionEvent",
            description = "Validated against the contract (the seed's types and required fields; a string holding a NUL"
                    + " or a lone surrogate is refused, rules no-nul and utf-16), enriched, and answered once Kafka"
                    + " acknowledged it. The stored timestamp is the clock-corrected time, never later than"
                    + " receivedAt. Answer: accepted (1: events acknowledged by Kafka), rejected (0), eventIds (the"
                    + " accepted event's eventId).")
    @APIResponse(responseCode = "202", description = "Acknowledged by Kafka; the body lists the eventId")
    @APIResponse(
            responseCode = "400",
            description = "Invalid event (application/problem+json, one error per field: pointer and rule); nothing"
                    + " is stored")
    @APIResponse(responseCode = "503", description = "Kafka could not take the write; retry after Retry-After")
    public Uni<Response> ingest(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return ingest.ingestOne(body, context(headers, request))
                .map(result ->
                        Response.accepted(result.toJson(false).toString()).build());
    }

    @POST
    @Path("/batch")
    @Operation(
            summary = "Ingest up to 500 events as {\"events\": [...]}; answered per event",
            description = "Each event is checked on its own: valid ones are published, invalid ones are rejected"
                    + " with their errors and dead-lettered. Answer: accepted (events of this request acknowledged"
                    + " by Kafka), rejected (events of this request that broke a rule), eventIds (the accepted"
                    + " events' eventIds, in request order), results[] (per index: accepted with its eventId, or"
                    + " rejected with its errors, pointers prefixed /events/{index}).")
    @APIResponse(
            responseCode = "202",
            description =
                    "At least one event was acknowledged by Kafka; results[] says, per event, accepted or rejected with its errors")
    @APIResponse(responseCode = "400", description = "The batch itself, or every event in it, is invalid")
    @APIResponse(responseCode = "413", description = "Body larger than the limit")
    @APIResponse(responseCode = "503", description = "Kafka could not take the write; retry after Retry-After")
    public Uni<Response> ingestBatch(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return ingest.ingestBatch(body, context(headers, request))
                .map(result -> Response.accepted(result.toJson(true).toString()).build());
    }

    private RequestContext context(HttpHeaders headers, HttpServerRequest request) {
        String remoteAddress =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new RequestContext(
                headers.getHeaderString(HttpHeaders.USER_AGENT),
                RequestContext.clientAddress(
                        remoteAddress, headers.getHeaderString("X-Forwarded-For"), config.trustForwardedFor()),
                headers.getHeaderString(config.countryHeader()),
                Instant.now());
    }
}
