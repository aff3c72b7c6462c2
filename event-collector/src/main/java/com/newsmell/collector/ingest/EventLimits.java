package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.contract.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The collector's own rule on top of the contract's: the accepted time window. */
@ApplicationScoped
public class EventLimits {

    private final CollectorConfig config;

    public EventLimits(CollectorConfig config) {
        this.config = config;
    }

    List<Violation> checkTimestamp(Instant timestamp, Instant receivedAt) {
        if (timestamp.isAfter(receivedAt.plus(config.maxFutureSkew()))) {
            return List.of(new Violation(
                    "/timestamp", "range", "timestamp is more than " + config.maxFutureSkew() + " in the future."));
        }
        if (timestamp.isBefore(receivedAt.minus(config.acceptedLateness()))) {
            return List.of(new Violation(
                    "/timestamp",
                    "range",
                    "timestamp is older than the accepted lateness of " + config.acceptedLateness() + "."));
        }
        return List.of();
    }
}
