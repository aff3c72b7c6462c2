package com.newsmell.toolkit.jobs;

import java.time.Instant;
import java.util.Map;

/** One row of {@code job_run}: a run of a job, as {@code GET /v1/jobs} and {@code POST /v1/jobs/{name}/runs} show it. */
public record JobRun(
        long id,
        String job,
        Instant period,
        String trigger,
        Instant clock,
        Instant asOf,
        String status,
        int attempt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        Long rowsProcessed,
        Long progressDone,
        Long progressTotal,
        int shards,
        String runner,
        String error,
        Map<String, Object> detail) {

    public static final String RUNNING = "running";
    /** Every shard succeeded; one replica is running the job's completion step. */
    public static final String COMPLETING = "completing";

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String SCHEDULE = "schedule";
    public static final String MANUAL = "manual";

    public boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }
}
