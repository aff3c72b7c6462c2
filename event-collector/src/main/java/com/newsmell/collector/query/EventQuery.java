package com.newsmell.collector.query;

import static com.newsmell.toolkit.http.QueryParams.blank;
import static com.newsmell.toolkit.http.QueryParams.blankToNull;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.QueryParams;
import java.time.Instant;
import java.util.UUID;

/**
 * A read of the raw store (ADR 0015): a subject (user, session or perfume) or, without one, a time range of at most
 * {@link ApiConvention#MAX_LIST_DAYS} days; optionally one event type; the window [from, to).
 */
public record EventQuery(
        String userId,
        String sessionId,
        String perfumeId,
        InteractionEventType type,
        TimeWindow window,
        int limit,
        Cursor after) {

    /** The window's start, inclusive, or null. */
    public Instant from() {
        return window.from();
    }

    /** The window's end, exclusive, or null. */
    public Instant to() {
        return window.to();
    }

    /** Whether the list is bounded by time (it then echoes its window). */
    public boolean bounded() {
        return window.from() != null || window.to() != null;
    }

    /**
     * The query from the request's parameters: blank values absent; {@code eventType} (or its deprecated alias
     * {@code type}, not both); with a subject, from and to optional; without one, both required and at most
     * {@link ApiConvention#MAX_LIST_DAYS} days apart. A bad value is a 400 problem naming the parameter.
     */
    public static EventQuery of(
            String userId,
            String sessionId,
            String perfumeId,
            String eventType,
            String type,
            WindowParams window,
            PageParams page) {
        boolean subject = !(blank(userId) && blank(sessionId) && blank(perfumeId));
        if (!subject) {
            for (String[] end : new String[][] {{"from", window.from}, {"to", window.to}}) {
                if (blank(end[1])) {
                    throw QueryParams.bad(
                            end[0],
                            "required",
                            "Give one of userId, sessionId or perfumeId, or list by time alone with from and to"
                                    + " (at most " + ApiConvention.MAX_LIST_DAYS + " days apart); " + end[0]
                                    + " is missing.");
                }
            }
        }
        TimeWindow checked = window.list(!subject);
        return new EventQuery(
                blankToNull(userId),
                blankToNull(sessionId),
                blankToNull(perfumeId),
                eventType(eventType, type),
                checked,
                page.size(),
                Cursor.decode(page.cursor));
    }

    /** eventType, or the deprecated type when eventType is absent; both given is 400 repeated. */
    static InteractionEventType eventType(String eventType, String type) {
        if (!blank(eventType) && !blank(type)) {
            throw QueryParams.bad("type", "repeated", "type is the deprecated name of eventType; give eventType only.");
        }
        String name = blank(eventType) ? "type" : "eventType";
        String value = blank(eventType) ? type : eventType;
        if (blank(value)) {
            return null;
        }
        return InteractionEventType.fromName(value.trim())
                .orElseThrow(
                        () -> QueryParams.bad(name, "enum", name + " must be one of the InteractionEventType values."));
    }

    /** Keyset position: the last row of the previous page. */
    public record Cursor(Instant timestamp, UUID eventId) {

        /** The opaque cursor the API hands out. */
        public String encode() {
            return QueryParams.encodeCursor(timestamp.toString(), eventId.toString());
        }

        /** The position of a cursor this API returned, null without one; any other is a 400 problem. */
        public static Cursor decode(String cursor) {
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
