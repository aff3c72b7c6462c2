package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Load shedding of the ingest endpoints (issue 17): at most {@code newsmell.collector.max-in-flight-bytes} of request
 * bodies wait for Kafka at once; a request beyond it is answered at once with 503, Retry-After and nothing accepted
 * (counted in {@code newsmell_collector_overloaded_total}), so the heap stays bounded under any load and every 202
 * is still an acknowledged write.
 */
@ApplicationScoped
public class IngestAdmission {

    private final InFlightLimit limit;
    private final MeterRegistry meters;
    private final int retryAfterSeconds;

    public IngestAdmission(CollectorConfig config, MeterRegistry meters) {
        this.limit = new InFlightLimit(config.maxInFlightBytes());
        this.meters = meters;
        this.retryAfterSeconds = config.overloadRetryAfterSeconds();
        Gauge.builder("newsmell.collector.in.flight.bytes", limit, InFlightLimit::inFlight)
                .description("Request bytes waiting for Kafka's acknowledgement")
                .register(meters);
    }

    /** The 503 of a request refused because the collector is full: nothing of it was accepted. */
    static ProblemException overloaded(int retryAfterSeconds) {
        return unavailable(
                "overloaded",
                "The collector is at its limit of requests in progress; nothing of this request was accepted. Retry"
                        + " after Retry-After with the same eventIds.",
                retryAfterSeconds);
    }

    /** The 503 of an ingest request that reached a replica which does not ingest (the raw store's, ADR 0074). */
    static ProblemException notIngesting(int retryAfterSeconds) {
        return unavailable(
                "not-ingesting",
                "This replica of the collector writes the raw store and does not ingest events; nothing of this"
                        + " request was accepted. Send it to the event-collector Service.",
                retryAfterSeconds);
    }

    private static ProblemException unavailable(String slug, String detail, int retryAfterSeconds) {
        return new ProblemException(
                Problem.of(503, slug, "Service unavailable", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /** Runs the ingest of a body of {@code bytes}, or refuses it with 503 when the collector is full. */
    public <T> Uni<T> admit(int bytes, Supplier<Uni<? extends T>> ingest) {
        if (!limit.tryAcquire(bytes)) {
            meters.counter("newsmell.collector.overloaded").increment();
            return Uni.createFrom().failure(overloaded(retryAfterSeconds));
        }
        return Uni.createFrom().<T>deferred(ingest).onTermination().invoke(() -> limit.release(bytes));
    }
}
