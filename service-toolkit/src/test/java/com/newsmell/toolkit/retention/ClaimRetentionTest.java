package com.newsmell.toolkit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimRetentionTest {

    @Test
    void claimsOutliveTheTopic() {
        Instant clock = Instant.parse("2026-12-06T04:40:00Z");
        assertThat(ClaimRetention.cutoff(clock, Duration.ofDays(14), Duration.ofDays(7)))
                .isEqualTo(Instant.parse("2026-11-22T04:40:00Z"));
    }

    @Test
    void aRetentionNoLongerThanTheTopicsIsRefused() {
        assertThatThrownBy(() -> ClaimRetention.checked(Duration.ofDays(7), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processed-event");
    }
}
