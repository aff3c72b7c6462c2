package com.newsmell.perfumestats.timeseries;

import com.newsmell.perfumestats.sql.SqlTimes;
import com.newsmell.toolkit.http.TimeGrid;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The hourly and daily bucket tables ({@code perfume_hourly_bucket}, {@code perfume_daily_bucket}): additive
 * counters with no entity (ADR 0012 §4), written as one {@code insert … on conflict do update} per table and chunk,
 * and read as a perfume's time series.
 */
@ApplicationScoped
public class BucketRepository {

    /** The counter columns, in {@link #values} order. */
    private static final List<String> COLUMNS = List.of(
            "views",
            "view_duration_sum",
            "view_duration_count",
            "ratings",
            "reviews",
            "wishlist_adds",
            "collection_adds",
            "trade_inquiries",
            "trade_completed",
            "search_impressions",
            "search_clicks",
            "recommendation_imprs",
            "recommendation_clicks");

    /** 15 parameters a row: well under PostgreSQL's 65,535 parameters per statement. */
    private static final int ROWS_PER_STATEMENT = 1000;

    /**
     * Adds a batch's per-bucket counts to the granularity's table, rows in key order (so concurrent consumers lock
     * them in the same order): one multi-row upsert per 1,000 rows.
     */
    @WithSession
    public Uni<Void> add(TimeGrid grid, Map<BucketKey, Counters> buckets) {
        String table = table(grid);
        List<Map.Entry<BucketKey, Counters>> rows = new ArrayList<>(new TreeMap<>(buckets).entrySet());
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Map.Entry<BucketKey, Counters>> chunk =
                        rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                chain = chain.chain(() -> upsert(session, table, chunk));
            }
            return chain;
        });
    }

    /** The query's metric per bucket start in [from, to), for the buckets that exist: its numerator and denominator. */
    @WithSession
    public Uni<Map<Instant, TimeseriesService.Counts>> read(TimeseriesQuery q) {
        String[] columns = columns(q.metric());
        String sql = "select bucket, cast(" + columns[0] + " as numeric), cast(" + columns[1] + " as bigint) from "
                + table(q.range().grid()) + " where perfume_id = :perfume and bucket >= cast(:from as timestamptz)"
                + " and bucket < cast(:to as timestamptz)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("perfume", q.perfumeId())
                        .setParameter("from", q.range().from().atOffset(ZoneOffset.UTC))
                        .setParameter("to", q.range().to().atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> {
                    Map<Instant, TimeseriesService.Counts> values = new HashMap<>();
                    for (Object[] r : rows) {
                        values.put(
                                SqlTimes.instant(r[0]),
                                new TimeseriesService.Counts((BigDecimal) r[1], ((Number) r[2]).longValue()));
                    }
                    return values;
                });
    }

    private static String table(TimeGrid grid) {
        return switch (grid) {
            case HOUR -> "perfume_hourly_bucket";
            case DAY -> "perfume_daily_bucket";
        };
    }

    /** The metric's numerator and denominator columns (a count: its column, and 0). */
    private static String[] columns(TimeseriesQuery.Metric metric) {
        return switch (metric) {
            case VIEWS -> new String[] {"views", "0"};
            case WISHLIST_ADDS -> new String[] {"wishlist_adds", "0"};
            case COLLECTION_ADDS -> new String[] {"collection_adds", "0"};
            case RATINGS -> new String[] {"ratings", "0"};
            case REVIEWS -> new String[] {"reviews", "0"};
            case TRADE_INQUIRIES -> new String[] {"trade_inquiries", "0"};
            case TRADE_COMPLETED -> new String[] {"trade_completed", "0"};
            case SEARCH_IMPRESSIONS -> new String[] {"search_impressions", "0"};
            case SEARCH_CLICKS -> new String[] {"search_clicks", "0"};
            case RECOMMENDATION_IMPRS -> new String[] {"recommendation_imprs", "0"};
            case RECOMMENDATION_CLICKS -> new String[] {"recommendation_clicks", "0"};
            case AVG_VIEW_DURATION -> new String[] {"view_duration_sum", "view_duration_count"};
            case SEARCH_CTR -> new String[] {"search_clicks", "search_impressions"};
            case RECOMMENDATION_CTR -> new String[] {"recommendation_clicks", "recommendation_imprs"};
        };
    }

    private static Uni<Void> upsert(Mutiny.Session session, String table, List<Map.Entry<BucketKey, Counters>> rows) {
        int width = COLUMNS.size() + 2;
        StringBuilder sql = new StringBuilder("insert into ")
                .append(table)
                .append(" (perfume_id, bucket, ")
                .append(String.join(", ", COLUMNS))
                .append(") values ");
        for (int r = 0; r < rows.size(); r++) {
            int p = r * width;
            sql.append(r == 0 ? "(" : ", (")
                    .append('?')
                    .append(p + 1)
                    .append(", cast(?")
                    .append(p + 2)
                    .append(" as timestamptz)");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sql.append(", ?").append(p + 3 + c);
            }
            sql.append(')');
        }
        sql.append(" on conflict (perfume_id, bucket) do update set ");
        for (int c = 0; c < COLUMNS.size(); c++) {
            String col = COLUMNS.get(c);
            sql.append(c == 0 ? "" : ", ")
                    .append(col)
                    .append(" = ")
                    .append(table)
                    .append('.')
                    .append(col)
                    .append(" + excluded.")
                    .append(col);
        }
        var query = session.createNativeQuery(sql.toString());
        for (int r = 0; r < rows.size(); r++) {
            int p = r * width;
            BucketKey key = rows.get(r).getKey();
            query.setParameter(p + 1, key.perfumeId());
            query.setParameter(p + 2, key.start().atOffset(ZoneOffset.UTC));
            Object[] values = values(rows.get(r).getValue());
            for (int c = 0; c < values.length; c++) {
                query.setParameter(p + 3 + c, values[c]);
            }
        }
        return query.executeUpdate().replaceWithVoid();
    }

    private static Object[] values(Counters c) {
        return new Object[] {
            c.views,
            c.viewDurationSum,
            c.viewDurationCount,
            c.ratings,
            c.reviews,
            c.wishlistAdds,
            c.collectionAdds,
            c.tradeInquiries,
            c.tradeCompleted,
            c.searchImpressions,
            c.searchClicks,
            c.recommendationImprs,
            c.recommendationClicks
        };
    }
}
