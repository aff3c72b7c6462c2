package com.newsmell.collector.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofMinutes(2), 4, List.of("event-archiver"));
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void eachWaitIsTwiceTheOneBeforeUntilTheAttemptsAreUsedUp() {
        assertThat(POLICY.next(AT, 1)).contains(AT.plus(Duration.ofMinutes(2)));
        assertThat(POLICY.next(AT, 2)).contains(AT.plus(Duration.ofMinutes(4)));
        assertThat(POLICY.next(AT, 3)).contains(AT.plus(Duration.ofMinutes(8)));
        assertThat(POLICY.next(AT, 4)).isEmpty();
        assertThat(POLICY.next(AT, 9)).isEmpty();
    }

    @Test
    void aServiceIsMissingUntilEveryTableGroupOfItIsDone() {
        List<String> expected = List.of("event-collector", "session-service", "profile-service", "event-archiver");
        List<PrivacyRepository.Ack> acks = List.of(
                new PrivacyRepository.Ack("event-collector", "raw-events", "done", 2, AT, null),
                new PrivacyRepository.Ack("session-service", "sessions", "done", 1, AT, null),
                new PrivacyRepository.Ack("session-service", "*", "failed", 0, AT, "timeout"));
        // event-archiver acknowledges through the database after its daily run: a re-publication cannot help it
        assertThat(POLICY.missing(expected, acks)).containsExactly("session-service", "profile-service");
        assertThat(POLICY.missing(List.of("event-collector"), acks)).isEmpty();
    }

    @Test
    void aPolicyWithoutAttemptsOrDelayIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(1), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
