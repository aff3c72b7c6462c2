package com.newsmell.toolkit.replay;

import com.newsmell.contract.ReplayAck;
import com.newsmell.contract.Topics;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.consumer.BatchTally;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A service's replay topic (ADR 0045): its batches go through the service's live processing path, the toolkit's
 * {@link EventBatchProcessor} with the same {@code apply} (claims, erased users dropped, dead letters), and what each
 * replay's records came to is acknowledged on {@link Topics#REPLAY_ACKS} (awaited) before the batch is.
 */
@ApplicationScoped
public class ReplayBatches {

    private final EventBatchProcessor processor;
    private final MutinyEmitter<String> acks;

    public ReplayBatches(EventBatchProcessor processor, @Channel("replay-acks") MutinyEmitter<String> acks) {
        this.processor = processor;
        this.acks = acks;
    }

    public Uni<Void> process(
            KafkaRecordBatch<String, String> batch,
            String service,
            Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply) {
        return processor.process(
                batch, service, apply, ReplayBatches::replayId, tallies -> acknowledge(service, tallies));
    }

    private Uni<Void> acknowledge(String service, Collection<BatchTally> tallies) {
        List<Uni<Void>> sent = tallies.stream()
                .filter(t -> !t.tag().isEmpty())
                .map(t -> acks.sendMessage(Message.of(new ReplayAck(
                                        t.tag(),
                                        service,
                                        t.batch(),
                                        t.received(),
                                        t.applied(),
                                        t.dropped(),
                                        t.deadLettered(),
                                        t.partitions())
                                .toJson())
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(t.tag())
                                .build())))
                .toList();
        return sent.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(sent).andFailFast().replaceWithVoid();
    }

    /** The record's replay ({@link Topics#REPLAY_ID_HEADER}), "" without one. */
    static String replayId(KafkaRecord<String, String> record) {
        Header header = record.getHeaders().lastHeader(Topics.REPLAY_ID_HEADER);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
