package com.newsmell.collector.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.graphql.Description;

@Description("Accepted (stored), rejected (refused by the collector) and dead-lettered events (GET /v1/quality).")
public record QualityFigures(long accepted, long rejected, long deadLettered) {

    static QualityFigures of(JsonNode figures) {
        return new QualityFigures(
                figures.path("accepted").asLong(),
                figures.path("rejected").asLong(),
                figures.path("deadLettered").asLong());
    }
}
