package com.newsmell.toolkit.catalog;

import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import com.newsmell.toolkit.consumer.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service's consumer of the catalog topic does with one record (its own consumer group, one record at a time,
 * acknowledged once handled): applied to the copy ({@link CatalogCopy}); a record that is no catalog record goes to
 * the dead-letter topic with its reason; a database outage is retried without acknowledging. Counted in
 * {@code newsmell_catalog_records_total{service, outcome}}.
 */
@ApplicationScoped
public class CatalogRecords {

    private final CatalogCopy catalog;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;

    public CatalogRecords(CatalogCopy catalog, DeadLetterPublisher deadLetters, MeterRegistry meters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /** @param source the consumer, named in {@code dead-letter-source} and the counter's {@code service} tag */
    public Uni<Void> consume(ConsumerRecord<String, String> record, String source) {
        return TransientFailures.retryingWhileTransient(
                        () -> catalog.apply(record.key(), record.value()), "a perfume catalog record")
                .invoke(outcome -> meters.counter(
                                "newsmell.catalog.records", "service", source, "outcome", outcome.name())
                        .increment())
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(f -> deadLetters.publish(record.key(), record.value(), reason(f), source));
    }

    private static String reason(Throwable f) {
        return f instanceof PerfumeCatalogEntry.Invalid
                ? f.getMessage()
                : "perfume-catalog record could not be applied: " + f;
    }
}
