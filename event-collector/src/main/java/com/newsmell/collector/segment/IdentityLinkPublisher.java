package com.newsmell.collector.segment;

import com.newsmell.contract.IdentityLink;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Writes identity links to the compacted identity-links topic, keyed by anonymousId; completes on Kafka's ack. */
@ApplicationScoped
public class IdentityLinkPublisher {

    private final MutinyEmitter<String> emitter;

    public IdentityLinkPublisher(
            @Channel("identity-links-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 5_000)
                    MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Every link, acknowledged; nothing to do for none. */
    public Uni<Void> publish(List<IdentityLink> links) {
        if (links.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(links.stream().map(this::publish).toList())
                .andCollectFailures()
                .replaceWithVoid();
    }

    private Uni<Void> publish(IdentityLink link) {
        Message<String> message = Message.of(link.toJson())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(link.key())
                        .build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message));
    }
}
