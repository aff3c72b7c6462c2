package com.newsmell.collector.privacy;

import com.newsmell.contract.ErasureAck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Reads the services' erasure acknowledgements (privacy-acks) into the receipt's table. */
@ApplicationScoped
public class PrivacyAckConsumer {

    private static final Logger LOG = Logger.getLogger(PrivacyAckConsumer.class);

    private final PrivacyService privacy;

    public PrivacyAckConsumer(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Incoming("privacy-receipts")
    public Uni<Void> onAck(Message<String> message) {
        ErasureAck ack;
        try {
            ack = ErasureAck.fromJson(message.getPayload());
            java.util.UUID.fromString(ack.requestId());
        } catch (RuntimeException e) {
            LOG.warnf("ignoring an unreadable erasure acknowledgement: %s", e.getMessage());
            return Uni.createFrom().completionStage(message::ack);
        }
        return privacy.acknowledge(ack).chain(() -> Uni.createFrom().completionStage(message::ack));
    }
}
