package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.sql.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The windows and the trending score of perfumes, computed from the hourly and daily buckets: written by the
 * hourly job to {@code perfume_interaction_stats} (the job-owned columns, under the rows' locks), and read by the
 * daily audit; and the hourly buckets' retention.
 */
@ApplicationScoped
public class TrendingRepository {

    /**
     * Per perfume of {@code :ids}: v7 and v30, the views of the 7- and 30-day windows ending at {@code now_}
     * (hourly buckets for the partial days at both ends, daily buckets for the whole days between), base (the
     * weighted events of the 30-day window) and recent (the decayed weighted events of the lookback).
     */
    private static final String WINDOWS = """
            with p as (
              select cast(:now as timestamptz) as now_, cast(:s7 as timestamptz) as s7,
                     cast(:d7 as timestamptz) as d7, cast(:s30 as timestamptz) as s30,
                     cast(:d30 as timestamptz) as d30, cast(:today as timestamptz) as today,
                     cast(:recentFrom as timestamptz) as recent_from,
                     cast(:halfLife as float8) as half_life),
            parts as (
              select h.perfume_id, h.views, %1$s as w,
                     case when (h.bucket >= p.s7 and h.bucket < p.d7) or h.bucket >= p.today then 1 else 0 end as in7,
                     case when h.bucket < p.d30 or h.bucket >= p.today then 1 else 0 end as in30,
                     case when h.bucket >= p.recent_from
                          then %1$s * power(0.5, (extract(epoch from (p.now_ - h.bucket)) - 1800) / 3600.0 / p.half_life)
                          else 0 end as decayed
              from perfume_hourly_bucket h cross join p
              where h.perfume_id in (:ids) and h.bucket >= p.s30 and h.bucket < p.now_
                and (h.bucket < p.d30 or (h.bucket >= p.s7 and h.bucket < p.d7) or h.bucket >= p.today
                     or h.bucket >= p.recent_from)
              union all
              select b.perfume_id, b.views, %1$s, case when b.bucket >= p.d7 then 1 else 0 end, 1, 0
              from perfume_daily_bucket b cross join p
              where b.perfume_id in (:ids) and b.bucket >= p.d30 and b.bucket < p.today),
            agg as (
              select perfume_id, sum(views * in7) as v7, sum(views * in30) as v30,
                     sum(w * in30) as base, sum(decayed) as recent
              from parts group by perfume_id)
            """;

    /** Writes the windows, the score and their as-of to every row of {@code :ids} that they change. */
    private static final String REFRESH = WINDOWS + """
            , fresh as (
              select s.perfume_id, coalesce(a.v7, 0) as v7, coalesce(a.v30, 0) as v30,
                     case when coalesce(a.recent, 0) <= 0 then 0
                          else a.recent / (a.base / %2$d.0 * cast(:d as float8) + cast(:prior as float8)) end as score
              from perfume_interaction_stats s left join agg a on a.perfume_id = s.perfume_id
              where s.perfume_id in (:ids))
            update perfume_interaction_stats s
            set views_last_7_days = f.v7, views_last_30_days = f.v30, trending_score = f.score,
                windows_as_of = cast(:now as timestamptz)
            from fresh f
            where s.perfume_id = f.perfume_id
              and (s.views_last_7_days <> f.v7 or s.views_last_30_days <> f.v30 or s.trending_score <> f.score
                   or s.windows_as_of is distinct from cast(:now as timestamptz))
            """;

    /** One perfume's windows from the buckets, next to the stored ones (one statement: one snapshot). */
    private static final String FIGURES = WINDOWS + """
            select cast(coalesce(a.v7, 0) as bigint), cast(coalesce(a.v30, 0) as bigint), s.windows_as_of,
                   s.views_last_7_days, s.views_last_30_days
            from (select cast(:perfume as text) as perfume_id) k
            left join agg a on a.perfume_id = k.perfume_id
            left join perfume_interaction_stats s on s.perfume_id = k.perfume_id
            """;

    /**
     * One perfume's views in the 7- and 30-day windows ending at an hour, computed from the buckets, and the
     * stored (served) windows with their as-of (null without a stats row or before the hourly job computed it).
     */
    public record WindowFigures(
            long views7d, long views30d, Instant storedAsOf, Integer storedViews7d, Integer storedViews30d) {}

    /** The perfumes of a shard (a stable hash of the perfumeId, modulo the shard count), in perfumeId order. */
    @WithSession
    public Uni<List<String>> shardPerfumeIds(int shard, int shards) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select perfume_id from perfume_interaction_stats where "
                                        + "mod(hashtext(perfume_id) & 2147483647, :shards) = :shard"
                                        + " order by perfume_id",
                                String.class)
                        .setParameter("shard", shard)
                        .setParameter("shards", shards)
                        .getResultList());
    }

    /**
     * Locks the perfumes' rows in perfumeId order (the consumer's order: no deadlock), then refreshes their
     * viewsLast7Days, viewsLast30Days and trendingScore ({@link TrendingFormula}) as of the windows' hour from the
     * buckets. Under the locks, the buckets the statement reads hold every batch committed for these perfumes, and
     * a batch that commits later sees the new as-of and adds its late views itself: the windows are exact.
     *
     * @return how many rows changed
     */
    @WithSession
    public Uni<Long> lockAndRefresh(Windows w, PerfumeStatsConfig.Trending trending, List<String> sortedIds) {
        String sql = REFRESH.formatted(weight(trending.weights()), Windows.BASELINE_HOURS);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select perfume_id from perfume_interaction_stats where perfume_id in (:ids)"
                                        + " order by perfume_id for update",
                                String.class)
                        .setParameter("ids", sortedIds)
                        .getResultList()
                        .chain(() -> bind(session.createNativeQuery(sql), w, trending, sortedIds)
                                .setParameter(
                                        "d",
                                        TrendingFormula.flatRateDecaySum(w.lookbackHours(), trending.halfLifeHours()))
                                .setParameter("prior", trending.prior())
                                .executeUpdate())
                        .map(Integer::longValue));
    }

    /** One perfume's windows ending at {@code w.now()}, from the buckets and as stored. */
    @WithSession
    public Uni<WindowFigures> windowFigures(Windows w, PerfumeStatsConfig.Trending trending, String perfumeId) {
        String sql = FIGURES.formatted(weight(trending.weights()));
        return Panache.getSession()
                .chain(session -> bind(session.createNativeQuery(sql, Object[].class), w, trending, List.of(perfumeId))
                        .setParameter("perfume", perfumeId)
                        .getSingleResult())
                .map(r -> new WindowFigures(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        SqlTimes.instant(r[2]),
                        (Integer) r[3],
                        (Integer) r[4]));
    }

    /** Drops the hourly buckets that start before the cutoff; returns how many. */
    @WithSession
    public Uni<Integer> dropHourlyBucketsBefore(Instant cutoff) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "delete from perfume_hourly_bucket where bucket < cast(:cutoff as timestamptz)")
                        .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                        .executeUpdate());
    }

    /** The parameters of {@link #WINDOWS}. */
    private static <Q extends Mutiny.AbstractQuery> Q bind(
            Q query, Windows w, PerfumeStatsConfig.Trending trending, List<String> ids) {
        query.setParameter("now", w.now().atOffset(ZoneOffset.UTC));
        query.setParameter("s7", w.start7().atOffset(ZoneOffset.UTC));
        query.setParameter("d7", w.day7().atOffset(ZoneOffset.UTC));
        query.setParameter("s30", w.start30().atOffset(ZoneOffset.UTC));
        query.setParameter("d30", w.day30().atOffset(ZoneOffset.UTC));
        query.setParameter("today", w.today().atOffset(ZoneOffset.UTC));
        query.setParameter("recentFrom", w.recentFrom().atOffset(ZoneOffset.UTC));
        query.setParameter("halfLife", trending.halfLifeHours());
        query.setParameter("ids", ids);
        return query;
    }

    /** w over a bucket row (columns of the bucket tables), with the configured weights. */
    private static String weight(PerfumeStatsConfig.Trending.Weights w) {
        return "(" + w.view() + " * views + " + w.rating() + " * ratings + " + w.wishlist() + " * wishlist_adds + "
                + w.collection() + " * collection_adds + " + w.tradeInquiry() + " * trade_inquiries)";
    }
}
