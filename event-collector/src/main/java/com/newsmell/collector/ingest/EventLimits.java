package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.contract.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The collector's own rule on top of the contract's: the accepted time window around receivedAt, both ends
 * included, checked against the clock-corrected time before it is clamped to receivedAt ({@link Enrichment}).
 */
record EventLimits(Duration maxFutureSkew, Duration acceptedLateness) {

    static EventLimits of(CollectorConfig config) {
        return new EventLimits(config.maxFutureSkew(), config.acceptedLateness());
    }

    List<Violation> checkTimestamp(Instant timestamp, Instant receivedAt) {
        if (timestamp.isAfter(receivedAt.plus(maxFutureSkew))) {
            return List.of(new Violation(
                    "/timestamp", Violation.RULE_RANGE, "timestamp is more than " + maxFutureSkew + " in the future."));
        }
        if (timestamp.isBefore(receivedAt.minus(acceptedLateness))) {
            return List.of(new Violation(
                    "/timestamp",
                    Violation.RULE_RANGE,
                    "timestamp is older than the accepted lateness of " + acceptedLateness + "."));
        }
        return List.of();
    }
}
