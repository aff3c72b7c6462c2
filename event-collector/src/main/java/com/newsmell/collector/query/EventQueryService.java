package com.newsmell.collector.query;

import static com.newsmell.contract.http.QueryParams.blank;
import static com.newsmell.contract.http.QueryParams.blankToNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.http.Page;
import com.newsmell.contract.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the raw store page by page; parameters are checked here and answered with problem details. */
@ApplicationScoped
public class EventQueryService {

    private final UserInteractionEventRepository repository;

    public EventQueryService(UserInteractionEventRepository repository) {
        this.repository = repository;
    }

    public Uni<ObjectNode> find(
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
        EventQuery query = new EventQuery(
                blankToNull(userId),
                blankToNull(sessionId),
                blankToNull(perfumeId),
                eventType,
                QueryParams.instant("from", from),
                QueryParams.instant("to", to),
                size,
                decode(cursor));
        return repository.page(query).map(rows -> toPage(rows, size));
    }

    private static ObjectNode toPage(List<UserInteractionEventEntity> rows, int size) {
        Page<JsonNode> page =
                Page.of(rows, size, row -> EventCodec.toJsonNode(toEvent(row)), EventQueryService::encode);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("items").addAll(page.items());
        json.put("nextCursor", page.nextCursor());
        return json;
    }

    static UserInteractionEvent toEvent(UserInteractionEventEntity row) {
        ObjectNode data;
        try {
            data = (ObjectNode) EventCodec.mapper().readTree(row.eventData == null ? "{}" : row.eventData);
        } catch (Exception e) {
            data = JsonNodeFactory.instance.objectNode();
        }
        return UserInteractionEvent.builder()
                .eventId(row.eventId.toString())
                .schemaVersion(row.schemaVersion)
                .userId(row.userId)
                .sessionId(row.sessionId)
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
                .eventData(data)
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
                .build();
    }

    private static String encode(UserInteractionEventEntity last) {
        return QueryParams.encodeCursor(last.timestamp.toString(), last.eventId.toString());
    }

    private static EventQuery.Cursor decode(String cursor) {
        String[] parts = QueryParams.decodeCursor(cursor, 2);
        if (parts == null) {
            return null;
        }
        try {
            return new EventQuery.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            throw QueryParams.badCursor();
        }
    }
}
