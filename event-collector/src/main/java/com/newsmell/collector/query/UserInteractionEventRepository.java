package com.newsmell.collector.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class UserInteractionEventRepository implements PanacheRepositoryBase<UserInteractionEventEntity, UUID> {

    /**
     * One page in (timestamp, eventId) order, keyset-paged; fetches limit + 1 rows to know if more follow. Each
     * subject has its (subject, timestamp) index, an event type alone idx_uie_type_time, time alone
     * idx_uie_time_event.
     */
    @WithSession
    public Uni<List<UserInteractionEventEntity>> page(EventQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.userId() != null) {
            where.add("userId = :userId");
            params.put("userId", query.userId());
        }
        if (query.sessionId() != null) {
            where.add("sessionId = :sessionId");
            params.put("sessionId", query.sessionId());
        }
        if (query.perfumeId() != null) {
            where.add("perfumeId = :perfumeId");
            params.put("perfumeId", query.perfumeId());
        }
        if (query.type() != null) {
            where.add("eventType = :type");
            params.put("type", query.type().name());
        }
        if (query.from() != null) {
            where.add("timestamp >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("timestamp < :to");
            params.put("to", query.to());
        }
        if (query.after() != null) {
            // The redundant timestamp >= :afterTs lets the (…, timestamp) indexes start the scan at the cursor.
            where.add("timestamp >= :afterTs and (timestamp > :afterTs or eventId > :afterId)");
            params.put("afterTs", query.after().timestamp());
            params.put("afterId", query.after().eventId());
        }
        String hql = String.join(" and ", where) + " order by timestamp, eventId";
        return find(hql, params).page(Page.ofSize(query.limit() + 1)).list();
    }
}
