package com.newsmell.toolkit.jobs;

import com.newsmell.toolkit.observability.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job runner's meters (issue 18): {@code newsmell_job_runs_total{job_name,trigger,outcome}},
 * {@code newsmell_job_run_seconds{job_name,outcome}}, {@code newsmell_job_rows_total{job_name}},
 * {@code newsmell_job_last_success_timestamp_seconds{job_name}} (0 until a run of this replica, or one read from
 * {@code job_run}, succeeded), {@code newsmell_job_period_seconds{job_name}} (the time between two of its scheduled
 * periods, for the "did not run in its period" alert), plus {@code newsmell_job_shards_total}. The job is labelled
 * {@code job_name}, never {@code job}: Prometheus gives every scraped series its own {@code job} label (ADR 0057).
 */
final class JobMetrics {

    /** The label naming a scheduled job. */
    static final String JOB = "job_name";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the job's meters at 0, so that every job is listed before its first run. */
    void register(String job) {
        lastSuccess(job);
        rows(job);
    }

    /** The job's scheduled period, in seconds (nothing when its schedule is off). */
    void period(String job, Duration period) {
        Gauge.builder("newsmell.job.period", period, d -> d.toMillis() / 1000.0)
                .description("Time between two scheduled periods of the job")
                .baseUnit("seconds")
                .tag(JOB, job)
                .register(registry);
    }

    /** A whole run ended: counted, timed, its rows added; a success moves the job's last-success time. */
    void run(JobContext context, String outcome, Duration took, long rowsProcessed, Instant endedAt) {
        Counter.builder("newsmell.job.runs")
                .description("Job runs executed by this replica")
                .tags(JOB, context.job(), "trigger", context.trigger(), "outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("newsmell.job.run")
                .description("Duration of job runs")
                .tags(JOB, context.job(), "outcome", outcome)
                .serviceLevelObjectives(Meters.latencyBuckets())
                .register(registry)
                .record(took);
        if (JobRun.SUCCEEDED.equals(outcome)) {
            rows(context.job()).increment(Math.max(0, rowsProcessed));
            succeededAt(context.job(), endedAt);
        }
    }

    /** One shard of a sharded run ended. */
    void shard(JobContext context, String outcome) {
        registry.counter("newsmell.job.shards", JOB, context.job(), "trigger", context.trigger(), "outcome", outcome)
                .increment();
    }

    /** The job's latest success is at least {@code at} (from this replica or from the job_run table). */
    void succeededAt(String job, Instant at) {
        lastSuccess(job).accumulateAndGet(at.getEpochSecond(), Math::max);
    }

    private AtomicLong lastSuccess(String job) {
        return lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("newsmell.job.last.success.timestamp", value, AtomicLong::doubleValue)
                    .description("When the job's latest successful run ended (Unix time)")
                    .baseUnit("seconds")
                    .tag(JOB, name)
                    .register(registry);
            return value;
        });
    }

    private Counter rows(String job) {
        return Counter.builder("newsmell.job.rows")
                .description("Rows processed by successful job runs")
                .tag(JOB, job)
                .register(registry);
    }
}
