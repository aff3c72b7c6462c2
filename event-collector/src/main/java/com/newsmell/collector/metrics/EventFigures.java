package com.newsmell.collector.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of a window, a bucket's or a breakdown value's: counts over the raw store's matching events. */
public record EventFigures(
        @Schema(description = "Stored events") long events,

        @Schema(description = "Distinct sessionIds among them")
        long sessions,

        @Schema(description = "Distinct signed-in userIds among them (anonymous events have none)")
        long users) {

    public static final EventFigures ZERO = new EventFigures(0, 0, 0);
}
