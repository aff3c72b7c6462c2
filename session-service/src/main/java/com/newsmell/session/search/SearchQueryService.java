package com.newsmell.session.search;

import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import com.newsmell.session.web.Page;
import com.newsmell.session.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads search queries; parameters are checked here and answered with problem details. */
@ApplicationScoped
public class SearchQueryService {

    private final SearchQueryRepository queries;

    public SearchQueryService(SearchQueryRepository queries) {
        this.queries = queries;
    }

    public Uni<Page<SearchQueryView>> list(
            String sessionId, String userId, String from, String to, String limit, String cursor) {
        if (Params.blank(sessionId) && Params.blank(userId)) {
            throw new ProblemException(Problem.invalidQuery("sessionId", "required", "Give sessionId or userId."));
        }
        Instant fromTime = Params.instant("from", from);
        Instant toTime = Params.instant("to", to);
        Params.range(fromTime, toTime);
        int size = Params.limit(limit);
        String[] after = Params.decodeCursor(cursor, 3);
        return queries.page(Params.blankToNull(sessionId), Params.blankToNull(userId), fromTime, toTime, after, size)
                .map(rows -> {
                    List<SearchQueryView> items =
                            rows.stream().limit(size).map(SearchQuery::view).toList();
                    String next = null;
                    if (rows.size() > size) {
                        SearchQueryView last = items.get(size - 1);
                        next = Params.encodeCursor(last.timestamp().toString(), last.sessionId(), last.searchId());
                    }
                    return new Page<>(items, next);
                });
    }
}
