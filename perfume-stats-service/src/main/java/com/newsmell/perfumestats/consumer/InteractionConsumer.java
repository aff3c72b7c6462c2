package com.newsmell.perfumestats.consumer;

import com.newsmell.perfumestats.stats.PerfumeStatsService;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import com.newsmell.toolkit.replay.ReplayBatches;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** perfume-stats-service's consumer group on the interaction topic. */
@ApplicationScoped
public class InteractionConsumer {

    private final EventBatchProcessor processor;
    private final ReplayBatches replays;
    private final PerfumeStatsService stats;

    public InteractionConsumer(EventBatchProcessor processor, ReplayBatches replays, PerfumeStatsService stats) {
        this.processor = processor;
        this.replays = replays;
        this.stats = stats;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, "perfume-stats-service", stats::apply);
    }

    /** The service's replay topic (ADR 0045): the same processing path, acknowledged per replay. */
    @Incoming("replays")
    public Uni<Void> replay(KafkaRecordBatch<String, String> batch) {
        return replays.process(batch, "perfume-stats-service", stats::apply);
    }
}
