package com.newsmell.collector.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The data-quality view over a window (GET /v1/quality, ADR 0041): accepted, rejected and dead-lettered"
        + " events in totals, per bucket and, with groupBy, per value.")
public record QualitySeries(
        @NonNull Instant from,
        @NonNull Instant to,
        @NonNull String tz,
        @NonNull String granularity,
        @NonNull Instant asOf,
        String groupBy,
        @NonNull QualityFigures totals,
        @NonNull List<@NonNull QualityBucket> buckets,
        @NonNull List<@NonNull QualityGroupSeries> groups) {

    /** From the answer {@code QualityService} gives the REST API too. */
    static QualitySeries of(JsonNode body) {
        List<QualityGroupSeries> groups = new ArrayList<>();
        body.path("groups").forEach(g -> groups.add(QualityGroupSeries.of(g)));
        return new QualitySeries(
                Instant.parse(body.path("from").asText()),
                Instant.parse(body.path("to").asText()),
                body.path("tz").asText(),
                body.path("granularity").asText(),
                Instant.parse(body.path("asOf").asText()),
                body.hasNonNull("groupBy") ? body.path("groupBy").asText() : null,
                QualityFigures.of(body.path("totals")),
                QualityGroupSeries.buckets(body.path("buckets")),
                groups);
    }
}
