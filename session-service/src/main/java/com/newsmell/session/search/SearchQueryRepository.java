package com.newsmell.session.search;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class SearchQueryRepository implements PanacheRepositoryBase<SearchQuery, SearchQueryKey> {

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
                        .replaceWith(hours.stream()
                                .distinct()
                                .map(hour -> Instant.ofEpochSecond(hour * 3600))
                                .toList()));
    }

    /** One page in (timestamp, sessionId, searchId) order, keyset-paged; fetches limit + 1 rows. */
    @WithSession
    public Uni<List<SearchQuery>> page(
            String sessionId, String userId, Instant from, Instant to, String[] after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (sessionId != null) {
            where.add("q.sessionId = :sessionId");
            params.put("sessionId", sessionId);
        }
        if (userId != null) {
            where.add("q.userId = :userId");
            params.put("userId", userId);
        }
        if (from != null) {
            where.add("q.timestamp >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("q.timestamp < :to");
            params.put("to", to);
        }
        if (after != null) {
            where.add("(q.timestamp > :at or (q.timestamp = :at and (q.sessionId > :sid "
                    + "or (q.sessionId = :sid and q.searchId > :qid))))");
            params.put("at", Instant.parse(after[0]));
            params.put("sid", after[1]);
            params.put("qid", after[2]);
        }
        return find(
                        "from SearchQuery q where " + String.join(" and ", where)
                                + " order by q.timestamp, q.sessionId, q.searchId",
                        params)
                .page(Page.ofSize(limit + 1))
                .list();
    }
}
