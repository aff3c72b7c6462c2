package com.newsmell.collector.query;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Read API: thin; {@link EventQuery} checks the parameters (400 problem details), {@link EventQueryService} reads. */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventQueryResource {

    private final EventQueryService events;

    public EventQueryResource(EventQueryService events) {
        this.events = events;
    }

    @GET
    @Operation(
            summary = "Read the raw event store",
            description = "The stored events (bots included, each with isBot and botReason) of one userId, sessionId"
                    + " or perfumeId, optionally of one type and with timestamp in [from, to); ordered by timestamp,"
                    + " then eventId. Answer: items (at most limit events as the contract writes them; timestamp is"
                    + " the clock-corrected time, never later than receivedAt; clientTimestamp and sentAt are the"
                    + " client's clock), nextCursor (the cursor of the next page; null on the last one). Not a"
                    + " metrics endpoint: from and to are any instants in 1970-2100, no bucket grid.")
    public Uni<String> find(
            @Parameter(description = "The user's events") @QueryParam("userId") String userId,
            @Parameter(description = "The session's events") @QueryParam("sessionId") String sessionId,
            @Parameter(description = "The perfume's events") @QueryParam("perfumeId") String perfumeId,
            @Parameter(description = "Only events of this InteractionEventType") @QueryParam("type") String type,
            @Parameter(description = "ISO-8601 instant, inclusive: timestamp >= from") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive: timestamp < to") @QueryParam("to") String to,
            @Parameter(description = "Events per page, 1-1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return events.find(EventQuery.of(userId, sessionId, perfumeId, type, from, to, limit, cursor))
                .map(Object::toString);
    }
}
