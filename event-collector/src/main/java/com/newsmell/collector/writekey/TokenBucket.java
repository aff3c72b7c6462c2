package com.newsmell.collector.writekey;

/**
 * A token bucket: holds at most {@code burst} tokens, refilled at {@code perSecond}; a request takes one or is refused
 * with the time until one is back. Thread-safe; the clock is the caller's (nanoseconds), so the rule is testable.
 */
public final class TokenBucket {

    /** The outcome of one take: whether it was allowed, the tokens left and the wait until the next token. */
    public record Take(boolean allowed, int limit, int remaining, long waitNanos) {

        /** The wait in whole seconds, at least 1 (Retry-After). */
        public long retryAfterSeconds() {
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final int perSecond;
    private final int burst;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and burst");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes one token at {@code nowNanos}, if there is one. */
    public synchronized Take take(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - refilledAt);
        tokens = Math.min(burst, tokens + elapsed * perSecond / NANOS_PER_SECOND);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return new Take(true, burst, (int) tokens, 0);
        }
        long wait = (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond);
        return new Take(false, burst, 0, wait);
    }

    /** Whether this bucket has the given rate and burst (a key's limit changed: a new bucket is due). */
    public boolean hasLimit(int rate, int size) {
        return perSecond == rate && burst == size;
    }
}
