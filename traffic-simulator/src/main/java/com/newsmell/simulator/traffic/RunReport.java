package com.newsmell.simulator.traffic;

import java.time.Duration;
import java.util.Locale;

/**
 * Outcome of a simulator run.
 *
 * @param sent events handed to the collector ({@code accepted + rejected + failed})
 * @param accepted events the collector accepted (202 results)
 * @param rejected events the collector rejected (per-event errors, or a 400/413/415 for the whole batch)
 * @param failed events that could not be delivered (503/5xx/connection errors after the last attempt)
 * @param batches batches sent (not counting retries)
 * @param retries extra attempts after a 503/5xx/connection error
 * @param elapsed wall time of the run
 * @param eventsPerSecond {@code sent / elapsed}
 * @param p50Millis median batch latency (one HTTP round trip), ms
 * @param p99Millis 99th percentile batch latency, ms
 * @param seed the journey seed (pass it again to reproduce the journeys)
 */
public record RunReport(
        long sent,
        long accepted,
        long rejected,
        long failed,
        long batches,
        long retries,
        Duration elapsed,
        double eventsPerSecond,
        double p50Millis,
        double p99Millis,
        long seed) {

    /** True when every event sent was accepted. */
    public boolean success() {
        return rejected == 0 && failed == 0;
    }

    /** One line: counts, elapsed, throughput, latency percentiles. */
    public String summaryLine() {
        return String.format(
                Locale.ROOT,
                "summary: sent=%d accepted=%d rejected=%d failed=%d batches=%d retries=%d elapsed=%.1fs"
                        + " rate=%.1f events/s latency p50=%.1fms p99=%.1fms seed=%d",
                sent,
                accepted,
                rejected,
                failed,
                batches,
                retries,
                elapsed.toNanos() / 1e9,
                eventsPerSecond,
                p50Millis,
                p99Millis,
                seed);
    }
}
