package com.newsmell.session.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bucket of GET /v1/sessions/metrics: its start and end, and the figures of the sessions that started in it. */
public record SessionMetricsBucket(
        @Schema(description = "The bucket's start (inclusive, UTC): a UTC hour, or the start of a day in tz.")
        Instant start,

        @Schema(
                description =
                        "The bucket's end (exclusive, UTC); a day in tz is 23 or 25 hours long across a DST change.")
        Instant end,

        @JsonUnwrapped SessionMetricsTotals figures) {}
