package com.newsmell.collector.store;

import com.newsmell.toolkit.consumer.EventBatchProcessor;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The collector's own consumer of the interaction topic: writes the raw store in batches, following the
 * shared consumer pattern ({@link EventBatchProcessor}): poison to the dead-letter topic, database
 * outages retried without committing offsets.
 */
@ApplicationScoped
public class RawEventConsumer {

    private final RawEventStore store;
    private final EventBatchProcessor processor;

    public RawEventConsumer(RawEventStore store, EventBatchProcessor processor) {
        this.store = store;
        this.processor = processor;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(
                batch, "event-collector", events -> store.store(events).replaceWith(List.of()));
    }
}
