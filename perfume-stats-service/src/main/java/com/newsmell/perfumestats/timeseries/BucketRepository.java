package com.newsmell.perfumestats.timeseries;

import com.newsmell.perfumestats.sql.SqlTimes;
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
import java.util.Set;
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
    public Uni<Void> add(BucketTable grid, Map<BucketKey, Counters> buckets) {
        String table = grid.table;
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

    /**
     * The query's metric per stored bucket start (UTC hours or days of its table) in [from, to), for the buckets that
     * exist, of each of these perfumes (the query's perfumeId aside): its numerator and denominator. One statement.
     */
    @WithSession
    public Uni<Map<String, Map<Instant, TimeseriesService.Counts>>> read(List<String> perfumeIds, TimeseriesQuery q) {
        String[] columns = columns(q.metric());
        String sql = "select perfume_id, bucket, cast(" + columns[0] + " as numeric), cast(" + columns[1]
                + " as bigint) from " + q.source().table + " where perfume_id in (:perfumes) and bucket >= cast(:from"
                + " as timestamptz) and bucket < cast(:to as timestamptz)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("perfumes", perfumeIds)
                        .setParameter("from", q.window().from().atOffset(ZoneOffset.UTC))
                        .setParameter("to", q.window().to().atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> {
                    Map<String, Map<Instant, TimeseriesService.Counts>> values = new HashMap<>();
                    for (Object[] r : rows) {
                        values.computeIfAbsent((String) r[0], id -> new HashMap<>())
                                .put(
                                        SqlTimes.instant(r[1]),
                                        new TimeseriesService.Counts((BigDecimal) r[2], ((Number) r[3]).longValue()));
                    }
                    return values;
                });
    }

    /** Which of these perfumes the service has seen: those with a statistics row (any non-bot interaction). */
    @WithSession
    public Uni<Set<String>> perfumesSeen(List<String> perfumeIds) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select perfume_id from perfume_interaction_stats where perfume_id in (:perfumes)",
                                String.class)
                        .setParameter("perfumes", perfumeIds)
                        .getResultList())
                .map(Set::copyOf);
    }

    /** One perfume's metric over a window: the summed numerator and denominator of its buckets in the window. */
    public record WindowTotal(String perfumeId, BigDecimal numerator, long denominator) {}

    /**
     * The perfumes ranked by the metric summed over the buckets of {@code spans} (exactly the window), highest first,
     * ties by perfumeId, rows {@code offset} to {@code offset + limit - 1}: a count when it is at least 1; a rate when
     * its denominator is at least {@code minSample} (and above 0), by numerator / denominator. Optionally only the
     * perfumes of one house ({@code houseId}, the latest seen) and with at least {@code minRatings} ratings (all time).
     */
    @WithSession
    public Uni<List<WindowTotal>> rank(
            TimeseriesQuery.Metric metric,
            BucketSpans spans,
            String houseId,
            int minSample,
            Integer minRatings,
            int offset,
            int limit) {
        String[] columns = columns(metric);
        boolean count = metric.kind == TimeseriesQuery.Metric.Kind.COUNT;
        StringBuilder parts = new StringBuilder();
        if (spans.daily() != null) {
            parts.append("select perfume_id, ")
                    .append(columns[0])
                    .append(" as n, ")
                    .append(columns[1])
                    .append(" as d from perfume_daily_bucket where bucket >= cast(:dailyFrom as timestamptz)")
                    .append(" and bucket < cast(:dailyTo as timestamptz)");
        }
        for (int i = 0; i < spans.hourly().size(); i++) {
            parts.append(parts.isEmpty() ? "" : " union all ")
                    .append("select perfume_id, ")
                    .append(columns[0])
                    .append(" as n, ")
                    .append(columns[1])
                    .append(" as d from perfume_hourly_bucket where bucket >= cast(:hourlyFrom")
                    .append(i)
                    .append(" as timestamptz) and bucket < cast(:hourlyTo")
                    .append(i)
                    .append(" as timestamptz)");
        }
        String sql = "with b as (" + parts + "), w as (select perfume_id, sum(n) as n, sum(d) as d from b"
                + " group by perfume_id)"
                + " select w.perfume_id, cast(w.n as numeric), cast(w.d as bigint) from w"
                + " join perfume_interaction_stats s on s.perfume_id = w.perfume_id where "
                + (count ? "w.n >= 1" : "w.d > 0 and w.d >= :minSample")
                + (houseId == null ? "" : " and s.house_id = :house")
                + (minRatings == null ? "" : " and s.total_ratings >= :minRatings")
                + " order by " + (count ? "w.n" : "cast(w.n as numeric) / w.d") + " desc, w.perfume_id"
                + " offset :offset limit :limit";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            if (spans.daily() != null) {
                query.setParameter("dailyFrom", spans.daily().from().atOffset(ZoneOffset.UTC));
                query.setParameter("dailyTo", spans.daily().to().atOffset(ZoneOffset.UTC));
            }
            for (int i = 0; i < spans.hourly().size(); i++) {
                query.setParameter(
                        "hourlyFrom" + i, spans.hourly().get(i).from().atOffset(ZoneOffset.UTC));
                query.setParameter("hourlyTo" + i, spans.hourly().get(i).to().atOffset(ZoneOffset.UTC));
            }
            if (!count) {
                query.setParameter("minSample", (long) minSample);
            }
            if (houseId != null) {
                query.setParameter("house", houseId);
            }
            if (minRatings != null) {
                query.setParameter("minRatings", minRatings);
            }
            query.setParameter("offset", offset);
            query.setParameter("limit", limit);
            return query.getResultList()
                    .map(rows -> rows.stream()
                            .map(r -> new WindowTotal((String) r[0], (BigDecimal) r[1], ((Number) r[2]).longValue()))
                            .toList());
        });
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
            case RECOMMENDATION_IMPRESSIONS -> new String[] {"recommendation_imprs", "0"};
            case RECOMMENDATION_CLICKS -> new String[] {"recommendation_clicks", "0"};
            case AVG_VIEW_DURATION_MS -> new String[] {"view_duration_sum", "view_duration_count"};
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
