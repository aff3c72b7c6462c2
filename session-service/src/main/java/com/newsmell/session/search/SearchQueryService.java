package com.newsmell.session.search;

import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads search queries; parameters are checked here and answered with problem details. */
@ApplicationScoped
public class SearchQueryService {

    /** The longest full-text query. */
    static final int MAX_QUERY_LENGTH = 200;

    private final SearchQueryRepository queries;

    public SearchQueryService(SearchQueryRepository queries) {
        this.queries = queries;
    }

    public Uni<Page<SearchQueryView>> list(
            String sessionId, String userId, String q, String hasResults, WindowParams windowParams, PageParams page) {
        String user = QueryParams.blankToNull(userId);
        return pages(sessionId, user == null ? null : List.of(user), q, hasResults, windowParams, page)
                .map(pages -> pages.get(0));
    }

    /**
     * The same page (window, limit, cursor) of each of these users' searches, in their order: one statement for any
     * number of users (GET /v1/search/queries?userId= and the GraphQL User's searches, batched).
     */
    public Uni<List<Page<SearchQueryView>>> listOfUsers(
            List<String> userIds, WindowParams windowParams, PageParams page) {
        return pages(null, userIds, null, null, windowParams, page);
    }

    /** One page across users (users null), or one page per user given, in their order. */
    private Uni<List<Page<SearchQueryView>>> pages(
            String sessionId,
            List<String> users,
            String q,
            String hasResults,
            WindowParams windowParams,
            PageParams page) {
        String session = QueryParams.blankToNull(sessionId);
        boolean acrossUsers = session == null && users == null;
        TimeWindow window = windowParams.list(acrossUsers);
        String text = QueryParams.blankToNull(q);
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw QueryParams.bad("q", "range", "q is at most " + MAX_QUERY_LENGTH + " characters.");
        }
        Boolean results = QueryParams.blank(hasResults) ? null : QueryParams.bool("hasResults", hasResults);
        int size = page.size();
        String[] after = QueryParams.decodeCursor(page.cursor, 3);
        return queries.page(new SearchFilter(session, users, window.from(), window.to(), text, results), after, size)
                .map(rows -> {
                    if (users == null) {
                        return List.of(page(rows, size, window));
                    }
                    Map<String, List<SearchQuery>> byUser = new HashMap<>();
                    rows.forEach(r -> byUser.computeIfAbsent(r.userId, u -> new ArrayList<>())
                            .add(r));
                    return users.stream()
                            .map(u -> page(byUser.getOrDefault(u, List.of()), size, window))
                            .toList();
                });
    }

    private static Page<SearchQueryView> page(List<SearchQuery> rows, int size, TimeWindow window) {
        return Page.<SearchQuery, SearchQueryView>of(
                        rows,
                        size,
                        SearchQuery::view,
                        row -> QueryParams.encodeCursor(row.timestamp.toString(), row.sessionId, row.searchId))
                .window(window.from(), window.to(), window.tz());
    }
}
