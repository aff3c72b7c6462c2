package com.newsmell.collector.metrics;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dimensions of {@code GET /v1/events/metrics} (ADR 0015), for breakdown and filters: the parameter's name, the
 * raw store's column (each with its {@code (column, timestamp)} index) and, for the closed ones, the values a filter
 * may name (besides {@code (unknown)}).
 */
public enum EventDimension {
    EVENT_TYPE(
            "eventType",
            "event_type",
            Arrays.stream(InteractionEventType.values()).map(Enum::name).toList()),
    EVENT_CATEGORY(
            "eventCategory",
            "event_category",
            Arrays.stream(InteractionCategory.values()).map(Enum::name).toList()),
    COUNTRY("country", "location", null),
    DEVICE_TYPE("deviceType", "device_type", List.of("mobile", "tablet", "desktop")),
    BROWSER("browser", "browser", null),
    OS("os", "os", null),
    SOURCE("source", "source", null),
    REFERRER("referrer", "referrer", null),
    PATH("path", "path", null);

    /** The dimensions' names, in the order the API lists them. */
    public static final List<String> NAMES =
            Arrays.stream(values()).map(d -> d.parameter).toList();

    /** Dimension name to column, for {@code Filters.toSql}. */
    public static final Map<String, String> COLUMNS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(d -> d.parameter, d -> d.column));

    private static final Map<String, EventDimension> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(d -> d.parameter, Function.identity()));

    public final String parameter;
    public final String column;

    /** The values a filter may name, or null when any value may be named. */
    public final List<String> allowed;

    EventDimension(String parameter, String column, List<String> allowed) {
        this.parameter = parameter;
        this.column = column;
        this.allowed = allowed;
    }

    /** The dimension of a name the toolkit's {@code Breakdown.parse} accepted. */
    public static EventDimension of(String name) {
        EventDimension dimension = BY_NAME.get(name);
        if (dimension == null) {
            throw new IllegalArgumentException(name);
        }
        return dimension;
    }
}
