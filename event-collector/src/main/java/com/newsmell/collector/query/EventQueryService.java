package com.newsmell.collector.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Reads the raw store page by page; parameters are checked here and answered with problem details. */
@ApplicationScoped
public class EventQueryService {

    public static final int MAX_LIMIT = 1000;

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
            Integer limit,
            String cursor) {
        if (blank(userId) && blank(sessionId) && blank(perfumeId)) {
            throw new ProblemException(
                    Problem.invalidQuery("userId", "required", "Give one of userId, sessionId or perfumeId."));
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ProblemException(
                    Problem.invalidQuery("limit", "range", "limit must be between 1 and " + MAX_LIMIT + "."));
        }
        InteractionEventType eventType = blank(type)
                ? null
                : InteractionEventType.fromName(type)
                        .orElseThrow(() -> new ProblemException(Problem.invalidQuery(
                                "type", "enum", "type must be one of the InteractionEventType values.")));
        EventQuery query = new EventQuery(
                blankToNull(userId),
                blankToNull(sessionId),
                blankToNull(perfumeId),
                eventType,
                instant("from", from),
                instant("to", to),
                size,
                decode(cursor));
        return repository.page(query).map(rows -> toPage(rows, size));
    }

    private static ObjectNode toPage(List<UserInteractionEventEntity> rows, int size) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode items = page.putArray("items");
        rows.stream().limit(size).forEach(row -> items.add(EventCodec.toJsonNode(toEvent(row))));
        if (rows.size() > size) {
            UserInteractionEventEntity last = rows.get(size - 1);
            page.put("nextCursor", encode(last));
        } else {
            page.putNull("nextCursor");
        }
        return page;
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
        String raw = last.timestamp.toString() + "|" + last.eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static EventQuery.Cursor decode(String cursor) {
        if (blank(cursor)) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            return new EventQuery.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ProblemException(
                    Problem.invalidQuery("cursor", "format", "cursor is not one this API returned."));
        }
    }

    private static Instant instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalidQuery(
                    name, "format", name + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z."));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
