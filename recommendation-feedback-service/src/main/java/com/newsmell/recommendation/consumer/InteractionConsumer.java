package com.newsmell.recommendation.consumer;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.recommendation.feedback.FeedbackService;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.replay.ReplayBatches;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * recommendation-feedback-service's consumer group on the interaction topic, and on its replay topic (ADR 0045) by
 * the same path. Batches without a (non-bot) RECOMMENDATION_SHOWN or RECOMMENDATION_CLICKED are acknowledged without
 * touching the database.
 */
@ApplicationScoped
public class InteractionConsumer {

    private static final String SOURCE = "recommendation-feedback-service";

    private final EventBatchProcessor processor;
    private final ReplayBatches replays;
    private final FeedbackService feedback;

    public InteractionConsumer(EventBatchProcessor processor, ReplayBatches replays, FeedbackService feedback) {
        this.processor = processor;
        this.replays = replays;
        this.feedback = feedback;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, SOURCE, this::apply);
    }

    /** The service's replay topic (ADR 0045): the same processing path, acknowledged per replay. */
    @Incoming("replays")
    public Uni<Void> replay(KafkaRecordBatch<String, String> batch) {
        return replays.process(batch, SOURCE, this::apply);
    }

    private Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return FeedbackService.concernsAny(events)
                ? feedback.apply(events)
                : Uni.createFrom().item(List.of());
    }
}
