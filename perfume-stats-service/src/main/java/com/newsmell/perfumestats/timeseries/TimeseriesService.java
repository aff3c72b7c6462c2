package com.newsmell.perfumestats.timeseries;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A perfume's time series, read from the hourly or daily buckets (one index range scan), gaps filled with 0. */
@ApplicationScoped
public class TimeseriesService {

    public record Point(Instant at, long value) {}

    public record Series(
            String perfumeId, String metric, String granularity, Instant from, Instant to, List<Point> points) {

        /** One point per bucket start in [from, to): the stored value, else 0. */
        static Series of(TimeseriesQuery q, Map<Instant, Long> stored) {
            List<Point> points = new ArrayList<>();
            for (Instant at = q.from();
                    at.isBefore(q.to());
                    at = at.plus(q.granularity().step())) {
                points.add(new Point(at, stored.getOrDefault(at, 0L)));
            }
            return new Series(q.perfumeId(), q.metric().parameter, q.granularity().parameter, q.from(), q.to(), points);
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
