package com.newsmell.collector.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.IdentityLink;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.Violation;
import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one Segment-spec message becomes our event, an identity link, or a reason it maps to nothing (ADR 0060). Pure:
 * the collector's {@link com.newsmell.contract.EventParser#parseSpec} then checks the event like a native one.
 *
 * <ul>
 *   <li>{@code messageId} → {@code eventId} ({@link SpecIds}); {@code userId}, {@code anonymousId} as they are (a
 *       number as its text); {@code timestamp} (else {@code originalTimestamp}, else the time received) and {@code
 *       sentAt} (the message's, else the batch's), so that the collector's clock correction gives receivedAt −
 *       (sentAt − timestamp);
 *   <li>{@code context.sessionId} → {@code sessionId}; {@code context.page.path} (else the path of {@code
 *       context.page.url}) → {@code path}; {@code context.page.referrer} → {@code referrer}; {@code
 *       context.userAgent} → {@code userAgent}; {@code context.ip} → the client address (truncated as any);
 *       {@code context.locale} and {@code context.timezone} → {@code eventData.locale} / {@code eventData.timezone}
 *       (the envelope has no such field); a batch's top-level {@code context} is each message's default;
 *   <li>{@code track}: the e-commerce v2 names of {@link #ECOMMERCE}, {@code Product Clicked} by its properties
 *       ({@link #productClicked}), or one of our type names verbatim; {@code page} and {@code screen} →
 *       PAGE_VIEW (the screen's {@code name} as {@code eventData.title});
 *   <li>{@code properties} → {@code eventData}, except {@code product_id} (else {@code sku}) → {@code perfumeId},
 *       {@code recommendation_id} → {@code recommendationId}, {@code search_id} → {@code eventData.searchId};
 *       {@code position} 1-based → 0-based; {@code query} stays the search query ({@code eventData.query});
 *   <li>{@code identify} with both ids and {@code alias} ({@code previousId} → {@code userId}) are identity links;
 *       an identify's traits are dropped except those of the allow-list; {@code group} maps to nothing.
 * </ul>
 */
public final class SpecMapping {

    /** Segment's e-commerce v2 event names and our types (Product Clicked is decided by its properties). */
    public static final Map<String, InteractionEventType> ECOMMERCE = Map.of(
            "Product Viewed", InteractionEventType.PERFUME_VIEW,
            "Products Searched", InteractionEventType.SEARCH_PERFORMED,
            "Product Added to Wishlist", InteractionEventType.WISHLIST_ADD,
            "Product Removed from Wishlist", InteractionEventType.WISHLIST_REMOVE,
            "Product Reviewed", InteractionEventType.REVIEW_SUBMITTED,
            "Checkout Started", InteractionEventType.PURCHASE_INITIATED,
            "Order Completed", InteractionEventType.PURCHASE_COMPLETED);

    public static final String PRODUCT_CLICKED = "Product Clicked";

    /**
     * Segment's message types by their short path's letter (analytics-next); {@code b}, the batch, maps to none (a
     * batch's messages say their type).
     */
    public static final Map<String, String> SHORT_PATHS =
            Map.of("t", "track", "p", "page", "i", "identify", "a", "alias", "g", "group", "s", "screen");

    /** The rule of a message that maps to no event type. */
    public static final String RULE_UNMAPPED = "unmapped";

    private static final Set<String> TYPES = Set.of("track", "page", "screen", "identify", "alias", "group");

    private SpecMapping() {}

    /** What a message becomes. */
    public sealed interface Mapped permits Event, Link, Unmapped {}

    /** An event to check and publish; {@code clientIp} is the message's {@code context.ip}, or null. */
    public record Event(ObjectNode event, String clientIp) implements Mapped {}

    /** An identity link to publish, or none ({@code link} null: an identify without an anonymousId or userId). */
    public record Link(IdentityLink link) implements Mapped {}

    /** Maps to nothing: the reasons, reported and dead-lettered. */
    public record Unmapped(List<Violation> violations) implements Mapped {
        static Unmapped of(String pointer, String rule, String message) {
            return new Unmapped(List.of(new Violation(pointer, rule, message)));
        }
    }

    /**
     * The request's facts that every message shares.
     *
     * @param writeKeyId the write key's id: the namespace of non-UUID messageIds
     * @param source the write key's source
     * @param receivedAt when the request arrived
     * @param batchSentAt a batch's top-level {@code sentAt}, or null
     * @param batchContext a batch's top-level {@code context}, or null
     * @param traits the identify traits kept (the allow-list)
     */
    public record Request(
            String writeKeyId,
            String source,
            Instant receivedAt,
            JsonNode batchSentAt,
            JsonNode batchContext,
            Set<String> traits) {}

    /**
     * Maps {@code message}; {@code type} is the endpoint's message type ({@code track} for {@code /v1/track}), or null
     * for a batch's message, whose own {@code type} says.
     */
    public static Mapped map(JsonNode message, String type, Request request) {
        if (!message.isObject()) {
            return Unmapped.of("", Violation.RULE_TYPE, "a message is a JSON object");
        }
        String kind = type != null ? type : text(message.get("type"));
        if (kind == null || !TYPES.contains(kind)) {
            return Unmapped.of(
                    "/type", Violation.RULE_ENUM, "type must be one of track, page, screen, identify, alias, group");
        }
        String userId = id(message.get("userId"));
        String anonymousId = id(message.get("anonymousId"));
        switch (kind) {
            case "identify":
                return new Link(
                        anonymousId == null || userId == null
                                ? null
                                : new IdentityLink(
                                        anonymousId,
                                        userId,
                                        "identify",
                                        request.receivedAt(),
                                        request.source(),
                                        traits(message.get("traits"), request.traits())));
            case "alias":
                String previousId = id(message.get("previousId"));
                if (previousId == null || userId == null) {
                    return Unmapped.of(
                            previousId == null ? "/previousId" : "/userId",
                            Violation.RULE_REQUIRED,
                            "an alias needs previousId and userId");
                }
                return new Link(
                        new IdentityLink(previousId, userId, "alias", request.receivedAt(), request.source(), null));
            case "group":
                return Unmapped.of(
                        "/type", RULE_UNMAPPED, "group calls map to no event type (the model has no groups)");
            default:
                return event(message, kind, userId, anonymousId, request);
        }
    }

    private static Mapped event(JsonNode message, String kind, String userId, String anonymousId, Request request) {
        JsonNode properties = message.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            return Unmapped.of("/properties", Violation.RULE_TYPE, "properties must be an object");
        }
        ObjectNode data =
                properties instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        InteractionEventType eventType;
        if (kind.equals("track")) {
            String name = text(message.get("event"));
            Optional<InteractionEventType> mapped = trackType(name, data);
            if (mapped.isEmpty()) {
                return Unmapped.of(
                        "/event",
                        RULE_UNMAPPED,
                        name == null
                                ? "a track call needs an event name"
                                : "event '" + truncate(name) + "' maps to no event type");
            }
            eventType = mapped.get();
        } else {
            eventType = InteractionEventType.PAGE_VIEW;
            String name = text(message.get("name"));
            if (!data.has("title") && name != null) {
                data.put("title", name);
            }
        }

        ObjectNode context = context(request.batchContext(), message.get("context"));
        JsonNode page = context.path("page");
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        putText(event, "eventId", SpecIds.eventId(request.writeKeyId(), id(message.get("messageId"))));
        event.put("eventType", eventType.name());
        putText(event, "userId", userId);
        putText(event, "anonymousId", anonymousId);
        putText(event, "sessionId", id(context.get("sessionId")));
        JsonNode timestamp = firstPresent(message.get("timestamp"), message.get("originalTimestamp"));
        event.set(
                "timestamp",
                timestamp != null
                        ? timestamp
                        : JsonNodeFactory.instance.textNode(request.receivedAt().toString()));
        JsonNode sentAt = firstPresent(message.get("sentAt"), request.batchSentAt());
        if (sentAt != null) {
            event.set("sentAt", sentAt);
        }
        String path = kind.equals("page") ? text(data.get("path")) : null;
        if (path == null) {
            path = text(page.get("path"));
        }
        if (path == null) {
            path = pathOf(text(kind.equals("page") && data.has("url") ? data.get("url") : page.get("url")));
        }
        putText(event, "path", path);
        String referrer = kind.equals("page") ? text(data.get("referrer")) : null;
        putText(event, "referrer", referrer != null ? referrer : text(page.get("referrer")));
        putText(event, "userAgent", text(context.get("userAgent")));

        String perfumeId = id(data.remove("product_id"));
        String sku = id(data.remove("sku"));
        putText(event, "perfumeId", perfumeId != null ? perfumeId : sku);
        putText(event, "recommendationId", id(data.remove("recommendation_id")));
        JsonNode searchId = data.remove("search_id");
        if (searchId != null && !data.has("searchId")) {
            data.set("searchId", searchId);
        }
        JsonNode position = data.get("position");
        if (position != null && position.isIntegralNumber() && position.canConvertToLong()) {
            data.put("position", position.longValue() - 1);
        }
        for (String field : List.of("locale", "timezone")) {
            String value = text(context.get(field));
            if (value != null && !data.has(field)) {
                data.put(field, value);
            }
        }
        event.set("eventData", data);
        return new Event(event, text(context.get("ip")));
    }

    /**
     * A track call's type: Segment's e-commerce name, Product Clicked by its properties, or our own name verbatim.
     */
    static Optional<InteractionEventType> trackType(String name, JsonNode properties) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.equals(PRODUCT_CLICKED)) {
            return productClicked(properties);
        }
        InteractionEventType ecommerce = ECOMMERCE.get(name);
        return ecommerce != null ? Optional.of(ecommerce) : InteractionEventType.fromName(name);
    }

    /**
     * Product Clicked: RECOMMENDATION_CLICKED when it names a {@code recommendation_id}, SEARCH_RESULT_CLICKED when it
     * names a {@code query} or {@code search_id} (a click in search results), else nothing (a click in a list we do not
     * model).
     */
    static Optional<InteractionEventType> productClicked(JsonNode properties) {
        if (id(properties.get("recommendation_id")) != null) {
            return Optional.of(InteractionEventType.RECOMMENDATION_CLICKED);
        }
        if (text(properties.get("query")) != null || id(properties.get("search_id")) != null) {
            return Optional.of(InteractionEventType.SEARCH_RESULT_CLICKED);
        }
        return Optional.empty();
    }

    /** The identify traits the allow-list keeps; null when none. */
    static ObjectNode traits(JsonNode traits, Set<String> allowed) {
        if (!(traits instanceof ObjectNode object) || allowed.isEmpty()) {
            return null;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> trait = it.next();
            if (allowed.contains(trait.getKey())) {
                kept.set(trait.getKey(), trait.getValue());
            }
        }
        return kept.isEmpty() ? null : kept;
    }

    /** The message's context over the batch's: a member of the message's wins. */
    private static ObjectNode context(JsonNode batchContext, JsonNode messageContext) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        if (batchContext instanceof ObjectNode batch) {
            context.setAll(batch);
        }
        if (messageContext instanceof ObjectNode own) {
            context.setAll(own);
        }
        return context;
    }

    /** The path of a URL; null when it is none. */
    static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An id: a non-blank string, or a number's text (Segment allows both); else null. */
    static String id(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.asText();
        }
        return text(node);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }

    private static JsonNode firstPresent(JsonNode first, JsonNode second) {
        return first != null && !first.isNull() ? first : second != null && !second.isNull() ? second : null;
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
