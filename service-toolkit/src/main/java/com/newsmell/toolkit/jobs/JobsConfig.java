package com.newsmell.toolkit.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** The job runner's settings ({@code newsmell.jobs.*}); each job's cron lives in its service's own configuration. */
@ConfigMapping(prefix = "newsmell.jobs")
public interface JobsConfig {

    /** Whether this replica runs scheduled jobs at all (tests turn it off and run jobs through the API). */
    @WithDefault("true")
    boolean enabled();

    /** How often the runner looks for due periods and open shards. */
    @WithDefault("PT15S")
    Duration tick();

    /** The time zone every cron is read in. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** A running run (or shard) whose heartbeat is older than this is taken over by another replica. */
    @WithDefault("PT5M")
    Duration lease();

    /** A failed scheduled run is retried on the next ticks, until it has been attempted this often. */
    @WithDefault("5")
    int maxAttempts();

    /** Most periods an every-period job catches up at once (the newest ones). */
    @WithDefault("48")
    int maxCatchUp();

    /** How long job_run rows are kept. */
    @WithDefault("P30D")
    Duration retention();
}
