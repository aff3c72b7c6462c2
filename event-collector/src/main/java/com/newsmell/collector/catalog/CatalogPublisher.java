package com.newsmell.collector.catalog;

import com.newsmell.contract.PerfumeCatalogEntry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes catalog entries to the {@value #CHANNEL} channel (topic {@code newsmell.topics.perfume-catalog}, compacted),
 * keyed by perfumeId; a deletion is a tombstone (a null value). Completes on Kafka's ack (acks=all, idempotent).
 */
@ApplicationScoped
public class CatalogPublisher {

    public static final String CHANNEL = "perfume-catalog-out";

    private final MutinyEmitter<Record<String, String>> emitter;

    public CatalogPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2_000)
                    MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(PerfumeCatalogEntry entry) {
        return send(entry.key(), entry.toJson());
    }

    /** The tombstone of a perfume: its key with a null value. */
    public Uni<Void> delete(String perfumeId) {
        return send(perfumeId, null);
    }

    private Uni<Void> send(String key, String value) {
        return Uni.createFrom().deferred(() -> emitter.send(Record.of(key, value)));
    }
}
