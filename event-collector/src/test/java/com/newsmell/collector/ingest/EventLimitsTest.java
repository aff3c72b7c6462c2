package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.Violation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ADR 0003: "The window (24 h ahead, 7 days late, configurable) applies to the derived time." Both ends are
 * inside the window.
 */
class EventLimitsTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");
    private static final EventLimits DEFAULTS = new EventLimits(Duration.ofHours(24), Duration.ofDays(7));

    // ADR 0003: "The window (24 h ahead, 7 days late ...)": arrival, and both ends exactly, are inside.
    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT24H", "-P7D", "PT1H", "-P6DT23H59M59.999S"})
    void insideTheWindowIsAccepted(Duration fromReceivedAt) {
        assertThat(DEFAULTS.checkTimestamp(RECEIVED.plus(fromReceivedAt), RECEIVED))
                .isEmpty();
    }

    // ADR 0003: "The window (24 h ahead ...)": a millisecond more is out, on /timestamp, rule range.
    @Test
    void justOver24HoursAheadIsRejected() {
        assertThat(DEFAULTS.checkTimestamp(RECEIVED.plus(Duration.ofHours(24)).plusMillis(1), RECEIVED))
                .containsExactly(new Violation("/timestamp", "range", "timestamp is more than PT24H in the future."));
    }

    // ADR 0003: "The window (... 7 days late ...)": a millisecond older is out, on /timestamp, rule range.
    @Test
    void justOverSevenDaysLateIsRejected() {
        assertThat(DEFAULTS.checkTimestamp(RECEIVED.minus(Duration.ofDays(7)).minusMillis(1), RECEIVED))
                .containsExactly(new Violation(
                        "/timestamp", "range", "timestamp is older than the accepted lateness of PT168H."));
    }

    // ADR 0003: "... configurable": a zero window accepts only the instant of arrival.
    @Test
    void aZeroWindowAcceptsOnlyTheInstantOfArrival() {
        EventLimits strict = new EventLimits(Duration.ZERO, Duration.ZERO);
        assertThat(strict.checkTimestamp(RECEIVED, RECEIVED)).isEmpty();
        assertThat(strict.checkTimestamp(RECEIVED.plusNanos(1), RECEIVED)).hasSize(1);
        assertThat(strict.checkTimestamp(RECEIVED.minusNanos(1), RECEIVED)).hasSize(1);
    }

    // ADR 0003: "... configurable": the configured window, not the default one.
    @Test
    void aConfiguredWindowIsTheOneApplied() {
        EventLimits hour = new EventLimits(Duration.ofMinutes(5), Duration.ofHours(1));
        assertThat(hour.checkTimestamp(RECEIVED.minus(Duration.ofHours(2)), RECEIVED))
                .extracting(Violation::message)
                .containsExactly("timestamp is older than the accepted lateness of PT1H.");
        assertThat(hour.checkTimestamp(RECEIVED.plus(Duration.ofMinutes(6)), RECEIVED))
                .extracting(Violation::message)
                .containsExactly("timestamp is more than PT5M in the future.");
    }
}
