package com.newsmell.toolkit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void freshnessIsFromReceiptToCommitPerEventNeverNegative() {
        Instant now = Instant.parse("2026-12-06T10:00:10Z");
        metrics.committed(
                Arrays.asList(now.minusSeconds(3), now.plusSeconds(5), null), // a receipt clock ahead of ours: 0
                now);
        Timer freshness = registry.get(Meters.EVENT_FRESHNESS).timer();
        assertThat(freshness.count()).isEqualTo(2);
        assertThat(freshness.totalTime(TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(freshness.max(TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void batchesAreTimedPerChannelAndDeadLettersCountedByCategory() {
        metrics.batchProcessed("interactions", 2_000_000);
        metrics.deadLettered("could not be applied: timeout");
        metrics.deadLettered("invalid event: [x]");
        metrics.deadLettered("invalid event: [y]");

        assertThat(registry.get(Meters.BATCH_PROCESSING)
                        .tag("channel", "interactions")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(2);
        assertThat(registry.get(Meters.DEAD_LETTERED)
                        .tag("reason", "invalid_event")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get(Meters.DEAD_LETTERED)
                        .tag("reason", "apply_failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theRateLimitCounterIsRegisteredAtZero() {
        metrics.register(null);
        assertThat(registry.get(Meters.RATE_LIMITED)
                        .tag("limit", "api")
                        .counter()
                        .count())
                .isZero();
        assertThat(registry.get(Meters.DEAD_LETTERED).counters()).hasSize(3);
    }
}
