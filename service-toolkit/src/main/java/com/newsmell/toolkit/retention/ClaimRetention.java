package com.newsmell.toolkit.retention;

import java.time.Duration;
import java.time.Instant;

/** The rule of {@code processed_event} pruning (ADR 0030): claims older than the retention go, never sooner than Kafka. */
public final class ClaimRetention {

    private ClaimRetention() {}

    /** Refuses a claim retention that is not longer than the topic's: a redelivered record would be applied twice. */
    public static Duration checked(Duration claims, Duration kafkaTopicRetention) {
        if (claims.compareTo(kafkaTopicRetention) <= 0) {
            throw new IllegalArgumentException("newsmell.retention.processed-event (" + claims
                    + ") must be longer than the interaction topic's retention (" + kafkaTopicRetention
                    + "), or a redelivered event would be processed twice");
        }
        return claims;
    }

    /** Claims processed before this instant may be deleted at {@code clock}. */
    public static Instant cutoff(Instant clock, Duration claims, Duration kafkaTopicRetention) {
        return clock.minus(checked(claims, kafkaTopicRetention));
    }
}
