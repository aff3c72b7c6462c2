package com.newsmell.collector.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the request bytes the collector holds while it waits for Kafka (issue 17, overload): a request is
 * admitted if it fits under the limit, or if nothing else is in flight (so that one request of any allowed size always
 * goes through); the rest are refused at once. Pure and thread-safe.
 */
public final class InFlightLimit {

    private final long maxBytes;
    private final AtomicLong inFlight = new AtomicLong();

    public InFlightLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Takes {@code bytes} if they fit; false (nothing taken) otherwise. */
    public boolean tryAcquire(long bytes) {
        while (true) {
            long now = inFlight.get();
            if (now > 0 && now + bytes > maxBytes) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Gives back what {@link #tryAcquire} took. */
    public void release(long bytes) {
        inFlight.addAndGet(-bytes);
    }

    /** The bytes in flight now. */
    public long inFlight() {
        return inFlight.get();
    }
}
