package com.newsmell.toolkit.jobs;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * One run of a job, as the job sees it.
 *
 * @param job the job's name
 * @param runId the {@code job_run} row
 * @param period the period the run is for: the scheduled time it fired at (a manual run: its clock)
 * @param clock the job's "now": the real time of a scheduled run, {@code ?now=} of a manual one
 * @param trigger {@code schedule} or {@code manual}
 * @param shard this shard, 0-based (0 of 1 for an unsharded run)
 * @param shardCount how many shards the run has
 */
public record JobContext(
        String job,
        long runId,
        Instant period,
        Instant clock,
        String trigger,
        int shard,
        int shardCount,
        ProgressSink progressSink) {

    /** Records progress (and that the run is alive) in {@code job_run}, in a transaction of its own. */
    public interface ProgressSink {
        Uni<Void> progress(long runId, long done, long total);
    }

    public Uni<Void> progress(long done, long total) {
        return progressSink.progress(runId, done, total);
    }

    JobContext forShard(int shardNumber) {
        return new JobContext(job, runId, period, clock, trigger, shardNumber, shardCount, progressSink);
    }
}
