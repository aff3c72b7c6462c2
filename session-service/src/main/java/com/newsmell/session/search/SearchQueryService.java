package com.newsmell.session.search;

import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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
        String session = QueryParams.blankToNull(sessionId);
        String user = QueryParams.blankToNull(userId);
        boolean acrossUsers = session == null && user == null;
        TimeWindow window = windowParams.list(acrossUsers);
        String text = QueryParams.blankToNull(q);
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw QueryParams.bad("q", "range", "q is at most " + MAX_QUERY_LENGTH + " characters.");
        }
        Boolean results = QueryParams.blank(hasResults) ? null : QueryParams.bool("hasResults", hasResults);
        int size = page.size();
        String[] after = QueryParams.decodeCursor(page.cursor, 3);
        return queries.page(new SearchFilter(session, user, window.from(), window.to(), text, results), after, size)
                .map(rows -> Page.<SearchQuery, SearchQueryView>of(
                                rows,
                                size,
                                SearchQuery::view,
                                row -> QueryParams.encodeCursor(row.timestamp.toString(), row.sessionId, row.searchId))
                        .window(window.from(), window.to(), window.tz()));
    }
}
