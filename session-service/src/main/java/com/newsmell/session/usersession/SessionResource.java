package com.newsmell.session.usersession;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/sessions")
public class SessionResource {

    private final SessionQueryService sessions;

    public SessionResource(SessionQueryService sessions) {
        this.sessions = sessions;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/{sessionId}")
    @Produces(ApiConvention.JSON)
    @Operation(
            summary = "One session, as folded from its events so far",
            description = "endTime, duration, durationMs and exitPage are absent, and bounced false, until the session"
                    + " is closed (no event for the idle timeout, 30 minutes by default).")
    @APIResponse(responseCode = "200", description = "The session")
    public Uni<SessionView> get(
            @Parameter(description = "The session (the events' sessionId)") @PathParam("sessionId") String sessionId) {
        return sessions.get(sessionId);
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "List sessions",
            description = "Optional userId; from (inclusive) and to (exclusive), each optional, bound the session's"
                    + " startTime, and the page echoes them. Ordered by startTime, then sessionId; keyset paging with"
                    + " the nextCursor of the previous page. Bot sessions are listed too (isBot). Accept: text/csv"
                    + " answers the items as CSV.")
    public Uni<Page<SessionView>> list(
            @Parameter(description = "Only this user's sessions", schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("userId")
                    String userId,
            @BeanParam WindowParams window,
            @BeanParam PageParams page) {
        return sessions.list(userId, window, page);
    }
}
