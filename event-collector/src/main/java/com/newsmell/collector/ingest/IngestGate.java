package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.writekey.IngestCors;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission of the ingest endpoints before their body is read (issue 17, ADR 0072): at most {@code
 * newsmell.collector.max-requests-in-progress} ingest requests are in progress at once, from their headers to their
 * answer; a request beyond it is answered at once with 503 {@code overloaded} and Retry-After, before the body is read,
 * the key looked up or anything parsed. Under twice the collector's capacity the excess then costs a few microseconds
 * each instead of queueing on the event loops until the clients give up, and every admitted request is answered in
 * time. {@link IngestAdmission} still bounds the bytes waiting for Kafka. The first filter of an ingest request (before
 * CORS and the door). On a replica that does not ingest ({@code newsmell.collector.ingest=false}, the raw store's, ADR
 * 0074) every ingest request is answered 503 {@code not-ingesting}.
 */
@ApplicationScoped
public class IngestGate {

    private static final int PRIORITY = 500;

    private final AtomicInteger inProgress = new AtomicInteger();
    private final boolean ingests;
    private final int max;
    private final int retryAfterSeconds;
    private final MeterRegistry meters;

    public IngestGate(CollectorConfig config, MeterRegistry meters) {
        this.ingests = config.ingest();
        this.max = config.maxRequestsInProgress();
        this.retryAfterSeconds = config.overloadRetryAfterSeconds();
        this.meters = meters;
        Gauge.builder("newsmell.collector.requests.in.progress", inProgress, AtomicInteger::get)
                .description("Ingest requests between their headers and their answer")
                .register(meters);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext routing) {
        if (routing.request().method() != HttpMethod.POST || !IngestCors.PATHS.contains(routing.normalizedPath())) {
            routing.next();
            return;
        }
        if (!ingests) {
            answer(routing, IngestAdmission.notIngesting(retryAfterSeconds));
            return;
        }
        if (inProgress.incrementAndGet() > max) {
            inProgress.decrementAndGet();
            meters.counter("newsmell.collector.overloaded").increment();
            answer(routing, IngestAdmission.overloaded(retryAfterSeconds));
            return;
        }
        routing.addEndHandler(done -> inProgress.decrementAndGet());
        routing.next();
    }

    private static void answer(RoutingContext routing, ProblemException refusal) {
        var response = routing.response();
        refusal.headers().forEach(response::putHeader);
        response.setStatusCode(refusal.problem().status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(refusal.problem().toJson(routing.normalizedPath()).toString());
    }
}
