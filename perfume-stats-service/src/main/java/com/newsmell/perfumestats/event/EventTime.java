package com.newsmell.perfumestats.event;

import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;

/**
 * When an event happened, for every time perfume-stats stores or counts by (lastViewedAt, the house's time, the
 * memberships' and ratings' as-of, the hourly and daily buckets): its {@code timestamp}, but never later than its
 * {@code receivedAt}, the collector's clock when the event arrived. No stored time is later than the time the
 * event was received (issue #21), whatever the client's clock said; the collector stores the same clamped
 * timestamp in the raw store, so the windows count the same events the raw store does.
 */
public final class EventTime {

    private EventTime() {}

    /** min(timestamp, receivedAt); the timestamp when receivedAt is absent; null without a timestamp. */
    public static Instant of(UserInteractionEvent event) {
        Instant timestamp = event.timestamp();
        Instant receivedAt = event.receivedAt();
        return timestamp != null && receivedAt != null && timestamp.isAfter(receivedAt) ? receivedAt : timestamp;
    }

    /** Whether {@code candidate} supersedes {@code current} for the same key: a strictly later event time. */
    public static boolean isLater(UserInteractionEvent candidate, UserInteractionEvent current) {
        return current == null || of(candidate).isAfter(of(current));
    }
}
