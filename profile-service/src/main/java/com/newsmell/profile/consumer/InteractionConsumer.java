package com.newsmell.profile.consumer;

import com.newsmell.profile.behavior.ProfileService;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** profile-service's consumer group on the interaction topic. */
@ApplicationScoped
public class InteractionConsumer {

    private final EventBatchProcessor processor;
    private final ProfileService profiles;

    public InteractionConsumer(EventBatchProcessor processor, ProfileService profiles) {
        this.processor = processor;
        this.profiles = profiles;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, "profile-service", profiles::apply);
    }
}
