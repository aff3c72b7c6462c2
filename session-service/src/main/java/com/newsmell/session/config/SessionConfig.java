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

    /** When the close-idle-sessions job runs (Quartz cron, seconds first; "off" turns the schedule off). */
    @WithDefault("0 * * * * ?")
    String closeIdleSessionsCron();

    /** When the rollup job recomputes the hourly rollups of the hours that changed (seed: "every hour"). */
    @WithDefault("0 0 * * * ?")
    String rollupCron();

    /** Most sessions closed in one transaction of the close job. */
    @WithDefault("500")
    int closeBatchSize();

    /** A perfume viewed at least this long after it was clicked from a search means the search found it. */
    @WithDefault("PT30S")
    Duration foundDesiredViewDuration();

    /** How often the outbox relay publishes pending session summaries (ADR 0017); PT0S turns it off. */
    @WithDefault("PT2S")
    Duration summaryRelayInterval();

    /** Most summaries one relay transaction publishes. */
    @WithDefault("500")
    int summaryRelayBatchSize();

    /**
     * A closed session's stored events (session_event) are deleted once its last event is this old (ADR 0030): longer
     * than the collector's accepted lateness plus the interaction topic's retention (7 + 7 days), so no late or
     * redelivered event can still need them for a re-fold.
     */
    @WithDefault("P14D")
    Duration sessionEventRetention();

    /** When the session-event-pruning job runs (Quartz cron, seconds first; "off" turns the schedule off). */
    @WithDefault("0 50 4 * * ?")
    String sessionEventPruningCron();
}
