package com.newsmell.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** session-service's rules and schedules: {@code newsmell.session.*}. */
@ConfigMapping(prefix = "newsmell.session")
public interface SessionConfig {

    /** A session closes once its last event is older than this. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** How often the close job looks for idle sessions (Quarkus "every" syntax; "off" disables it). */
    @WithDefault("1m")
    String closeEvery();

    /** How long after start-up the close job first runs. */
    @WithDefault("10s")
    String closeDelay();

    /** How often the rollup job recomputes the hourly rollups of the hours that changed ("off" disables it). */
    @WithDefault("1h")
    String rollupEvery();

    /** How long after start-up the rollup job first runs. */
    @WithDefault("30s")
    String rollupDelay();

    /** Most sessions closed in one transaction of the close job. */
    @WithDefault("500")
    int closeBatchSize();

    /** A perfume viewed at least this long after it was clicked from a search means the search found it. */
    @WithDefault("PT30S")
    Duration foundDesiredViewDuration();
}
