package com.newsmell.toolkit.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The operational metrics' settings ({@code newsmell.observability.*}, issue 18, ADR 0058). */
@ConfigMapping(prefix = "newsmell.observability")
public interface ObservabilityConfig {

    /** The {@code service} label of every meter: the service's name. */
    @WithDefault("${quarkus.application.name}")
    String service();

    /** How often the consumer-lag gauges are read from the Kafka consumers' own fetch metrics. */
    @WithDefault("PT10S")
    Duration lagRefresh();
}
