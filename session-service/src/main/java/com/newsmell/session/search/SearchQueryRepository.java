package com.newsmell.session.search;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class SearchQueryRepository implements PanacheRepositoryBase<SearchQuery, SearchQueryKey> {

    /**
     * The full-text match, written exactly as the expression of the GIN index {@code idx_search_query_text} (V3) so
     * that PostgreSQL uses it: {@code 'simple'} lower-cases and splits words, without stemming or stop words.
     */
    static final String TEXT_MATCH = "to_tsvector('simple', query_text) @@ websearch_to_tsquery('simple', %s)";

    /** A native statement with its positional parameters ({@code ?1}, {@code ?2}, … in order). */
    public record Statement(String sql, List<Object> params) {}

    /**
     * Replaces the searches of these sessions with their re-folded ones (a search's key is its session's and the
     * client's searchId: there is nothing to update in place). Returns the hours (UTC) of the deleted searches, whose
     * rollups change too.
     */
    @WithSession
    public Uni<List<Instant>> replaceOfSessions(List<String> sessionIds, List<SearchQuery> searches) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "delete from search_query where session_id in (?1) "
                                        + "returning cast(floor(extract(epoch from timestamp) / 3600) as bigint)",
                                Long.class)
                        .setParameter(1, sessionIds)
                        .getResultList())
                .chain(hours -> (searches.isEmpty() ? Uni.createFrom().voidItem() : persist(searches))
                        .replaceWith(hoursOf(hours)));
    }

    /**
     * Replaces these searches' stored rows, by key (the fast path's changed searches, ADR 0070): one delete of the
     * keys, then the inserts. Returns the hours (UTC) of the deleted rows.
     */
    @WithSession
    public Uni<List<Instant>> replace(List<SearchQuery> searches) {
        if (searches.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < searches.size(); i++) {
            keys.append(i == 0 ? "" : ", ")
                    .append("(?")
                    .append(2 * i + 1)
                    .append(", ?")
                    .append(2 * i + 2)
                    .append(')');
        }
        return getSession()
                .chain(session -> {
                    var delete = session.createNativeQuery(
                            "delete from search_query where (session_id, search_id) in (" + keys
                                    + ") returning cast(floor(extract(epoch from timestamp) / 3600) as bigint)",
                            Long.class);
                    for (int i = 0; i < searches.size(); i++) {
                        delete.setParameter(2 * i + 1, searches.get(i).sessionId)
                                .setParameter(2 * i + 2, searches.get(i).searchId);
                    }
                    return delete.getResultList();
                })
                .chain(hours -> persist(searches).replaceWith(hoursOf(hours)));
    }

    private static List<Instant> hoursOf(List<Long> hours) {
        return hours.stream()
                .distinct()
                .map(hour -> Instant.ofEpochSecond(hour * 3600))
                .toList();
    }

    /**
     * One page in (timestamp, sessionId, searchId) order, keyset-paged; fetches limit + 1 rows (of each user, when the
     * filter names users: one statement for any number of them).
     */
    @WithSession
    public Uni<List<SearchQuery>> page(SearchFilter filter, String[] after, int limit) {
        Statement statement = pageStatement(filter, after, limit + 1);
        return getSession().chain(session -> {
            var query = session.createNativeQuery(statement.sql(), SearchQuery.class);
            for (int i = 0; i < statement.params().size(); i++) {
                query.setParameter(i + 1, statement.params().get(i));
            }
            return query.getResultList();
        });
    }

    /**
     * The statement of one page: the filter's conditions, the keyset after the previous page's last row, at most
     * {@code rows} rows, or {@code rows} of each user when the filter names users ({@code row_number()} per user over
     * the index (user_id, timestamp), ordered by user). Public so that a test can EXPLAIN exactly what the API runs.
     */
    public static Statement pageStatement(SearchFilter filter, String[] after, int rows) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.sessionId() != null) {
            where.add("session_id = " + param(params, filter.sessionId()));
        }
        if (filter.userIds() != null) {
            where.add("user_id in (" + param(params, filter.userIds()) + ")");
        }
        if (filter.from() != null) {
            where.add("timestamp >= cast(" + param(params, utc(filter.from())) + " as timestamptz)");
        }
        if (filter.to() != null) {
            where.add("timestamp < cast(" + param(params, utc(filter.to())) + " as timestamptz)");
        }
        if (filter.text() != null) {
            where.add(TEXT_MATCH.formatted(param(params, filter.text())));
        }
        if (filter.hasResults() != null) {
            where.add(filter.hasResults() ? "results_count > 0" : "results_count = 0");
        }
        if (after != null) {
            where.add("(timestamp, session_id, search_id) > (cast(" + param(params, utc(Instant.parse(after[0])))
                    + " as timestamptz), " + param(params, after[1]) + ", " + param(params, after[2]) + ")");
        }
        String conditions = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String order = "timestamp, session_id, search_id";
        String sql = filter.userIds() == null
                ? "select * from search_query" + conditions + " order by " + order + " limit " + param(params, rows)
                : "select * from search_query where (session_id, search_id) in (select session_id, search_id from"
                        + " (select session_id, search_id, row_number() over (partition by user_id order by " + order
                        + ") as n from search_query" + conditions + ") x where x.n <= " + param(params, rows)
                        + ") order by user_id, " + order;
        return new Statement(sql, List.copyOf(params));
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
