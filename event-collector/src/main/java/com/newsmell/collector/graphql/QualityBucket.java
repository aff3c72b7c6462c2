package com.newsmell.collector.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One bucket of the data-quality view: its start and figures.")
public record QualityBucket(@NonNull Instant start, @NonNull QualityFigures figures) {

    static QualityBucket of(JsonNode bucket) {
        return new QualityBucket(Instant.parse(bucket.path("start").asText()), QualityFigures.of(bucket));
    }
}
