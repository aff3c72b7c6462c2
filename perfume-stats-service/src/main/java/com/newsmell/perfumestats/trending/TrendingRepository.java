package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The hourly job's statements: the windows and trending score of a shard's perfumes, computed from the hourly and
 * daily buckets and written to {@code perfume_interaction_stats} (the job-owned columns), and the hourly buckets'
 * retention.
 */
@ApplicationScoped
public class TrendingRepository {

    private static final String REFRESH = """
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
              where h.bucket >= p.s30 and h.bucket < p.now_ and %3$s
                and (h.bucket < p.d30 or (h.bucket >= p.s7 and h.bucket < p.d7) or h.bucket >= p.today
                     or h.bucket >= p.recent_from)
              union all
              select b.perfume_id, b.views, %1$s, case when b.bucket >= p.d7 then 1 else 0 end, 1, 0
              from perfume_daily_bucket b cross join p
              where b.bucket >= p.d30 and b.bucket < p.today and %4$s),
            agg as (
              select perfume_id, sum(views * in7) as v7, sum(views * in30) as v30,
                     sum(w * in30) as base, sum(decayed) as recent
              from parts group by perfume_id),
            fresh as (
              select s.perfume_id, coalesce(a.v7, 0) as v7, coalesce(a.v30, 0) as v30,
                     case when coalesce(a.recent, 0) <= 0 then 0
                          else a.recent / (a.base / %2$d.0 * cast(:d as float8) + cast(:prior as float8)) end as score
              from perfume_interaction_stats s left join agg a on a.perfume_id = s.perfume_id
              where %5$s)
            update perfume_interaction_stats s
            set views_last_7_days = f.v7, views_last_30_days = f.v30, trending_score = f.score
            from fresh f
            where s.perfume_id = f.perfume_id
              and (s.views_last_7_days <> f.v7 or s.views_last_30_days <> f.v30 or s.trending_score <> f.score)
            """;

    /**
     * Refreshes viewsLast7Days, viewsLast30Days and trendingScore ({@link TrendingFormula}) of the shard's perfumes
     * as of the windows' hour, in one statement; only rows whose values change are written.
     *
     * @return how many rows changed
     */
    @WithSession
    public Uni<Long> refresh(Windows w, PerfumeStatsConfig.Trending trending, int shard, int shards) {
        String sql = REFRESH.formatted(
                weight(trending.weights()),
                Windows.BASELINE_HOURS,
                inShard("h.perfume_id"),
                inShard("b.perfume_id"),
                inShard("s.perfume_id"));
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter("now", w.now().atOffset(ZoneOffset.UTC))
                        .setParameter("s7", w.start7().atOffset(ZoneOffset.UTC))
                        .setParameter("d7", w.day7().atOffset(ZoneOffset.UTC))
                        .setParameter("s30", w.start30().atOffset(ZoneOffset.UTC))
                        .setParameter("d30", w.day30().atOffset(ZoneOffset.UTC))
                        .setParameter("today", w.today().atOffset(ZoneOffset.UTC))
                        .setParameter("recentFrom", w.recentFrom().atOffset(ZoneOffset.UTC))
                        .setParameter("halfLife", trending.halfLifeHours())
                        .setParameter(
                                "d", TrendingFormula.flatRateDecaySum(w.lookbackHours(), trending.halfLifeHours()))
                        .setParameter("prior", trending.prior())
                        .setParameter("shard", shard)
                        .setParameter("shards", shards)
                        .executeUpdate())
                .map(Integer::longValue);
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

    /** w over a bucket row (columns of the bucket tables), with the configured weights. */
    private static String weight(PerfumeStatsConfig.Trending.Weights w) {
        return "(" + w.view() + " * views + " + w.rating() + " * ratings + " + w.wishlist() + " * wishlist_adds + "
                + w.collection() + " * collection_adds + " + w.tradeInquiry() + " * trade_inquiries)";
    }

    /** The shard of a perfume: a stable hash of its id, modulo the shard count. */
    private static String inShard(String perfumeIdColumn) {
        return "mod(hashtext(" + perfumeIdColumn + ") & 2147483647, :shards) = :shard";
    }
}
