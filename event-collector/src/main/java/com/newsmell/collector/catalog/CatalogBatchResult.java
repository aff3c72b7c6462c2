package com.newsmell.collector.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.Violation;
import java.util.List;

/**
 * The answer to a catalog batch: one item per submitted perfume, in order; accepted (with its perfumeId, version and
 * stored price) or rejected (with its errors, pointers prefixed {@code /perfumes/{index}}).
 */
public record CatalogBatchResult(List<Item> items) {

    public record Item(int index, PerfumeCatalogEntry entry, List<Violation> errors) {
        public boolean accepted() {
            return entry != null;
        }
    }

    public long acceptedCount() {
        return items.stream().filter(Item::accepted).count();
    }

    public long rejectedCount() {
        return items.size() - acceptedCount();
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("accepted", acceptedCount());
        node.put("rejected", rejectedCount());
        ArrayNode results = node.putArray("results");
        for (Item item : items) {
            ObjectNode result = results.addObject().put("index", item.index());
            if (item.accepted()) {
                result.put("status", "accepted")
                        .put("perfumeId", item.entry().perfumeId())
                        .put("version", item.entry().version());
                result.set("price", item.entry().toJsonNode().get("price"));
            } else {
                ArrayNode errors = result.put("status", "rejected").putArray("errors");
                item.errors()
                        .forEach(v -> errors.addObject()
                                .put("pointer", v.pointer())
                                .put("rule", v.rule())
                                .put("detail", v.message()));
            }
        }
        return node;
    }
}
