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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        String user = QueryParams.blankToNull(userId);
        if (user != null) {
            return listOfUsers(List.of(user), windowParams, page).map(pages -> pages.get(user));
        }
        TimeWindow window = windowParams.list(false);
        int size = page.size();
        String[] after = QueryParams.decodeCursor(page.cursor, 2);
        return sessions.page(
                        null,
                        window.from(),
                        window.to(),
                        after == null ? null : Instant.parse(after[0]),
                        after == null ? null : after[1],
                        size)
                .map(rows -> page(rows, size, window));
    }

    /**
     * The same page (window, limit, cursor) of each of these users' sessions, by userId: two statements for any
     * number of users (GET /v1/sessions?userId= and the GraphQL User's sessions, batched).
     */
    public Uni<Map<String, Page<SessionView>>> listOfUsers(
            List<String> userIds, WindowParams windowParams, PageParams page) {
        TimeWindow window = windowParams.list(false);
        int size = page.size();
        String[] after = QueryParams.decodeCursor(page.cursor, 2);
        return sessions.pagesOfUsers(
                        userIds,
                        window.from(),
                        window.to(),
                        after == null ? null : Instant.parse(after[0]),
                        after == null ? null : after[1],
                        size)
                .map(rows -> {
                    Map<String, List<UserSession>> byUser = new HashMap<>();
                    rows.forEach(r -> byUser.computeIfAbsent(r.userId, u -> new ArrayList<>())
                            .add(r));
                    Map<String, Page<SessionView>> pages = new HashMap<>();
                    userIds.forEach(u -> pages.put(u, page(byUser.getOrDefault(u, List.of()), size, window)));
                    return pages;
                });
    }

    private static Page<SessionView> page(List<UserSession> rows, int size, TimeWindow window) {
        return Page.<UserSession, SessionView>of(
                        rows,
                        size,
                        UserSession::view,
                        row -> QueryParams.encodeCursor(row.startTime.toString(), row.sessionId))
                .window(window.from(), window.to(), window.tz());
    }
}
