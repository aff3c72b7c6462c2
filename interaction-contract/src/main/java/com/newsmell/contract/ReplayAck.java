package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a service did with one consumed batch of a replay's records ({@link Topics#REPLAY_ACKS}, ADR 0045):
 * {@code received} records, of which {@code applied} went through the live processing path (already-claimed events
 * included: applying them again changes nothing), {@code dropped} were of erased users and {@code deadLettered}
 * went to the dead-letter topic. {@code batch} identifies the batch (its partitions' first offsets), so a redelivered
 * acknowledgement is counted once. Written and read by hand (native-safe).
 */
public record ReplayAck(
        String replayId, String service, String batch, long received, long applied, long dropped, long deadLettered) {

    public String toJson() {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("replayId", replayId);
        node.put("service", service);
        node.put("batch", batch);
        node.put("received", received);
        node.put("applied", applied);
        node.put("dropped", dropped);
        node.put("deadLettered", deadLettered);
        return node.toString();
    }

    public static ReplayAck fromJson(String value) {
        JsonNode node = RecordJson.object(value, IllegalArgumentException::new);
        return new ReplayAck(
                node.path("replayId").asText(null),
                node.path("service").asText(null),
                node.path("batch").asText(null),
                node.path("received").asLong(),
                node.path("applied").asLong(),
                node.path("dropped").asLong(),
                node.path("deadLettered").asLong());
    }
}
