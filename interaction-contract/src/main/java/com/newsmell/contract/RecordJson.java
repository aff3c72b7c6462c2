package com.newsmell.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** The value of a record on a topic of the suite's own (summaries, audits), read as the JSON object it must be. */
final class RecordJson {

    private RecordJson() {}

    /**
     * The value as a JSON object; otherwise the record type's own "invalid" exception, with the reason "not JSON" or
     * "not a JSON object".
     */
    static JsonNode object(String value, Function<String, ? extends RuntimeException> invalid) {
        JsonNode node;
        try {
            node = value == null ? null : EventCodec.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw invalid.apply("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw invalid.apply("not a JSON object");
        }
        return node;
    }
}
