package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An erasure request on {@link Topics#PRIVACY_REQUESTS} (ADR 0032): every service deletes or irreversibly anonymises
 * the user's rows and answers with {@link ErasureAck}s. Written and read by hand (no reflection: native-safe).
 */
public record ErasureRequest(String requestId, String userId, Instant requestedAt) {

    public ErasureRequest {
        if (requestId == null || requestId.isBlank() || userId == null || userId.isBlank() || requestedAt == null) {
            throw new IllegalArgumentException("an erasure request needs requestId, userId and requestedAt");
        }
    }

    public String toJson() {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("requestId", requestId);
        node.put("userId", userId);
        node.put("requestedAt", requestedAt.toString());
        return node.toString();
    }

    public static ErasureRequest fromJson(String value) {
        JsonNode node = RecordJson.object(value, IllegalArgumentException::new);
        return new ErasureRequest(
                node.path("requestId").asText(null),
                node.path("userId").asText(null),
                Instant.parse(node.path("requestedAt").asText()));
    }
}
