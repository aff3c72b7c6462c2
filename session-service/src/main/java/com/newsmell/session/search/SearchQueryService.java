package com.newsmell.session.search;

import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Reads search queries; parameters are checked here and answered with problem details. */
@ApplicationScoped
public class SearchQueryService {

    /** The longest range of a listing across users (without sessionId or userId). */
    static final Duration MAX_RANGE_ACROSS_USERS = Duration.ofDays(93);

    /** The longest full-text query. */
    static final int MAX_QUERY_LENGTH = 200;

    private final SearchQueryRepository queries;

    public SearchQueryService(SearchQueryRepository queries) {
        this.queries = queries;
    }

    public Uni<Page<SearchQueryView>> list(
            String sessionId,
            String userId,
            String q,
            String hasResults,
            String from,
            String to,
            String limit,
            String cursor) {
        String session = QueryParams.blankToNull(sessionId);
        String user = QueryParams.blankToNull(userId);
        boolean acrossUsers = session == null && user == null;
        Instant fromTime = acrossUsers ? QueryParams.requiredInstant("from", from) : QueryParams.instant("from", from);
        Instant toTime = acrossUsers ? QueryParams.requiredInstant("to", to) : QueryParams.instant("to", to);
        QueryParams.range(fromTime, toTime);
        if (acrossUsers && Duration.between(fromTime, toTime).compareTo(MAX_RANGE_ACROSS_USERS) > 0) {
            throw QueryParams.bad(
                    "to",
                    "range",
                    "Without sessionId or userId, the range is at most " + MAX_RANGE_ACROSS_USERS.toDays() + " days.");
        }
        String text = QueryParams.blankToNull(q);
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw QueryParams.bad("q", "range", "q is at most " + MAX_QUERY_LENGTH + " characters.");
        }
        Boolean results = QueryParams.blank(hasResults) ? null : QueryParams.bool("hasResults", hasResults);
        int size = QueryParams.limit(limit);
        String[] after = QueryParams.decodeCursor(cursor, 3);
        return queries.page(new SearchFilter(session, user, fromTime, toTime, text, results), after, size)
                .map(rows -> Page.of(
                        rows,
                        size,
                        SearchQuery::view,
                        row -> QueryParams.encodeCursor(row.timestamp.toString(), row.sessionId, row.searchId)));
    }
}
