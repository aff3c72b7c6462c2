package com.newsmell.collector.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When an erasure request is published again (ADR 0032): while a service that reads privacy-requests has not
 * acknowledged it done, {@code firstDelay} after the first publication, then after each wait doubled, at most
 * {@code maxAttempts} publications in all.
 */
public record RetryPolicy(Duration firstDelay, int maxAttempts, List<String> notOnKafka) {

    public RetryPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxAttempts < 1) {
            throw new IllegalArgumentException("erasure retries need a positive first delay and at least 1 attempt");
        }
    }

    /**
     * The next publication after the {@code attempts}-th one, made at {@code lastAttempt}; empty once the attempts
     * are used up.
     */
    public Optional<Instant> next(Instant lastAttempt, int attempts) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(lastAttempt.plus(firstDelay.multipliedBy(1L << Math.min(attempts - 1, 30))));
    }

    /** The expected services that read privacy-requests and have not acknowledged every table group done. */
    public List<String> missing(List<String> expected, List<PrivacyRepository.Ack> acks) {
        return expected.stream()
                .filter(service -> !notOnKafka.contains(service))
                .filter(service -> {
                    List<PrivacyRepository.Ack> mine = acks.stream()
                            .filter(a -> a.service().equals(service))
                            .toList();
                    return mine.isEmpty() || mine.stream().anyMatch(a -> !"done".equals(a.status()));
                })
                .toList();
    }
}
