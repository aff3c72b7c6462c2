package com.newsmell.collector.ingest;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Writes accepted events to the interaction topic, keyed by {@link UserInteractionEvent#partitionKey()} (the sessionId, else
 * the anonymousId, else the userId: ADR 0061); completes on Kafka's ack. */
@ApplicationScoped
public class EventPublisher {

    private final MutinyEmitter<String> emitter;

    public EventPublisher(
            @Channel("interactions-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
                    MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(UserInteractionEvent event) {
        Message<String> message = Message.of(EventCodec.toJson(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.partitionKey())
                        .build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message));
    }
}
