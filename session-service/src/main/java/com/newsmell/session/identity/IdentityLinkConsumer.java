package com.newsmell.session.identity;

import com.newsmell.toolkit.identity.IdentityLinkRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** session-service's consumer of the identity links (ADR 0064; the toolkit's {@link IdentityLinkRecords}). */
@ApplicationScoped
public class IdentityLinkConsumer {

    static final String SOURCE = "session-service-identity-links";

    private final IdentityLinkRecords records;

    public IdentityLinkConsumer(IdentityLinkRecords records) {
        this.records = records;
    }

    @Incoming("identity-links")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return records.consume(record, SOURCE);
    }
}
