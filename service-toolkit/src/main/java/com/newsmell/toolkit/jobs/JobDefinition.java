package com.newsmell.toolkit.jobs;

/**
 * What a {@link ScheduledJob} is: its name (in {@code job_run}, {@code GET /v1/jobs} and
 * {@code POST /v1/jobs/{name}/runs}), its Quartz cron (seconds first, from the service's configuration; {@code off}
 * turns the schedule off, the job can still be run through the API), its catch-up rule, how many shards a run is
 * split into, and a description for {@code GET /v1/jobs} that says what "rows" counts.
 */
public record JobDefinition(String name, String cron, CatchUp catchUp, int shards, String description) {

    public JobDefinition {
        if (shards < 1) {
            throw new IllegalArgumentException("job " + name + ": shards must be at least 1, not " + shards);
        }
    }

    /** An unsharded job. */
    public static JobDefinition of(String name, String cron, CatchUp catchUp, String description) {
        return new JobDefinition(name, cron, catchUp, 1, description);
    }

    /** The same job split into {@code count} shards. */
    public JobDefinition sharded(int count) {
        return new JobDefinition(name, cron, catchUp, count, description);
    }
}
