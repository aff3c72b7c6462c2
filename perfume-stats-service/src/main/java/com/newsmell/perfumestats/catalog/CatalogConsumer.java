package com.newsmell.perfumestats.catalog;

import com.newsmell.toolkit.catalog.CatalogRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * perfume-stats-service's consumer of the perfume catalog, into its own copy (issue #11, ADR 0016; the service
 * toolkit's {@link CatalogRecords}: version-guarded upserts, tombstones, dead letters). The perfume-level features of
 * the feature store (issue #12) read it.
 */
@ApplicationScoped
public class CatalogConsumer {

    static final String SOURCE = "perfume-stats-service-catalog";

    private final CatalogRecords records;

    public CatalogConsumer(CatalogRecords records) {
        this.records = records;
    }

    @Incoming("perfume-catalog")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return records.consume(record, SOURCE);
    }
}
