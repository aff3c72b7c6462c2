package com.newsmell.toolkit.jobs;

import io.smallrye.mutiny.Uni;

/**
 * A job that the {@link JobRunner} runs once per period across all replicas of a service (ADR 0011). Implement it
 * as an {@code @ApplicationScoped} bean; the runner finds every one.
 *
 * <p>A sharded job ({@link JobDefinition#shards()} &gt; 1) is run once per shard, by whichever replica claims the
 * shard ({@link JobContext#shard()} of {@link JobContext#shardCount()}), then {@link #completeShards} runs once.
 */
public interface ScheduledJob {

    /** Its name, cron, catch-up rule, shards and description. */
    JobDefinition definition();

    /** Runs the job (or one shard of it) for the context's period and clock. */
    Uni<JobOutcome> run(JobContext context);

    /** Runs once after every shard of a sharded run succeeded, with the shards' rows added up. */
    default Uni<JobOutcome> completeShards(JobContext context, long rowsProcessed) {
        return Uni.createFrom().item(JobOutcome.rows(rowsProcessed));
    }
}
