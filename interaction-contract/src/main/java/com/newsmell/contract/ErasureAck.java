package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's answer to an {@link ErasureRequest} on {@link Topics#PRIVACY_ACKS} (ADR 0032): {@code status} is
 * {@code done} or {@code failed}; {@code rowsByTableGroup} how many rows of each of its table groups were deleted or
 * anonymised. The user id is not repeated. Written and read by hand (native-safe).
 */
public record ErasureAck(
        String requestId,
        String service,
        String status,
        Instant completedAt,
        Map<String, Long> rowsByTableGroup,
        String error) {

    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public ErasureAck {
        rowsByTableGroup = rowsByTableGroup == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(rowsByTableGroup));
    }

    public String toJson() {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("requestId", requestId);
        node.put("service", service);
        node.put("status", status);
        node.put("completedAt", completedAt.toString());
        ObjectNode groups = node.putObject("rowsByTableGroup");
        rowsByTableGroup.forEach(groups::put);
        if (error != null) {
            node.put("error", error);
        }
        return node.toString();
    }

    public static ErasureAck fromJson(String value) {
        JsonNode node = RecordJson.object(value, IllegalArgumentException::new);
        Map<String, Long> groups = new LinkedHashMap<>();
        node.path("rowsByTableGroup")
                .fields()
                .forEachRemaining(e -> groups.put(e.getKey(), e.getValue().asLong()));
        return new ErasureAck(
                node.path("requestId").asText(null),
                node.path("service").asText(null),
                node.path("status").asText(null),
                Instant.parse(node.path("completedAt").asText()),
                groups,
                node.hasNonNull("error") ? node.get("error").asText() : null);
    }
}
