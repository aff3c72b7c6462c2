package com.newsmell.collector.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One message of the {@code perfume-view-audit} topic, keyed by perfumeId: {@code {"perfumeId", "asOf", "views7d",
 * "views30d", "auditedAt"}}, the instants ISO-8601 UTC. asOf is where both windows end; auditedAt is when the raw
 * store was read (an event received later, with an earlier timestamp, is not in the counts).
 */
public record PerfumeViewAuditRecord(String perfumeId, Instant asOf, long views7d, long views30d, Instant auditedAt) {

    static PerfumeViewAuditRecord of(PerfumeViewCount count, AuditWindows windows, Instant auditedAt) {
        return new PerfumeViewAuditRecord(
                count.perfumeId(), windows.asOf(), count.views7d(), count.views30d(), auditedAt);
    }

    /** The Kafka key. */
    public String key() {
        return perfumeId;
    }

    /** The Kafka value, its fields in this order. */
    public String toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("perfumeId", perfumeId);
        json.put("asOf", asOf.toString());
        json.put("views7d", views7d);
        json.put("views30d", views30d);
        json.put("auditedAt", auditedAt.toString());
        return json.toString();
    }
}
