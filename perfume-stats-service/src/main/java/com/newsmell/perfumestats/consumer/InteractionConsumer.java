package com.newsmell.perfumestats.consumer;

import com.newsmell.perfumestats.stats.PerfumeStatsService;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** perfume-stats-service's consumer group on the interaction topic. */
@ApplicationScoped
public class InteractionConsumer {

    private final EventBatchProcessor processor;
    private final PerfumeStatsService stats;

    public InteractionConsumer(EventBatchProcessor processor, PerfumeStatsService stats) {
        this.processor = processor;
        this.stats = stats;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, "perfume-stats-service", stats::apply);
    }
}
