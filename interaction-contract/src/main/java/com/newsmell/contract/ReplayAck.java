package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service did with one consumed batch of a replay's records ({@link Topics#REPLAY_ACKS}, ADR 0045):
 * {@code received} records, of which {@code applied} went through the live processing path (already-claimed events
 * included: applying them again changes nothing), {@code dropped} were of erased users and {@code deadLettered}
 * went to the dead-letter topic. {@code batch} names the batch (its partitions' first offsets); {@code partitions}
 * gives each record's outcome by its offset, so that the collector counts every offset once however a redelivery
 * splits the records into batches (ADR 0059). Written and read by hand (native-safe).
 */
public record ReplayAck(
        String replayId,
        String service,
        String batch,
        long received,
        long applied,
        long dropped,
        long deadLettered,
        List<PartitionOutcomes> partitions) {

    /** An acknowledgement without outcomes per offset (counted once per {@code batch}). */
    public ReplayAck(
            String replayId,
            String service,
            String batch,
            long received,
            long applied,
            long dropped,
            long deadLettered) {
        this(replayId, service, batch, received, applied, dropped, deadLettered, List.of());
    }

    public ReplayAck {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /**
     * The outcomes of one partition's records of the replay in the batch: {@code outcomes.charAt(i)} is the outcome of
     * offset {@code first + i}: {@link #APPLIED}, {@link #DROPPED}, {@link #DEAD_LETTERED}, or {@link #NOT_OURS} for
     * an offset that is no record of this replay in the batch.
     */
    public record PartitionOutcomes(int partition, long first, String outcomes) {

        public static final char APPLIED = 'a';
        public static final char DROPPED = 'd';
        public static final char DEAD_LETTERED = 'l';
        public static final char NOT_OURS = '-';

        /** The offset after the last one this covers. */
        public long end() {
            return first + outcomes.length();
        }
    }

    public String toJson() {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("replayId", replayId);
        node.put("service", service);
        node.put("batch", batch);
        node.put("received", received);
        node.put("applied", applied);
        node.put("dropped", dropped);
        node.put("deadLettered", deadLettered);
        if (!partitions.isEmpty()) {
            ArrayNode array = node.putArray("partitions");
            for (PartitionOutcomes p : partitions) {
                array.addObject()
                        .put("partition", p.partition())
                        .put("first", p.first())
                        .put("outcomes", p.outcomes());
            }
        }
        return node.toString();
    }

    public static ReplayAck fromJson(String value) {
        JsonNode node = RecordJson.object(value, IllegalArgumentException::new);
        List<PartitionOutcomes> partitions = new ArrayList<>();
        for (JsonNode p : node.path("partitions")) {
            String outcomes = p.path("outcomes").asText("");
            if (!p.path("partition").canConvertToInt()
                    || !p.path("first").canConvertToLong()
                    || p.path("first").asLong() < 0
                    || !outcomes.matches("[adl-]*")) {
                throw new IllegalArgumentException("a replay acknowledgement's partition outcomes are malformed: " + p);
            }
            partitions.add(new PartitionOutcomes(
                    p.path("partition").asInt(), p.path("first").asLong(), outcomes));
        }
        return new ReplayAck(
                node.path("replayId").asText(null),
                node.path("service").asText(null),
                node.path("batch").asText(null),
                node.path("received").asLong(),
                node.path("applied").asLong(),
                node.path("dropped").asLong(),
                node.path("deadLettered").asLong(),
                partitions);
    }
}
