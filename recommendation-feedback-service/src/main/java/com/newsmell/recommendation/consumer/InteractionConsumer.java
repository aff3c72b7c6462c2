package com.newsmell.recommendation.consumer;

import com.newsmell.recommendation.feedback.FeedbackService;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * recommendation-feedback-service's consumer group on the interaction topic. Batches without a (non-bot)
 * RECOMMENDATION_SHOWN or RECOMMENDATION_CLICKED are acknowledged without touching the database.
 */
@ApplicationScoped
public class InteractionConsumer {

    private final EventBatchProcessor processor;
    private final FeedbackService feedback;

    public InteractionConsumer(EventBatchProcessor processor, FeedbackService feedback) {
        this.processor = processor;
        this.feedback = feedback;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(
                batch,
                "recommendation-feedback-service",
                events -> FeedbackService.concernsAny(events)
                        ? feedback.apply(events)
                        : Uni.createFrom().item(List.<Rejection>of()));
    }
}
