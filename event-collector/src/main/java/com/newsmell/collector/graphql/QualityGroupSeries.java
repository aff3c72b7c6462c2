package com.newsmell.collector.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The data-quality view of one value of the grouping ((none) for no value), most rejected first.")
public record QualityGroupSeries(
        @NonNull String value,
        @NonNull QualityFigures totals,
        @NonNull List<@NonNull QualityBucket> buckets) {

    static QualityGroupSeries of(JsonNode group) {
        return new QualityGroupSeries(
                group.path("value").asText(), QualityFigures.of(group.path("totals")), buckets(group.path("buckets")));
    }

    static List<QualityBucket> buckets(JsonNode buckets) {
        List<QualityBucket> list = new ArrayList<>();
        buckets.forEach(b -> list.add(QualityBucket.of(b)));
        return list;
    }
}
