package com.newsmell.collector.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.api.JsonConvention;
import com.newsmell.toolkit.http.Page;
import java.time.Instant;
import java.util.List;

/** Raw-store rows as the API answers them: each row the contract's event, a page with its next cursor. */
public final class EventRows {

    private EventRows() {}

    /** The instant fields of an event: written with exactly three fractional digits, in UTC (ADR 0015). */
    static final List<String> INSTANT_FIELDS = List.of("timestamp", "clientTimestamp", "sentAt", "receivedAt");

    /**
     * The page {@code {items: [events], nextCursor}} from rows fetched with {@code size + 1} as their limit; the cursor
     * keeps the last row's full (microsecond) timestamp, so that no row is skipped or repeated.
     */
    static Page<ObjectNode> page(List<UserInteractionEventEntity> rows, int size) {
        return Page.of(rows, size, EventRows::item, row -> new EventQuery.Cursor(row.timestamp, row.eventId).encode());
    }

    /** A row as the API answers it: the contract's event JSON, its instants with millisecond precision. */
    static ObjectNode item(UserInteractionEventEntity row) {
        return millisecondInstants(EventCodec.toJsonNode(toEvent(row)));
    }

    /** Rewrites the event's instant fields (ISO-8601, as the contract writes them) in the API's one format. */
    static ObjectNode millisecondInstants(ObjectNode event) {
        for (String field : INSTANT_FIELDS) {
            JsonNode value = event.get(field);
            if (value != null && value.isTextual()) {
                event.put(field, JsonConvention.format(Instant.parse(value.asText())));
            }
        }
        return event;
    }

    /** A row as the contract's event; eventData that is missing or not a JSON object reads as {}. */
    public static UserInteractionEvent toEvent(UserInteractionEventEntity row) {
        return UserInteractionEvent.builder()
                .eventId(row.eventId.toString())
                .schemaVersion(row.schemaVersion)
                .schemaVersionSent(row.schemaVersionSent)
                .userId(row.userId)
                .sessionId(row.sessionId)
                .anonymousId(row.anonymousId)
                .eventType(InteractionEventType.valueOf(row.eventType))
                .eventCategory(InteractionCategory.valueOf(row.eventCategory))
                .timestamp(row.timestamp)
                .clientTimestamp(row.clientTimestamp)
                .sentAt(row.sentAt)
                .receivedAt(row.receivedAt)
                .perfumeId(row.perfumeId)
                .houseId(row.houseId)
                .noteId(row.noteId)
                .recommendationId(row.recommendationId)
                .eventData(EventCodec.storedEventData(row.eventData))
                .deviceType(row.deviceType)
                .browser(row.browser)
                .os(row.os)
                .isBot(row.isBot)
                .botReason(row.botReason)
                .userAgent(row.userAgent)
                .referrer(row.referrer)
                .path(row.path)
                .ipPrefix(row.ipPrefix)
                .location(row.location)
                .duration(row.duration)
                .value(row.value)
                .pageScrollPosition(row.pageScrollPosition)
                .timeOnPage(row.timeOnPage)
                .build();
    }
}
