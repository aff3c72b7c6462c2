package com.newsmell.toolkit.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long every service keeps its working rows ({@code newsmell.retention.*}, ADR 0030).
 *
 * <p>{@code processed_event} claims make redelivery idempotent only while a redelivered record can still arrive: the
 * claim retention must stay longer than the interaction topic's retention (Kafka's default, 7 days) and the
 * collector's accepted lateness (7 days). 14 days keeps a week's margin.
 */
@ConfigMapping(prefix = "newsmell.retention")
public interface RetentionConfig {

    /** The interaction topic's retention this service relies on (documentation and the startup check). */
    @WithDefault("P7D")
    Duration kafkaTopicRetention();

    /** How long a processed_event claim is kept; must exceed kafka-topic-retention. */
    @WithDefault("P14D")
    Duration processedEvent();

    /** When the processed-event-pruning job runs (Quartz cron, seconds first; {@code off} turns it off). */
    @WithDefault("0 40 4 * * ?")
    String cron();

    /** Most rows one delete statement removes (the job repeats until none is left). */
    @WithDefault("10000")
    int batchSize();

    /** The {@code rollup-cohorts} job (ADR 0048). */
    Rollups rollups();

    /** Analytics rollups: kept at their grain for {@link #keep()}, then folded into monthly cohort rows. */
    interface Rollups {

        /** How long a rollup row is kept at its own grain (hour, day); its month is folded after. */
        @WithDefault("P365D")
        Duration keep();

        /** When the rollup-cohorts job runs (Quartz cron, seconds first; {@code off} turns it off). */
        @WithDefault("0 10 5 * * ?")
        String cron();

        /**
         * The service's additive rollup tables, each with its time column: {@code
         * newsmell.retention.rollups.tables.<table>=<time column>}. None: the job folds nothing.
         */
        java.util.Map<String, String> tables();
    }
}
