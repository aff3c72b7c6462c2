package com.newsmell.session.session;

import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final UserSessionRepository sessions;

    public SessionResource(UserSessionRepository sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "One session, as built from its events so far")
    public Uni<SessionView> get(@PathParam("sessionId") String sessionId) {
        return sessions.findBySessionId(sessionId).map(session -> {
            if (session == null) {
                throw new ProblemException(
                        Problem.of(404, "session-not-found", "Session not found", "No session " + sessionId + " yet."));
            }
            return SessionView.of(session);
        });
    }

    /** The API's view of a UserSession. */
    public record SessionView(
            String sessionId, String userId, Instant startTime, Instant endTime, int pageViews, int interactions) {
        static SessionView of(UserSession s) {
            return new SessionView(s.sessionId, s.userId, s.startTime, s.endTime, s.pageViews, s.interactions);
        }
    }
}
