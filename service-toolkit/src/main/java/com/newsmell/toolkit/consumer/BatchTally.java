package com.newsmell.toolkit.consumer;

import com.newsmell.contract.UserInteractionEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one consumed batch came to for one tag (a replay, ADR 0045): records received, applied (through the live path,
 * already-claimed ones included), dropped as an erased user's, dead-lettered; {@code batch} names the batch by each
 * partition's first offset ({@code "2@140,3@97"}), so that a redelivered batch is recognised.
 */
public record BatchTally(String tag, String batch, long received, long applied, long dropped, long deadLettered) {

    /** Counts a batch's records per tag while it is processed (one batch, one thread of the chain at a time). */
    static final class Counter {

        private final Map<String, long[]> counts = new LinkedHashMap<>(); // received, dropped, deadLettered
        private final Map<String, Map<Integer, Long>> firstOffsets = new HashMap<>();
        private final Map<String, String> tagOfEvent = new HashMap<>();
        private final Set<String> dropped = new HashSet<>();
        private final Set<String> rejected = new HashSet<>();

        void received(String tag, KafkaRecord<String, String> record) {
            counts.computeIfAbsent(tag, t -> new long[3])[0]++;
            record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .ifPresent(m -> firstOffsets
                            .computeIfAbsent(tag, t -> new TreeMap<>())
                            .merge(m.getPartition(), m.getOffset(), Math::min));
        }

        void deadLettered(String tag) {
            counts.get(tag)[2]++;
        }

        void event(String eventId, String tag) {
            tagOfEvent.put(eventId, tag);
        }

        /** The events of {@code batch} not {@code kept} were an erased user's (an attempt may be repeated). */
        void dropped(List<UserInteractionEvent> batch, List<UserInteractionEvent> kept) {
            if (kept.size() == batch.size()) {
                return;
            }
            Set<String> keptIds =
                    kept.stream().map(UserInteractionEvent::eventId).collect(Collectors.toSet());
            batch.stream()
                    .map(UserInteractionEvent::eventId)
                    .filter(id -> !keptIds.contains(id))
                    .forEach(dropped::add);
        }

        void rejected(String eventId) {
            rejected.add(eventId);
        }

        Collection<BatchTally> tallies() {
            Map<String, long[]> byTag = new LinkedHashMap<>();
            counts.forEach((tag, c) -> byTag.put(tag, c.clone()));
            dropped.forEach(id -> byTag.get(tagOfEvent.get(id))[1]++);
            rejected.forEach(id -> byTag.get(tagOfEvent.get(id))[2]++);
            return byTag.entrySet().stream()
                    .map(e -> {
                        long[] c = e.getValue();
                        String batch = firstOffsets.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                                .map(p -> p.getKey() + "@" + p.getValue())
                                .collect(Collectors.joining(","));
                        return new BatchTally(e.getKey(), batch, c[0], c[0] - c[1] - c[2], c[1], c[2]);
                    })
                    .toList();
        }
    }
}
