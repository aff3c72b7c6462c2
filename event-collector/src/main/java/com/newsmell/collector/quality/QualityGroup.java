package com.newsmell.collector.quality;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the data-quality view groups by (issue #20), with the rollup's column and the raw store's for accepted events:
 * accepted events have an event type, no rule or field, the collector as their consumer and (before write keys
 * exist) no source.
 */
public enum QualityGroup {
    EVENT_TYPE("eventType", "event_type", "event_type"),
    RULE("rule", "rule", "''"),
    FIELD("field", "field", "''"),
    SOURCE("source", "source", "''"),
    CONSUMER("consumer", "consumer", "'event-collector'");

    /** By parameter value. */
    public static final Map<String, QualityGroup> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(g -> g.parameter, Function.identity()));

    public final String parameter;
    final String column;
    final String acceptedColumn;

    QualityGroup(String parameter, String column, String acceptedColumn) {
        this.parameter = parameter;
        this.column = column;
        this.acceptedColumn = acceptedColumn;
    }
}
