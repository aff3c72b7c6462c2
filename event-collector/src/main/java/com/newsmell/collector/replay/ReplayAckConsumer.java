package com.newsmell.collector.replay;

import com.newsmell.contract.ReplayAck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Reads the services' replay acknowledgements (replay-acks) into replay_ack. */
@ApplicationScoped
public class ReplayAckConsumer {

    private static final Logger LOG = Logger.getLogger(ReplayAckConsumer.class);

    private final ReplayService replays;

    public ReplayAckConsumer(ReplayService replays) {
        this.replays = replays;
    }

    @Incoming("replay-receipts")
    public Uni<Void> onAck(Message<String> message) {
        ReplayAck ack;
        try {
            ack = ReplayAck.fromJson(message.getPayload());
            UUID.fromString(ack.replayId());
        } catch (RuntimeException e) {
            LOG.warnf("ignoring an unreadable replay acknowledgement: %s", e.getMessage());
            return Uni.createFrom().completionStage(message::ack);
        }
        return replays.acknowledge(ack).chain(() -> Uni.createFrom().completionStage(message::ack));
    }
}
