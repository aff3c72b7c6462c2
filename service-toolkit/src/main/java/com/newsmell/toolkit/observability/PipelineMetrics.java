package com.newsmell.toolkit.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The consumer side's meters, the same in every service: dead letters by reason, batch processing time, end-to-end
 * freshness; and the rate-limit counter, registered at 0 until rate limits exist.
 */
@ApplicationScoped
public class PipelineMetrics {

    /** The {@code limit} of the rate-limit counter registered before any limit exists. */
    static final String API_LIMIT = "api";

    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        rateLimited(API_LIMIT, 0);
        for (String reason : new String[] {
            DeadLetterReasons.INVALID_EVENT, DeadLetterReasons.APPLY_FAILED, DeadLetterReasons.REJECTED
        }) {
            deadLetters(reason);
        }
    }

    /** One record went to the dead-letter topic with this (free-text) reason. */
    public void deadLettered(String reason) {
        deadLetters(DeadLetterReasons.category(reason)).increment();
    }

    /** A batch of {@code channel} was processed (acknowledged) in {@code nanos}. */
    public void batchProcessed(String channel, long nanos) {
        Timer.builder(Meters.BATCH_PROCESSING)
                .description("Time to process one consumed batch, from its delivery to its acknowledgement")
                .tag("channel", channel)
                .serviceLevelObjectives(Meters.latencyBuckets())
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** The effects of events received by the collector at {@code receivedAt} were committed at {@code now}. */
    public void committed(Collection<Instant> receivedAt, Instant now) {
        Timer freshness = Timer.builder(Meters.EVENT_FRESHNESS)
                .description("Time from the collector's receipt of an event to the commit of its effects here")
                .serviceLevelObjectives(Meters.latencyBuckets())
                .register(registry);
        for (Instant received : receivedAt) {
            if (received != null) {
                Duration delay = Duration.between(received, now);
                freshness.record(delay.isNegative() ? Duration.ZERO : delay);
            }
        }
    }

    /** {@code n} requests were refused by the rate limit {@code limit}. */
    public void rateLimited(String limit, long n) {
        Counter.builder(Meters.RATE_LIMITED)
                .description("Requests refused by a rate limit")
                .tag("limit", limit)
                .register(registry)
                .increment(n);
    }

    private Counter deadLetters(String reason) {
        return Counter.builder(Meters.DEAD_LETTERED)
                .description("Records sent to the dead-letter topic, by reason category")
                .tag("reason", reason)
                .register(registry);
    }
}
