package com.newsmell.session.consumer;

import com.newsmell.session.usersession.IdleSessionCloser;
import com.newsmell.session.usersession.SessionService;
import com.newsmell.toolkit.consumer.EventBatchProcessor;
import com.newsmell.toolkit.replay.ReplayBatches;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** session-service's consumer group on the interaction topic. */
@ApplicationScoped
public class InteractionConsumer {

    private final EventBatchProcessor processor;
    private final ReplayBatches replays;
    private final SessionService sessions;

    public InteractionConsumer(EventBatchProcessor processor, ReplayBatches replays, SessionService sessions) {
        this.processor = processor;
        this.replays = replays;
        this.sessions = sessions;
    }

    @Incoming("interactions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processor.process(batch, IdleSessionCloser.SOURCE, sessions::apply);
    }

    /** The service's replay topic (ADR 0045): the same processing path, acknowledged per replay. */
    @Incoming("replays")
    public Uni<Void> replay(KafkaRecordBatch<String, String> batch) {
        return replays.process(batch, IdleSessionCloser.SOURCE, sessions::apply);
    }
}
