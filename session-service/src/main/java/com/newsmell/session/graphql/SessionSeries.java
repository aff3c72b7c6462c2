package com.newsmell.session.graphql;

import com.newsmell.session.metrics.SessionMetricsBucket;
import com.newsmell.session.metrics.SessionMetricsTotals;
import com.newsmell.toolkit.api.Metrics;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description(
        "Sessions, bounces and durations over a window (GET /v1/sessions/metrics): totals and one entry per bucket.")
public record SessionSeries(
        @NonNull Instant from,
        @NonNull Instant to,
        String granularity,
        Instant asOf,
        @NonNull SessionMetricsTotals totals,
        @NonNull List<@NonNull SessionMetricsBucket> buckets) {

    static SessionSeries of(Metrics<SessionMetricsBucket, SessionMetricsTotals> m) {
        return new SessionSeries(
                m.from(), m.to(), m.granularity(), m.asOf(), m.totals(), m.buckets() == null ? List.of() : m.buckets());
    }
}
