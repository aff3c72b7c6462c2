package com.newsmell.toolkit.consumer;

import com.newsmell.contract.ReplayAck.PartitionOutcomes;
import com.newsmell.contract.UserInteractionEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one consumed batch came to for one tag (a replay, ADR 0045): records received, applied (through the live path,
 * already-claimed ones included), dropped as an erased user's, dead-lettered; {@code batch} names the batch by each
 * partition's first offset ({@code "2@140,3@97"}); {@code partitions} gives each record's outcome by its offset, so
 * that a redelivery, however its batches are split, is counted once (ADR 0059).
 */
public record BatchTally(
        String tag,
        String batch,
        long received,
        long applied,
        long dropped,
        long deadLettered,
        List<PartitionOutcomes> partitions) {

    /** Counts a batch's records per tag while it is processed (one batch, one thread of the chain at a time). */
    static final class Counter {

        /** One received record: its tag, where it was read, its outcome so far. */
        private static final class Received {
            final String tag;
            final int partition;
            final long offset;
            char outcome = PartitionOutcomes.APPLIED;

            Received(String tag, int partition, long offset) {
                this.tag = tag;
                this.partition = partition;
                this.offset = offset;
            }
        }

        private final List<Received> records = new ArrayList<>();
        private final Map<String, List<Received>> recordsOfEvent = new HashMap<>();
        private final boolean counting;

        Counter() {
            this(true);
        }

        private Counter(boolean counting) {
            this.counting = counting;
        }

        /**
         * A counter that counts nothing and has no tallies: the live channel's, whose tallies nobody reads (a JFR
         * profile of the raw-store consumer showed the per-record metadata look-ups and maps on every live batch).
         */
        static Counter none() {
            return new Counter(false);
        }

        /** Counts a record; the returned handle marks what becomes of it (-1 when nothing is counted). */
        int received(String tag, KafkaRecord<String, String> record) {
            if (!counting) {
                return -1;
            }
            IncomingKafkaRecordMetadata<?, ?> where =
                    record.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
            return received(tag, where == null ? -1 : where.getPartition(), where == null ? -1 : where.getOffset());
        }

        /** Counts a record read at that partition and offset (-1 when unknown). */
        int received(String tag, int partition, long offset) {
            if (!counting) {
                return -1;
            }
            records.add(new Received(tag, partition, offset));
            return records.size() - 1;
        }

        void deadLettered(int handle) {
            if (handle < 0) {
                return;
            }
            records.get(handle).outcome = PartitionOutcomes.DEAD_LETTERED;
        }

        void event(String eventId, int handle) {
            if (handle < 0) {
                return;
            }
            recordsOfEvent.computeIfAbsent(eventId, id -> new ArrayList<>()).add(records.get(handle));
        }

        /** The events of {@code batch} not {@code kept} were an erased user's (an attempt may be repeated). */
        void dropped(List<UserInteractionEvent> batch, List<UserInteractionEvent> kept) {
            if (!counting || kept.size() == batch.size()) {
                return;
            }
            Set<String> keptIds =
                    kept.stream().map(UserInteractionEvent::eventId).collect(Collectors.toSet());
            batch.stream()
                    .map(UserInteractionEvent::eventId)
                    .filter(id -> !keptIds.contains(id))
                    .forEach(id -> mark(id, PartitionOutcomes.DROPPED));
        }

        void rejected(String eventId) {
            mark(eventId, PartitionOutcomes.DEAD_LETTERED);
        }

        private void mark(String eventId, char outcome) {
            recordsOfEvent.getOrDefault(eventId, List.of()).forEach(r -> r.outcome = outcome);
        }

        Collection<BatchTally> tallies() {
            Map<String, List<Received>> byTag = new LinkedHashMap<>();
            records.forEach(
                    r -> byTag.computeIfAbsent(r.tag, t -> new ArrayList<>()).add(r));
            return byTag.entrySet().stream()
                    .map(e -> tally(e.getKey(), e.getValue()))
                    .toList();
        }

        private static BatchTally tally(String tag, List<Received> ofTag) {
            long dropped = ofTag.stream()
                    .filter(r -> r.outcome == PartitionOutcomes.DROPPED)
                    .count();
            long deadLettered = ofTag.stream()
                    .filter(r -> r.outcome == PartitionOutcomes.DEAD_LETTERED)
                    .count();
            Map<Integer, TreeMap<Long, Character>> byPartition = new TreeMap<>();
            ofTag.stream()
                    .filter(r -> r.offset >= 0)
                    .forEach(r -> byPartition
                            .computeIfAbsent(r.partition, p -> new TreeMap<>())
                            .put(r.offset, r.outcome));
            List<PartitionOutcomes> partitions = new ArrayList<>();
            byPartition.forEach((partition, outcomes) -> {
                long first = outcomes.firstKey();
                StringBuilder chars = new StringBuilder();
                for (long offset = first; offset <= outcomes.lastKey(); offset++) {
                    chars.append(outcomes.getOrDefault(offset, PartitionOutcomes.NOT_OURS));
                }
                partitions.add(new PartitionOutcomes(partition, first, chars.toString()));
            });
            String batch = partitions.stream()
                    .map(p -> p.partition() + "@" + p.first())
                    .collect(Collectors.joining(","));
            return new BatchTally(
                    tag,
                    batch,
                    ofTag.size(),
                    ofTag.size() - dropped - deadLettered,
                    dropped,
                    deadLettered,
                    List.copyOf(partitions));
        }
    }
}
