package com.newsmell.collector.audit;

import com.newsmell.contract.PerfumeViewAudit;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes the audit's records to the {@value #CHANNEL} channel (topic {@code newsmell.topics.perfume-view-audit}),
 * keyed by perfumeId; completes once Kafka has acknowledged every record (acks=all, idempotent producer).
 */
@ApplicationScoped
public class PerfumeViewAuditPublisher {

    public static final String CHANNEL = "perfume-view-audit";

    /** Records in flight at once: below the emitter's default buffer of 128, whatever the sample size. */
    private static final int IN_FLIGHT = 64;

    private final MutinyEmitter<String> emitter;

    public PerfumeViewAuditPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends every record; fails if Kafka did not acknowledge one of them. */
    public Uni<Void> publish(List<PerfumeViewAudit> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = records.stream().map(this::send).toList();
        return Uni.join().all(sends).usingConcurrencyOf(IN_FLIGHT).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(PerfumeViewAudit record) {
        Message<String> message = Message.of(record.toJson())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message));
    }
}
