package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The collector's in-flight bound (issue 17, overload), as a pure rule. */
class InFlightLimitTest {

    @Test
    void admitsWhatFitsAndRefusesTheRest() {
        InFlightLimit limit = new InFlightLimit(100);

        assertThat(limit.tryAcquire(60)).isTrue();
        assertThat(limit.tryAcquire(40)).isTrue();
        assertThat(limit.tryAcquire(1)).isFalse();
        assertThat(limit.inFlight()).isEqualTo(100);
    }

    @Test
    void whatIsReleasedCanBeTakenAgain() {
        InFlightLimit limit = new InFlightLimit(100);
        limit.tryAcquire(80);

        assertThat(limit.tryAcquire(30)).isFalse();
        limit.release(80);
        assertThat(limit.tryAcquire(30)).isTrue();
        assertThat(limit.inFlight()).isEqualTo(30);
    }

    @Test
    void oneRequestLargerThanTheLimitGoesThroughWhenNothingElseIsInFlight() {
        InFlightLimit limit = new InFlightLimit(10);

        assertThat(limit.tryAcquire(500)).isTrue();
        assertThat(limit.tryAcquire(1)).isFalse();
        limit.release(500);
        assertThat(limit.inFlight()).isZero();
    }
}
