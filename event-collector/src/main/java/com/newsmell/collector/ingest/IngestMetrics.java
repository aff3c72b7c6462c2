package com.newsmell.collector.ingest;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.Violation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The collector's ingest meters (issue 18): {@code newsmell_events_ingested_total{event_type,source}} counts the
 * events written to the interaction topic, by type and by the endpoint that took them ({@code single} or
 * {@code batch}); {@code newsmell_events_rejected_total{reason}} counts the events refused at the door, by the rule
 * of their first violation (the contract's rule names: a bounded set).
 */
@ApplicationScoped
public class IngestMetrics {

    /** {@code POST /v1/events}. */
    public static final String SINGLE = "single";
    /** {@code POST /v1/events/batch}. */
    public static final String BATCH = "batch";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void ingested(UserInteractionEvent event, String source) {
        Counter.builder("newsmell.events.ingested")
                .description("Events accepted and acknowledged by Kafka, by type and ingest endpoint")
                .tags("event_type", String.valueOf(event.eventType()), "source", source)
                .register(registry)
                .increment();
    }

    /** One refused event with its violations. */
    public void rejected(List<Violation> violations) {
        Counter.builder("newsmell.events.rejected")
                .description("Events refused by the collector's rules, by the rule of their first violation")
                .tag(
                        "reason",
                        violations.isEmpty() ? "invalid" : violations.get(0).rule())
                .register(registry)
                .increment();
    }
}
