package com.newsmell.collector.graphql;

import com.newsmell.collector.metrics.EventBucket;
import com.newsmell.collector.metrics.EventFigures;
import com.newsmell.toolkit.api.Metrics;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Stored events over a window, from the raw store (GET /v1/events/metrics): totals and one entry per"
        + " bucket.")
public record EventSeries(
        @NonNull Instant from,
        @NonNull Instant to,
        String granularity,
        Instant asOf,
        @NonNull EventFigures totals,
        @NonNull List<@NonNull EventBucket> buckets) {

    static EventSeries of(Metrics<EventBucket, EventFigures> m) {
        return new EventSeries(
                m.from(), m.to(), m.granularity(), m.asOf(), m.totals(), m.buckets() == null ? List.of() : m.buckets());
    }
}
