package com.newsmell.perfumestats.timeseries;

import com.newsmell.perfumestats.stats.Counters;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Adds a batch's per-bucket counts to perfume_hourly_bucket / perfume_daily_bucket: one multi-row upsert per
 * table and chunk, rows in key order (so concurrent consumers lock them in the same order).
 */
public final class BucketWriter {

    public static final String HOURLY = "perfume_hourly_bucket";
    public static final String DAILY = "perfume_daily_bucket";

    /** The counter columns, in {@link #values} order. */
    public static final List<String> COLUMNS = List.of(
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

    private static final int ROWS_PER_STATEMENT = 1000;

    private BucketWriter() {}

    public static Uni<Void> add(Mutiny.Session session, String table, Map<BucketKey, Counters> buckets) {
        List<Map.Entry<BucketKey, Counters>> rows = new ArrayList<>(new TreeMap<>(buckets).entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Map.Entry<BucketKey, Counters>> chunk =
                    rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> upsert(session, table, chunk));
        }
        return chain;
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
            query.setParameter(p + 2, key.start().atOffset(java.time.ZoneOffset.UTC));
            Object[] values = values(rows.get(r).getValue());
            for (int c = 0; c < values.length; c++) {
                query.setParameter(p + 3 + c, values[c]);
            }
        }
        return query.executeUpdate().replaceWithVoid();
    }

    static Object[] values(Counters c) {
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
