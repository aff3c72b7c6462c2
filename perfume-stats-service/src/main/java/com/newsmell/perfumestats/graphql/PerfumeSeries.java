package com.newsmell.perfumestats.graphql;

import com.newsmell.perfumestats.timeseries.TimeseriesService;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A perfume's metric per bucket of [from, to), and over the whole range"
        + " (GET /v1/perfumes/{perfumeId}/timeseries).")
public record PerfumeSeries(
        @NonNull @Description("The metric (docs/metrics.md), by its current name.")
        String metric,

        @NonNull Instant from,
        @NonNull Instant to,
        @NonNull String tz,
        @NonNull @Description("hour or day.") String granularity,
        @NonNull @Description("When the figures were read.") Instant asOf,

        @NonNull @Description("The whole range, from the summed numerators and denominators.")
        Figure totals,

        @NonNull @Description("One entry per bucket of [from, to), in order, 0-filled.")
        List<@NonNull Bucket> buckets) {

    @Description("A metric's value over an interval, with its numerator and denominator when a rate.")
    public record Figure(
            @Description("A count, or a rate (numerator / denominator; absent when the denominator is 0).")
            Double value,

            @Description("A rate's numerator (absent for a count).")
            Double numerator,

            @Description("A rate's denominator (absent for a count).")
            Long denominator) {

        static Figure of(TimeseriesService.Figure f) {
            return new Figure(
                    f.value() == null ? null : f.value().doubleValue(),
                    f.numerator() == null ? null : f.numerator().doubleValue(),
                    f.denominator());
        }
    }

    @Description("One bucket, named by its start.")
    public record Bucket(
            @NonNull @Description("The bucket's start (UTC).")
            Instant start,

            @NonNull Figure figure) {}

    static PerfumeSeries of(TimeseriesService.Series s) {
        return new PerfumeSeries(
                s.metric(),
                s.from(),
                s.to(),
                s.tz(),
                s.granularity(),
                s.asOf(),
                Figure.of(s.totals()),
                s.buckets().stream()
                        .map(b -> new Bucket(b.start(), Figure.of(b.figure())))
                        .toList());
    }
}
