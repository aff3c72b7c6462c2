package com.newsmell.profile.consumer;

import com.newsmell.profile.behavior.ProfileService;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import com.newsmell.toolkit.replay.ReplayBatches;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** profile-service's consumer group on the interaction topic. */
@ApplicationScoped
public class InteractionConsumer {

    private final EventBatchProcessor processor;
    private final ReplayBatches replays;
    private final ProfileService profiles;

    public InteractionConsumer(EventBatchProcessor processor, ReplayBatches replays, ProfileService profiles) {
        this.processor = processor;
        this.replays = replays;
        this.profiles = profiles;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, "profile-service", profiles::apply);
    }

    /** The service's replay topic (ADR 0045): the same processing path, acknowledged per replay. */
    @Incoming("replays")
    public Uni<Void> replay(KafkaRecordBatch<String, String> batch) {
        return replays.process(batch, "profile-service", profiles::apply);
    }
}
