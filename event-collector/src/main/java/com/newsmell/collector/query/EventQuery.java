package com.newsmell.collector.query;

import static com.newsmell.toolkit.http.QueryParams.blank;
import static com.newsmell.toolkit.http.QueryParams.blankToNull;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.toolkit.http.QueryParams;
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

    /**
     * The query from the request's parameters: at least one subject, blank values absent, from inclusive and to
     * exclusive; a bad value is a 400 problem naming the parameter.
     */
    public static EventQuery of(
            String userId,
            String sessionId,
            String perfumeId,
            String type,
            String from,
            String to,
            String limit,
            String cursor) {
        if (blank(userId) && blank(sessionId) && blank(perfumeId)) {
            throw QueryParams.bad("userId", "required", "Give one of userId, sessionId or perfumeId.");
        }
        int size = QueryParams.limit(limit);
        InteractionEventType eventType = blank(type)
                ? null
                : InteractionEventType.fromName(type.trim())
                        .orElseThrow(() -> QueryParams.bad(
                                "type", "enum", "type must be one of the InteractionEventType values."));
        return new EventQuery(
                blankToNull(userId),
                blankToNull(sessionId),
                blankToNull(perfumeId),
                eventType,
                QueryParams.instant("from", from),
                QueryParams.instant("to", to),
                size,
                Cursor.decode(cursor));
    }

    /** Keyset position: the last row of the previous page. */
    public record Cursor(Instant timestamp, UUID eventId) {

        /** The opaque cursor the API hands out. */
        public String encode() {
            return QueryParams.encodeCursor(timestamp.toString(), eventId.toString());
        }

        /** The position of a cursor this API returned, null without one; any other is a 400 problem. */
        static Cursor decode(String cursor) {
            String[] parts = QueryParams.decodeCursor(cursor, 2);
            if (parts == null) {
                return null;
            }
            try {
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException e) {
                throw QueryParams.badCursor();
            }
        }
    }
}
