package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.jobs.JobReport;
import com.newsmell.perfumestats.jobs.JobRuns;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * The hourly job: refreshes viewsLast7Days, viewsLast30Days and trendingScore of every perfume from the buckets
 * (one SQL statement; only rows whose values change are written), then drops the hourly buckets older than the
 * retention. Takes an explicit "now" (truncated to the hour), so tests and the admin endpoint run it
 * deterministically.
 */
@ApplicationScoped
public class HourlyJob {

    private static final Logger LOG = Logger.getLogger(HourlyJob.class);

    private final PerfumeStatsConfig config;

    public HourlyJob(PerfumeStatsConfig config) {
        this.config = config;
    }

    @WithTransaction
    public Uni<JobReport> run(Instant requestedNow) {
        long started = System.nanoTime();
        PerfumeStatsConfig.Trending trending = config.trending();
        Windows w = Windows.of(requestedNow, trending.lookbackHours());
        int lookback = (int) Duration.between(w.recentFrom(), w.now()).toHours();
        double d = TrendingFormula.flatRateDecaySum(lookback, trending.halfLifeHours());
        return Panache.getSession()
                .chain(session -> refresh(session, w, d)
                        .chain(changed -> dropOldBuckets(session, w.now()).replaceWith(changed))
                        .chain(changed -> {
                            JobReport report = new JobReport(
                                    JobRuns.HOURLY,
                                    w.now(),
                                    (System.nanoTime() - started) / 1_000_000,
                                    changed,
                                    Map.of());
                            LOG.infof(
                                    "hourly job as of %s: %d perfume rows changed in %d ms",
                                    w.now(), changed, report.durationMs());
                            return JobRuns.record(session, report).replaceWith(report);
                        }));
    }

    private Uni<Long> refresh(Mutiny.Session session, Windows w, double d) {
        String weight = TrendingFormula.weightSql(config.trending().weights());
        String sql = """
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
                  where h.bucket >= p.s30 and h.bucket < p.now_
                    and (h.bucket < p.d30 or (h.bucket >= p.s7 and h.bucket < p.d7) or h.bucket >= p.today
                         or h.bucket >= p.recent_from)
                  union all
                  select b.perfume_id, b.views, %1$s, case when b.bucket >= p.d7 then 1 else 0 end, 1, 0
                  from perfume_daily_bucket b cross join p
                  where b.bucket >= p.d30 and b.bucket < p.today),
                agg as (
                  select perfume_id, sum(views * in7) as v7, sum(views * in30) as v30,
                         sum(w * in30) as base, sum(decayed) as recent
                  from parts group by perfume_id),
                fresh as (
                  select s.perfume_id, coalesce(a.v7, 0) as v7, coalesce(a.v30, 0) as v30,
                         case when coalesce(a.recent, 0) <= 0 then 0
                              else a.recent / (a.base / %2$d.0 * cast(:d as float8) + cast(:prior as float8)) end as score
                  from perfume_interaction_stats s left join agg a on a.perfume_id = s.perfume_id)
                update perfume_interaction_stats s
                set views_last_7_days = f.v7, views_last_30_days = f.v30, trending_score = f.score
                from fresh f
                where s.perfume_id = f.perfume_id
                  and (s.views_last_7_days <> f.v7 or s.views_last_30_days <> f.v30 or s.trending_score <> f.score)
                """.formatted(weight, Windows.BASELINE_HOURS);
        return session.createNativeQuery(sql)
                .setParameter("now", w.now().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("s7", w.start7().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("d7", w.day7().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("s30", w.start30().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("d30", w.day30().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("today", w.today().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("recentFrom", w.recentFrom().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("halfLife", config.trending().halfLifeHours())
                .setParameter("d", d)
                .setParameter("prior", config.trending().prior())
                .executeUpdate()
                .map(Integer::longValue);
    }

    private Uni<Integer> dropOldBuckets(Mutiny.Session session, Instant now) {
        // the 30-day window reads hourly buckets back to now - 30 d: never drop those
        Instant cutoff = now.minus(Duration.ofDays(Math.max(32, config.jobs().hourlyRetentionDays())));
        return session.createNativeQuery(
                        "delete from perfume_hourly_bucket where bucket < cast(:cutoff as timestamptz)")
                .setParameter("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
    }
}
