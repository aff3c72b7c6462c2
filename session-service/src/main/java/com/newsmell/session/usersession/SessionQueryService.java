package com.newsmell.session.usersession;

import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reads sessions; parameters are checked here and answered with problem details. */
@ApplicationScoped
public class SessionQueryService {

    private final UserSessionRepository sessions;

    public SessionQueryService(UserSessionRepository sessions) {
        this.sessions = sessions;
    }

    public Uni<SessionView> get(String sessionId) {
        return sessions.findBySessionId(sessionId).map(session -> {
            if (session == null) {
                throw new ProblemException(
                        Problem.of(404, "session-not-found", "Session not found", "No session " + sessionId + " yet."));
            }
            return session.view();
        });
    }

    public Uni<Page<SessionView>> list(String userId, WindowParams windowParams, PageParams page) {
        TimeWindow window = windowParams.list(false);
        int size = page.size();
        String[] after = QueryParams.decodeCursor(page.cursor, 2);
        return sessions.page(
                        QueryParams.blankToNull(userId),
                        window.from(),
                        window.to(),
                        after == null ? null : Instant.parse(after[0]),
                        after == null ? null : after[1],
                        size)
                .map(rows -> Page.<UserSession, SessionView>of(
                                rows,
                                size,
                                UserSession::view,
                                row -> QueryParams.encodeCursor(row.startTime.toString(), row.sessionId))
                        .window(window.from(), window.to(), window.tz()));
    }
}
