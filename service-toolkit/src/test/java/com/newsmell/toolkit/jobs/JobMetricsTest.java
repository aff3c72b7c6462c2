package com.newsmell.toolkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobMetrics metrics = new JobMetrics(registry);
    private final JobContext context =
            new JobContext("hourly", 1, Instant.EPOCH, Instant.EPOCH, JobRun.SCHEDULE, 0, 1, (id, d, t) -> null);

    @Test
    void everyJobIsListedAtZeroBeforeItsFirstRun() {
        metrics.register("hourly");
        assertThat(registry.get("newsmell.job.rows")
                        .tag("job_name", "hourly")
                        .counter()
                        .count())
                .isZero();
        assertThat(registry.get("newsmell.job.last.success.timestamp")
                        .tag("job_name", "hourly")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void aSuccessAddsItsRowsAndMovesTheLastSuccessAFailureOnlyCountsAndTimes() {
        Instant first = Instant.parse("2026-12-06T10:00:00Z");
        metrics.run(context, JobRun.SUCCEEDED, Duration.ofSeconds(2), 40, first);
        metrics.run(context, JobRun.FAILED, Duration.ofSeconds(1), 99, first.plusSeconds(60));

        assertThat(registry.get("newsmell.job.rows")
                        .tag("job_name", "hourly")
                        .counter()
                        .count())
                .isEqualTo(40);
        assertThat(registry.get("newsmell.job.last.success.timestamp").gauge().value())
                .isEqualTo(first.getEpochSecond());
        assertThat(registry.get("newsmell.job.runs")
                        .tags("job_name", "hourly", "trigger", "schedule", "outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("newsmell.job.run")
                        .tags("job_name", "hourly", "outcome", "succeeded")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(2);
    }

    @Test
    void theLastSuccessNeverMovesBack() {
        Instant later = Instant.parse("2026-12-06T12:00:00Z");
        metrics.succeededAt("hourly", later);
        metrics.succeededAt("hourly", later.minusSeconds(3600)); // an older success read from job_run
        assertThat(registry.get("newsmell.job.last.success.timestamp").gauge().value())
                .isEqualTo(later.getEpochSecond());
    }
}
