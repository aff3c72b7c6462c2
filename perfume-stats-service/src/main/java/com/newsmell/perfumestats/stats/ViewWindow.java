package com.newsmell.perfumestats.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * The seed's {@code viewsLast7Days} and {@code viewsLast30Days}: the non-bot PERFUME_VIEW events whose time lies in
 * [asOf - N days, asOf), asOf being a whole UTC hour (the hourly job's). The seed's own query for them counts views
 * with {@code timestamp: { gte: last7Days }}.
 */
public enum ViewWindow {
    LAST_7_DAYS(Duration.ofDays(7)),
    LAST_30_DAYS(Duration.ofDays(30));

    private final Duration length;

    ViewWindow(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The window's first instant, for a window ending at {@code asOf}. */
    public Instant start(Instant asOf) {
        return asOf.minus(length);
    }

    /**
     * Whether the hour starting at {@code hour} lies in the window ending at {@code asOf} (both on the hour grid, so
     * the whole hour is in or out).
     */
    public boolean containsHour(Instant asOf, Instant hour) {
        return !hour.isBefore(start(asOf)) && hour.isBefore(asOf);
    }
}
