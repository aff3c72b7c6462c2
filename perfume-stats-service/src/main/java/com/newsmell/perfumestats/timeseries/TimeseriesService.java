package com.newsmell.perfumestats.timeseries;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.newsmell.perfumestats.api.PerfumeNotFound;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A perfume's time series, read from the hourly or daily buckets (one index range scan), summed into the answer's
 * buckets (the days of {@code tz} from hourly buckets), gaps filled with 0, and its totals computed from the same
 * underlying counts (never by averaging the buckets). A perfume the service has never seen is 404, like its stats.
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
                    description = "A count (whole number); or, for a rate, numerator / denominator (absent when the"
                            + " denominator is 0).")
            Number value,

            @Schema(
                    description = "A rate's numerator (absent for a count); for avgViewDurationMs the sum of the"
                            + " durations, in ms.")
            Number numerator,

            @Schema(description = "A rate's denominator (absent for a count).")
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
    public record Bucket(
            @Schema(description = "The bucket's start (UTC); a day bucket starts at midnight in tz.")
            Instant start,

            @Schema(deprecated = true, description = "Deprecated: use start (the same instant).")
            Instant at,

            @JsonUnwrapped Figure figure) {

        Bucket(Instant start, Figure figure) {
            this(start, start, figure);
        }
    }

    /**
     * The metrics envelope of ADR 0015 (the fields of the toolkit's {@code Metrics}: from, to, tz, granularity, asOf,
     * totals, buckets) with the perfume and the metric, and the buckets' old name for one release.
     */
    @Schema(description = "A perfume's metric per bucket of [from, to), and over the whole range.")
    public record Series(
            @Schema(description = "The perfume.") String perfumeId,

            @Schema(description = "The metric (docs/metrics.md), by its current name.")
            String metric,

            @Schema(description = "The window's start (inclusive, UTC).")
            Instant from,

            @Schema(description = "The window's end (exclusive, UTC).")
            Instant to,

            @Schema(description = "The time zone of the day buckets and of date values of from and to.")
            String tz,

            @Schema(description = "hour or day: the buckets' size (UTC hours; days of tz).")
            String granularity,

            @Schema(
                    description = "When the figures were read: the buckets are written as the events are consumed,"
                            + " so they are complete up to the consumer's lag.")
            Instant asOf,

            @Schema(
                    description = "The whole range, from the summed numerators and denominators (a rate is Σ"
                            + " numerators / Σ denominators, never an average of the buckets).")
            Figure totals,

            @Schema(description = "One entry per bucket of [from, to), in order, 0-filled.")
            List<Bucket> buckets,

            @Schema(deprecated = true, description = "Deprecated: use buckets (the same entries).")
            List<Bucket> points) {

        /**
         * One bucket per bucket start of the window: the stored counts that fall in it (a day of tz sums its hours),
         * else none; the totals from the same counts.
         */
        static Series of(TimeseriesQuery q, Map<Instant, Counts> stored, Instant asOf) {
            Map<Instant, Counts> summed = new HashMap<>();
            stored.forEach((start, c) -> summed.merge(q.bucketOf(start), c, Counts::plus));
            List<Bucket> buckets = new ArrayList<>();
            Counts total = Counts.NONE;
            for (Instant start : q.window().bucketStarts()) {
                Counts c = summed.getOrDefault(start, Counts.NONE);
                total = total.plus(c);
                buckets.add(new Bucket(start, Figure.of(q.metric(), c)));
            }
            return new Series(
                    q.perfumeId(),
                    q.metric().parameter,
                    q.window().from(),
                    q.window().to(),
                    q.window().tz(),
                    q.window().granularity().parameter,
                    asOf,
                    Figure.of(q.metric(), total),
                    buckets,
                    buckets);
        }
    }

    private final BucketRepository buckets;

    public TimeseriesService(BucketRepository buckets) {
        this.buckets = buckets;
    }

    /** The series; 404 for a perfume the service has never seen (no statistics row). */
    public Uni<Series> read(TimeseriesQuery q) {
        return read(List.of(q.perfumeId()), q).map(series -> {
            if (series.get(0) == null) {
                throw PerfumeNotFound.of(q.perfumeId());
            }
            return series.get(0);
        });
    }

    /**
     * The series of several perfumes over the query's window and metric (its perfumeId aside), in the order asked,
     * null for a perfume the service has never seen: two statements whatever the number (the GraphQL subgraph's
     * batches).
     */
    public Uni<List<Series>> read(List<String> perfumeIds, TimeseriesQuery q) {
        Instant asOf = Instant.now();
        return buckets.perfumesSeen(perfumeIds)
                .chain(seen -> buckets.read(perfumeIds, q)
                        .map(stored -> perfumeIds.stream()
                                .map(id -> seen.contains(id)
                                        ? Series.of(q.forPerfume(id), stored.getOrDefault(id, Map.of()), asOf)
                                        : null)
                                .toList()));
    }
}
