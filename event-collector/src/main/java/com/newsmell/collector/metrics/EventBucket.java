package com.newsmell.collector.metrics;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bucket of {@code GET /v1/events/metrics}: its start and its figures. */
public record EventBucket(
        @Schema(description = "The bucket's start (UTC): a UTC hour, or the start of a day in tz")
        Instant start,

        @Schema(description = "Stored events") long events,

        @Schema(description = "Distinct sessionIds among them")
        long sessions,

        @Schema(description = "Distinct signed-in userIds among them")
        long users) {

    public static EventBucket of(Instant start, EventFigures figures) {
        return new EventBucket(start, figures.events(), figures.sessions(), figures.users());
    }
}
