package com.newsmell.profile.catalog;

import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import com.newsmell.toolkit.consumer.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * profile-service's consumer of the perfume catalog (its own consumer group, one record at a time; acknowledged once
 * handled). A record that is no catalog record goes to the dead-letter topic with its reason; a database outage is
 * retried without acknowledging.
 */
@ApplicationScoped
public class CatalogConsumer {

    static final String SOURCE = "profile-service-catalog";

    private final CatalogService catalog;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;

    public CatalogConsumer(CatalogService catalog, DeadLetterPublisher deadLetters, MeterRegistry meters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Incoming("perfume-catalog")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return TransientFailures.retryingWhileTransient(
                        () -> catalog.apply(record.key(), record.value()), "a perfume catalog record")
                .invoke(outcome -> meters.counter("newsmell.profile.catalog", "outcome", outcome.name())
                        .increment())
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(f -> deadLetters.publish(record.key(), record.value(), reason(f), SOURCE));
    }

    private static String reason(Throwable f) {
        return f instanceof PerfumeCatalogEntry.Invalid
                ? f.getMessage()
                : "perfume-catalog record could not be applied: " + f;
    }
}
