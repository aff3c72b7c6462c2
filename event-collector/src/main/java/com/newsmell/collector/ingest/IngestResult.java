package com.newsmell.collector.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.Violation;
import java.util.List;

/**
 * The answer to an ingest request: one item per submitted event, in order. An item is accepted (it has
 * the eventId under which Kafka acknowledged it) or rejected (it has its violations).
 */
public record IngestResult(List<Item> items, SchemaAcceptance.Window deprecation) {

    public IngestResult(List<Item> items) {
        this(items, null);
    }

    /**
     * The answer's {@code Deprecation} and {@code Sunset} headers, when an accepted event was written against a
     * superseded model inside its acceptance window (ADR 0040); the earliest sunset when several.
     */
    public jakarta.ws.rs.core.Response.ResponseBuilder headers(jakarta.ws.rs.core.Response.ResponseBuilder response) {
        if (deprecation != null) {
            response.header("Deprecation", deprecation.deprecationHeader())
                    .header("Sunset", deprecation.sunsetHeader())
                    .header("Link", "</v1/schemas>; rel=\"deprecation\"; type=\"application/json\"");
        }
        return response;
    }

    public record Item(int index, String eventId, List<Violation> errors) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    public long acceptedCount() {
        return items.stream().filter(Item::accepted).count();
    }

    public long rejectedCount() {
        return items.size() - acceptedCount();
    }

    public List<String> acceptedIds() {
        return items.stream().filter(Item::accepted).map(Item::eventId).toList();
    }

    public ObjectNode toJson(boolean withItems) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("accepted", acceptedCount());
        node.put("rejected", rejectedCount());
        ArrayNode ids = node.putArray("eventIds");
        acceptedIds().forEach(ids::add);
        if (withItems) {
            ArrayNode results = node.putArray("results");
            for (Item item : items) {
                ObjectNode result = results.addObject().put("index", item.index());
                if (item.accepted()) {
                    result.put("status", "accepted").put("eventId", item.eventId());
                } else {
                    result.put("status", "rejected").set("errors", errorsJson(item.errors()));
                }
            }
        }
        return node;
    }

    /** Violations as {@code [{"pointer", "rule", "detail"}]}: a rejected item's errors, a dead letter's reason. */
    public static ArrayNode errorsJson(List<Violation> violations) {
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        violations.forEach(v -> errors.addObject()
                .put("pointer", v.pointer())
                .put("rule", v.rule())
                .put("detail", v.message()));
        return errors;
    }
}
