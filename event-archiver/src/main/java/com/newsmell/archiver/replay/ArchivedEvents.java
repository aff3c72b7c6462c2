package com.newsmell.archiver.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.archiver.parquet.ArchiveSchema;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An archived row ({@link ArchiveSchema#COLUMNS}, as {@code RowChecksum.values} reads it) as the contract's event, the
 * form the collector published it in: what a replay sends (ADR 0045). The raw store's {@code source} column is the
 * collector's own derivation and is not part of the event. A row that is no event of the contract (an event type or
 * category it does not know) is sent as a JSON object of its columns, so that the service dead-letters it with its
 * reason and the replay counts it (ADR 0045).
 */
public final class ArchivedEvents {

    private ArchivedEvents() {}

    /** The row in the replay topic's wire format: the contract's event, else a JSON object of its columns. */
    public static String toJson(Object[] values) {
        try {
            return EventCodec.toJson(toEvent(values));
        } catch (IllegalArgumentException | NullPointerException e) {
            ObjectNode columns = EventCodec.mapper().createObjectNode();
            for (int i = 0; i < values.length; i++) {
                columns.put(ArchiveSchema.COLUMNS.get(i).name(), values[i] == null ? null : values[i].toString());
            }
            return columns.toString();
        }
    }

    public static UserInteractionEvent toEvent(Object[] values) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(ArchiveSchema.COLUMNS.get(i).name(), values[i]);
        }
        Integer schemaVersion = (Integer) row.get("schema_version");
        Boolean bot = (Boolean) row.get("is_bot");
        UserInteractionEvent.Builder event = UserInteractionEvent.builder()
                .eventId(row.get("event_id").toString())
                .userId(text(row, "user_id"))
                .sessionId(text(row, "session_id"))
                .eventType(InteractionEventType.valueOf(text(row, "event_type")))
                .eventCategory(InteractionCategory.valueOf(text(row, "event_category")))
                .timestamp(time(row, "timestamp"))
                .clientTimestamp(time(row, "client_timestamp"))
                .sentAt(time(row, "sent_at"))
                .receivedAt(time(row, "received_at"))
                .perfumeId(text(row, "perfume_id"))
                .houseId(text(row, "house_id"))
                .noteId(text(row, "note_id"))
                .recommendationId(text(row, "recommendation_id"))
                .eventData(EventCodec.storedEventData(text(row, "event_data")))
                .deviceType(text(row, "device_type"))
                .browser(text(row, "browser"))
                .os(text(row, "os"))
                .isBot(bot != null && bot)
                .botReason(text(row, "bot_reason"))
                .userAgent(text(row, "user_agent"))
                .referrer(text(row, "referrer"))
                .path(text(row, "path"))
                .ipPrefix(text(row, "ip_prefix"))
                .location(text(row, "location"))
                .duration((Integer) row.get("duration"))
                .value((Double) row.get("value"))
                .pageScrollPosition((Double) row.get("page_scroll_position"))
                .timeOnPage((Double) row.get("time_on_page"))
                .schemaVersionSent(text(row, "schema_version_sent"))
                .anonymousId(text(row, "anonymous_id"));
        if (schemaVersion != null) {
            event.schemaVersion(schemaVersion);
        }
        return event.build();
    }

    private static String text(Map<String, Object> row, String column) {
        return (String) row.get(column);
    }

    private static Instant time(Map<String, Object> row, String column) {
        return (Instant) row.get(column);
    }
}
