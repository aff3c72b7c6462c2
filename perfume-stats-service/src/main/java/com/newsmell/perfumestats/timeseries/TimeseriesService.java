package com.newsmell.perfumestats.timeseries;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A perfume's time series, read from the hourly or daily buckets (one index range scan), gaps filled with 0. */
@ApplicationScoped
public class TimeseriesService {

    public record Point(Instant at, long value) {}

    public record Series(
            String perfumeId, String metric, String granularity, Instant from, Instant to, List<Point> points) {}

    @WithSession
    public Uni<Series> read(TimeseriesQuery q) {
        String sql = "select bucket, " + q.metric().column + " from " + q.granularity().table
                + " where perfume_id = :perfume and bucket >= cast(:from as timestamptz)"
                + " and bucket < cast(:to as timestamptz)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("perfume", q.perfumeId())
                        .setParameter("from", q.from().atOffset(java.time.ZoneOffset.UTC))
                        .setParameter("to", q.to().atOffset(java.time.ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> {
                    Map<Instant, Long> values = new HashMap<>();
                    for (Object[] r : rows) {
                        values.put(instant(r[0]), ((Number) r[1]).longValue());
                    }
                    List<Point> points = new ArrayList<>();
                    for (Instant at = q.from();
                            at.isBefore(q.to());
                            at = at.plus(q.granularity().step())) {
                        points.add(new Point(at, values.getOrDefault(at, 0L)));
                    }
                    return new Series(
                            q.perfumeId(), q.metric().parameter, q.granularity().parameter, q.from(), q.to(), points);
                });
    }

    private static Instant instant(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected bucket type " + o.getClass());
    }
}
