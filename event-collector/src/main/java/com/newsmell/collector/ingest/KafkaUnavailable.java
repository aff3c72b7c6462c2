package com.newsmell.collector.ingest;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one answer of every collector write that Kafka did not acknowledge (events and catalog alike): 503 with
 * Retry-After, counted in {@code newsmell_collector_kafka_unavailable_total}, nothing accepted.
 */
public final class KafkaUnavailable {

    private static final Logger LOG = Logger.getLogger(KafkaUnavailable.class);

    private KafkaUnavailable() {}

    /** {@code what} names the log ("The event log"), {@code retry} how to retry ("with the same eventIds"). */
    public static ProblemException problem(
            MeterRegistry meters, int retryAfterSeconds, String what, String retry, Throwable failure) {
        LOG.warnf("Kafka did not acknowledge a write to %s: %s", what, failure.toString());
        meters.counter("newsmell.collector.kafka.unavailable").increment();
        return new ProblemException(
                Problem.of(
                        503,
                        "kafka-unavailable",
                        "Service unavailable",
                        what + " could not acknowledge the write; nothing was accepted. Retry later" + retry + "."),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
