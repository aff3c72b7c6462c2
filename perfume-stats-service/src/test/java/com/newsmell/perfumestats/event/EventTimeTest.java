package com.newsmell.perfumestats.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.Events;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, UserInteractionEvent: {@code timestamp DateTime @default(now())}. Issue #21: "No stored time is later than
 * the time the event was received": an event's time is min(timestamp, receivedAt).
 */
class EventTimeTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-18T13:00:00Z");

    private final Events user = new Events("u-1");

    @Test
    @DisplayName("timestamp DateTime: a timestamp at or before receivedAt is the event's time")
    void aTimestampBeforeReceiptIsKept() {
        assertThat(EventTime.of(at(RECEIVED.minusSeconds(5)))).isEqualTo(RECEIVED.minusSeconds(5));
        assertThat(EventTime.of(at(RECEIVED))).isEqualTo(RECEIVED);
    }

    @Test
    @DisplayName("no stored time is later than the time the event was received: a later timestamp becomes receivedAt")
    void aTimestampAfterReceiptIsClampedToIt() {
        assertThat(EventTime.of(at(RECEIVED.plusMillis(1)))).isEqualTo(RECEIVED);
        assertThat(EventTime.of(at(RECEIVED.plusSeconds(86_400)))).isEqualTo(RECEIVED);
    }

    @Test
    @DisplayName("an event without receivedAt (never through the collector) keeps its timestamp")
    void withoutReceivedAtTheTimestampStays() {
        UserInteractionEvent e = user.of(InteractionEventType.PERFUME_VIEW, "p1", RECEIVED.plusSeconds(60))
                .receivedAt(null)
                .build();

        assertThat(EventTime.of(e)).isEqualTo(RECEIVED.plusSeconds(60));
    }

    @Test
    @DisplayName("latest by event time: compared on the clamped times, so two events ahead of their receipt compare"
            + " by when they were received")
    void laterComparesTheClampedTimes() {
        UserInteractionEvent aheadEarlyReceipt = at(RECEIVED.plusSeconds(3600));
        UserInteractionEvent laterReceipt = user.of(InteractionEventType.PERFUME_VIEW, "p1", RECEIVED.plusSeconds(10))
                .receivedAt(RECEIVED.plusSeconds(10))
                .build();

        assertThat(EventTime.isLater(laterReceipt, aheadEarlyReceipt)).isTrue();
        assertThat(EventTime.isLater(aheadEarlyReceipt, laterReceipt)).isFalse();
        assertThat(EventTime.isLater(aheadEarlyReceipt, null)).isTrue();
    }

    private UserInteractionEvent at(Instant timestamp) {
        return user.of(InteractionEventType.PERFUME_VIEW, "p1", timestamp)
                .receivedAt(RECEIVED)
                .build();
    }
}
