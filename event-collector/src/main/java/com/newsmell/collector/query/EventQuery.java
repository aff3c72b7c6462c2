package com.newsmell.collector.query;

import com.newsmell.contract.InteractionEventType;
import java.time.Instant;
import java.util.UUID;

/** A read of the raw store: one subject (user, session or perfume), optional type and time range. */
public record EventQuery(
        String userId,
        String sessionId,
        String perfumeId,
        InteractionEventType type,
        Instant from,
        Instant to,
        int limit,
        Cursor after) {

    /** Keyset position: the last row of the previous page. */
    public record Cursor(Instant timestamp, UUID eventId) {}
}
