package com.newsmell.perfumestats.weekly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.perfumestats.sql.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly trend analysis' reads and writes ({@code perfume_weekly_trend}, V7): the perfumes to analyse, their
 * counts of two weeks from the daily buckets, the upsert of a chunk's trends, and the perfumes' latest analysed weeks.
 */
@ApplicationScoped
public class WeeklyTrendRepository {

    /** Per perfume of {@code :ids}: views and wishlist adds of the week and of the week before, 0 without any. */
    private static final String COUNTS = """
            select s.perfume_id,
                   cast(coalesce(sum(b.views) filter (where b.bucket >= cast(:start as timestamptz)), 0) as bigint),
                   cast(coalesce(sum(b.views) filter (where b.bucket < cast(:start as timestamptz)), 0) as bigint),
                   cast(coalesce(sum(b.wishlist_adds) filter (where b.bucket >= cast(:start as timestamptz)), 0)
                        as bigint),
                   cast(coalesce(sum(b.wishlist_adds) filter (where b.bucket < cast(:start as timestamptz)), 0)
                        as bigint)
            from perfume_interaction_stats s
            left join perfume_daily_bucket b on b.perfume_id = s.perfume_id
                 and b.bucket >= cast(:previousStart as timestamptz) and b.bucket < cast(:end as timestamptz)
            where s.perfume_id in (:ids)
            group by s.perfume_id
            order by s.perfume_id
            """;

    /**
     * A chunk's trends of one week, as one jsonb array; a row is written only when one of its figures changed, so
     * re-running a week writes nothing and keeps {@code computed_at}.
     */
    private static final String UPSERT = """
            insert into perfume_weekly_trend as t (perfume_id, week_start, views, previous_views, view_growth,
                   wishlist_adds, previous_wishlist_adds, wishlist_growth, computed_at)
            select r.perfume_id, cast(:start as timestamptz), r.views, r.previous_views, r.view_growth,
                   r.wishlist_adds, r.previous_wishlist_adds, r.wishlist_growth, now()
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(perfume_id text, views integer,
                   previous_views integer, view_growth float8, wishlist_adds integer,
                   previous_wishlist_adds integer, wishlist_growth float8)
            on conflict (perfume_id, week_start) do update
            set views = excluded.views, previous_views = excluded.previous_views,
                view_growth = excluded.view_growth, wishlist_adds = excluded.wishlist_adds,
                previous_wishlist_adds = excluded.previous_wishlist_adds,
                wishlist_growth = excluded.wishlist_growth, computed_at = excluded.computed_at
            where (t.views, t.previous_views, t.view_growth, t.wishlist_adds, t.previous_wishlist_adds,
                   t.wishlist_growth)
                  is distinct from (excluded.views, excluded.previous_views, excluded.view_growth,
                   excluded.wishlist_adds, excluded.previous_wishlist_adds, excluded.wishlist_growth)
            """;

    /** Per perfume of {@code :ids}, its latest analysed week (the primary key's index). */
    private static final String LATEST = """
            select distinct on (perfume_id) week_start, views, previous_views, view_growth, wishlist_adds,
                   previous_wishlist_adds, wishlist_growth, perfume_id
            from perfume_weekly_trend where perfume_id in (:ids)
            order by perfume_id, week_start desc
            """;

    /**
     * A perfume's stored trend of one week, as the job wrote it.
     *
     * @param weekStart the start of the analysed week (Sunday 00:00 UTC); the week before is the 7 days before it
     */
    public record StoredTrend(Instant weekStart, WeeklyTrend counts, double viewGrowth, double wishlistGrowth) {}

    /** Every perfume with statistics, in perfumeId order. */
    @WithSession
    public Uni<List<String>> perfumeIds() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select perfume_id from perfume_interaction_stats order by perfume_id", String.class)
                        .getResultList());
    }

    /** The perfumes' counts of the week and of the week before, in perfumeId order (those with statistics). */
    @WithSession
    public Uni<List<WeeklyTrend>> counts(TrendWeek week, List<String> perfumeIds) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(COUNTS, Object[].class)
                        .setParameter("previousStart", week.previousStart().atOffset(ZoneOffset.UTC))
                        .setParameter("start", week.start().atOffset(ZoneOffset.UTC))
                        .setParameter("end", week.end().atOffset(ZoneOffset.UTC))
                        .setParameter("ids", perfumeIds)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new WeeklyTrend(
                                (String) r[0],
                                ((Number) r[1]).longValue(),
                                ((Number) r[2]).longValue(),
                                ((Number) r[3]).longValue(),
                                ((Number) r[4]).longValue()))
                        .toList());
    }

    /** Stores the week's trends (one statement); returns how many rows were inserted or changed. */
    @WithSession
    public Uni<Integer> upsert(TrendWeek week, List<WeeklyTrend> trends) {
        if (trends.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (WeeklyTrend t : trends) {
            rows.addObject()
                    .put("perfume_id", t.perfumeId())
                    .put("views", t.views())
                    .put("previous_views", t.previousViews())
                    .put("view_growth", t.viewGrowth())
                    .put("wishlist_adds", t.wishlistAdds())
                    .put("previous_wishlist_adds", t.previousWishlistAdds())
                    .put("wishlist_growth", t.wishlistGrowth());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("start", week.start().atOffset(ZoneOffset.UTC))
                        .setParameter("rows", rows.toString())
                        .executeUpdate());
    }

    /** The latest analysed week of each of these perfumes (those the job analysed), by perfumeId: one statement. */
    @WithSession
    public Uni<Map<String, StoredTrend>> latestAll(List<String> perfumeIds) {
        if (perfumeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LATEST, Object[].class)
                        .setParameter("ids", perfumeIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, StoredTrend> byId = new HashMap<>();
                    rows.forEach(r -> byId.put((String) r[7], stored((String) r[7], r)));
                    return byId;
                });
    }

    private static StoredTrend stored(String perfumeId, Object[] r) {
        return new StoredTrend(
                SqlTimes.instant(r[0]),
                new WeeklyTrend(
                        perfumeId,
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue()),
                ((Number) r[3]).doubleValue(),
                ((Number) r[6]).doubleValue());
    }
}
