package com.newsmell.session.usersession;

import com.newsmell.toolkit.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionQueryService sessions;

    public SessionResource(SessionQueryService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("/{sessionId}")
    @Operation(
            summary = "One session, as folded from its events so far",
            description = "endTime, duration and exitPage are null, and bounced false, until the session is closed "
                    + "(no event for the idle timeout, 30 minutes by default).")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No event of this session has been consumed yet")
    public Uni<SessionView> get(@PathParam("sessionId") String sessionId) {
        return sessions.get(sessionId);
    }

    @GET
    @Operation(
            summary = "List sessions",
            description = "Optional userId; from (inclusive) and to (exclusive) bound the session's startTime. "
                    + "Ordered by startTime, then sessionId; keyset paging with the nextCursor of the previous page. "
                    + "Bot sessions are listed too (isBot).")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem details)")
    public Uni<Page<SessionView>> list(
            @QueryParam("userId") String userId,
            @QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive") String to,
            @QueryParam("limit") @Parameter(description = "1 to 1000, default 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return sessions.list(userId, from, to, limit, cursor);
    }
}
