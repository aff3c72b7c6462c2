package com.newsmell.perfumestats.timeseries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A perfume's time series, read from the hourly or daily buckets (one index range scan), gaps filled with 0, and
 * its totals computed from the same underlying counts (never by averaging the points).
 */
@ApplicationScoped
public class TimeseriesService {

    /** One bucket's numerator and denominator as stored (a count: the count, and 0). */
    public record Counts(BigDecimal numerator, long denominator) {

        static final Counts NONE = new Counts(BigDecimal.ZERO, 0);

        Counts plus(Counts o) {
            return new Counts(numerator.add(o.numerator), denominator + o.denominator);
        }
    }

    @Schema(description = "A metric's value over an interval, with its numerator and denominator when a rate.")
    public record Figure(
            @Schema(
                    description = "A count (whole number); or, for a rate, numerator / denominator (null when the"
                            + " denominator is 0).")
            Number value,

            @Schema(description = "A rate's numerator (absent for a count).") @JsonInclude(JsonInclude.Include.NON_NULL)
            Number numerator,

            @Schema(description = "A rate's denominator (absent for a count).")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Long denominator) {

        static Figure of(TimeseriesQuery.Metric metric, Counts c) {
            return switch (metric.kind) {
                case COUNT -> new Figure(c.numerator().longValueExact(), null, null);
                case RATE -> new Figure(rate(c), c.numerator().longValueExact(), c.denominator());
                case DECIMAL_RATE -> new Figure(rate(c), c.numerator().doubleValue(), c.denominator());
            };
        }

        private static Double rate(Counts c) {
            return c.denominator() == 0 ? null : c.numerator().doubleValue() / c.denominator();
        }
    }

    @Schema(description = "One bucket, named by its start: its figure; every field covers exactly that bucket.")
    public record Point(
            @Schema(description = "The bucket's start (UTC).")
            Instant at,

            @JsonUnwrapped Figure figure) {}

    @Schema(description = "A perfume's metric per bucket of [from, to), and over the whole range.")
    public record Series(
            @Schema(description = "The perfume.") String perfumeId,

            @Schema(description = "The metric (docs/metrics.md).")
            String metric,

            @Schema(description = "hour | day: the bucket size (UTC).")
            String granularity,

            @Schema(description = "The range's start (inclusive), as answered.")
            Instant from,

            @Schema(description = "The range's end (exclusive), as answered.")
            Instant to,

            @Schema(description = "One point per bucket of [from, to), 0-filled.")
            List<Point> points,

            @Schema(
                    description = "The whole range, from the summed numerators and denominators (a rate is Σ"
                            + " numerators / Σ denominators, never an average of the points).")
            Figure totals) {

        /** One point per bucket start in [from, to): the stored counts, else none; the totals from the same counts. */
        static Series of(TimeseriesQuery q, Map<Instant, Counts> stored) {
            List<Point> points = new ArrayList<>();
            Counts total = Counts.NONE;
            for (Instant at = q.range().from();
                    at.isBefore(q.range().to());
                    at = at.plus(q.range().grid().bucket())) {
                Counts c = stored.getOrDefault(at, Counts.NONE);
                total = total.plus(c);
                points.add(new Point(at, Figure.of(q.metric(), c)));
            }
            return new Series(
                    q.perfumeId(),
                    q.metric().parameter,
                    q.range().grid().parameter,
                    q.range().from(),
                    q.range().to(),
                    points,
                    Figure.of(q.metric(), total));
        }
    }

    private final BucketRepository buckets;

    public TimeseriesService(BucketRepository buckets) {
        this.buckets = buckets;
    }

    public Uni<Series> read(TimeseriesQuery q) {
        return buckets.read(q).map(stored -> Series.of(q, stored));
    }
}
