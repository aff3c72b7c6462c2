package com.newsmell.collector.query;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
            description = "One of userId, sessionId or perfumeId; optional type, from (inclusive), to (exclusive). "
                    + "Ordered by timestamp, then eventId; keyset paging with the nextCursor of the previous page.")
    public Uni<String> find(
            @QueryParam("userId") String userId,
            @QueryParam("sessionId") String sessionId,
            @QueryParam("perfumeId") String perfumeId,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return events.find(EventQuery.of(userId, sessionId, perfumeId, type, from, to, limit, cursor))
                .map(Object::toString);
    }
}
