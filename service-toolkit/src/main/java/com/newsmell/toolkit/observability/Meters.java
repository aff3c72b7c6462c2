package com.newsmell.toolkit.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The names every service exposes where they mean the same thing (docs/metrics.md, "Operational metrics", lists them
 * with their labels), and the {@code service} label that every meter of a service carries.
 */
@Singleton
public class Meters {

    /** Events that could not be processed and went to the dead-letter topic: {@code reason} is a category. */
    public static final String DEAD_LETTERED = "newsmell.events.dead.lettered";
    /** Time to process one consumed batch: decode, apply in one transaction, dead-letter, acknowledge. */
    public static final String BATCH_PROCESSING = "newsmell.batch.processing";
    /** Time from the collector's receipt of an event to the commit of its effects in a consumer. */
    public static final String EVENT_FRESHNESS = "newsmell.event.freshness";
    /** Records between a consumer's position and the partition's end offset. */
    public static final String CONSUMER_LAG = "newsmell.consumer.lag";
    /** The reactive database pool's connections by {@code state}. */
    public static final String DB_POOL = "newsmell.db.pool";
    /** Requests refused by a rate limit, by {@code limit}. */
    public static final String RATE_LIMITED = "newsmell.rate.limited.requests";

    /** The histogram buckets of every latency of the pipeline, from 5 ms to 10 minutes. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10)
    };

    public static Duration[] latencyBuckets() {
        return LATENCY_BUCKETS.clone();
    }

    /**
     * Quarkus' {@code http_server_requests_seconds} with the pipeline's buckets, so that dashboards and alerts can
     * take its quantiles ({@code _bucket}) across replicas.
     */
    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                double[] buckets = java.util.Arrays.stream(LATENCY_BUCKETS)
                        .mapToDouble(Duration::toNanos)
                        .toArray();
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(buckets)
                        .build()
                        .merge(config);
            }
        };
    }

    /** Every meter of the service carries {@code service}, unless the meter names a service of its own. */
    @Produces
    @Singleton
    MeterFilter serviceLabel(ObservabilityConfig config) {
        return MeterFilter.commonTags(io.micrometer.core.instrument.Tags.of("service", config.service()));
    }
}
