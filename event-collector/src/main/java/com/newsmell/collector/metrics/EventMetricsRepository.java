package com.newsmell.collector.metrics;

import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.TimeWindow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event metrics' reads of the raw store ({@code user_interaction_event}), native SQL: counts of events, distinct
 * sessions and distinct signed-in users over the window, per bucket, or per value of one dimension. Every statement
 * is bounded by {@code timestamp} (partition pruning, the (column, timestamp) indexes) and selects with the filters
 * as index-friendly predicates ({@link Filters#toSql}).
 */
@ApplicationScoped
public class EventMetricsRepository {

    private static final String FIGURES = "count(*), count(distinct session_id), count(distinct user_id)";

    /** A statement and its named parameters. */
    record Statement(String sql, Map<String, Object> parameters) {}

    /** The figures of the whole window. */
    @WithSession
    public Uni<EventFigures> totals(TimeWindow window, EventMetricsQuery query) {
        return rows(totalsStatement(window, query))
                .map(rows -> rows.isEmpty() ? EventFigures.ZERO : figures(rows.get(0), 0));
    }

    /** The figures per bucket that has events, by the bucket's index in {@link TimeWindow#bucketStarts} (from 0). */
    @WithSession
    public Uni<Map<Integer, EventFigures>> buckets(EventMetricsQuery query) {
        return rows(bucketsStatement(query)).map(rows -> {
            Map<Integer, EventFigures> byIndex = new HashMap<>();
            for (Object[] row : rows) {
                byIndex.put(((Number) row[0]).intValue() - 1, figures(row, 1));
            }
            return byIndex;
        });
    }

    /**
     * Up to {@code rows} values of the breakdown dimension from the query's offset, most events first (then by
     * value, (unknown) last), each with its figures.
     */
    @WithSession
    public Uni<List<Metrics.Value<EventFigures>>> breakdown(EventMetricsQuery query, int rows) {
        return rows(breakdownStatement(query, rows))
                .map(result -> result.stream()
                        .map(row -> new Metrics.Value<>(Breakdown.value((String) row[0]), figures(row, 1)))
                        .toList());
    }

    private static Uni<List<Object[]>> rows(Statement statement) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement.sql(), Object[].class);
            statement.parameters().forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static EventFigures figures(Object[] row, int first) {
        return new EventFigures(
                ((Number) row[first]).longValue(),
                ((Number) row[first + 1]).longValue(),
                ((Number) row[first + 2]).longValue());
    }

    static Statement totalsStatement(TimeWindow window, EventMetricsQuery query) {
        Statement where = where(window, query);
        return new Statement(
                "select " + FIGURES + " from user_interaction_event where " + where.sql(), where.parameters());
    }

    /**
     * Groups by the bucket: {@code width_bucket} over the buckets' starts as the toolkit's {@link TimeWindow} computes
     * them (UTC hours; days of tz, 23 or 25 hours long across a DST change), so that the database and the API agree
     * on every boundary whatever the zone.
     */
    static Statement bucketsStatement(EventMetricsQuery query) {
        Statement where = where(query.window(), query);
        Map<String, Object> parameters = new LinkedHashMap<>(where.parameters());
        parameters.put("bounds", query.window().thresholds());
        return new Statement(
                "select width_bucket(timestamp, cast(cast(:bounds as text) as timestamptz[])) as bucket, " + FIGURES
                        + " from user_interaction_event where " + where.sql() + " group by 1",
                parameters);
    }

    static Statement breakdownStatement(EventMetricsQuery query, int rows) {
        Statement where = where(query.window(), query);
        Map<String, Object> parameters = new LinkedHashMap<>(where.parameters());
        parameters.put("rows", rows);
        parameters.put("offset", query.offset());
        String column = query.breakdown().column;
        return new Statement(
                "select " + column + " as value, " + FIGURES + " from user_interaction_event where " + where.sql()
                        + " group by " + column + " order by 2 desc, 1 asc nulls last limit :rows offset :offset",
                parameters);
    }

    /** The window, bots unless included, and the filters, as {@code in (:fN)} lists of the filtered values. */
    static Statement where(TimeWindow window, EventMetricsQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", window.from().atOffset(ZoneOffset.UTC));
        parameters.put("to", window.to().atOffset(ZoneOffset.UTC));
        StringBuilder sql =
                new StringBuilder("timestamp >= cast(:from as timestamptz) and timestamp < cast(:to as timestamptz)");
        if (!query.includeBots()) {
            sql.append(" and not is_bot");
        }
        if (!query.filters().isEmpty()) {
            Filters.Sql filters = query.filters().toSql(EventDimension.COLUMNS, n -> ":f" + n, (d, v) -> v);
            for (int n = 0; n < filters.parameters().size(); n++) {
                parameters.put("f" + n, filters.parameters().get(n));
            }
            sql.append(" and ").append(filters.where());
        }
        return new Statement(sql.toString(), parameters);
    }
}
