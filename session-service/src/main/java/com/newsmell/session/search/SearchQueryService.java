package com.newsmell.session.search;

import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reads search queries; parameters are checked here and answered with problem details. */
@ApplicationScoped
public class SearchQueryService {

    private final SearchQueryRepository queries;

    public SearchQueryService(SearchQueryRepository queries) {
        this.queries = queries;
    }

    public Uni<Page<SearchQueryView>> list(
            String sessionId, String userId, String from, String to, String limit, String cursor) {
        if (QueryParams.blank(sessionId) && QueryParams.blank(userId)) {
            throw new ProblemException(Problem.invalidQuery("sessionId", "required", "Give sessionId or userId."));
        }
        Instant fromTime = QueryParams.instant("from", from);
        Instant toTime = QueryParams.instant("to", to);
        QueryParams.range(fromTime, toTime);
        int size = QueryParams.limit(limit);
        String[] after = QueryParams.decodeCursor(cursor, 3);
        return queries.page(
                        QueryParams.blankToNull(sessionId),
                        QueryParams.blankToNull(userId),
                        fromTime,
                        toTime,
                        after,
                        size)
                .map(rows -> Page.of(
                        rows,
                        size,
                        SearchQuery::view,
                        row -> QueryParams.encodeCursor(row.timestamp.toString(), row.sessionId, row.searchId)));
    }
}
