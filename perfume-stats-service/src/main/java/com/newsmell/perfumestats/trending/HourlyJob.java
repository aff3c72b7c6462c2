package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The {@code hourly} job (seed: trending "every hour"; latest period only), split into shards by perfume that any
 * replica runs: each shard refreshes viewsLast7Days, viewsLast30Days and trendingScore of its perfumes from the
 * buckets ({@link TrendingRepository}: one SQL statement; only rows whose values change are written); once every
 * shard is done, the hourly buckets older than the retention are dropped. Figures are as of the run's clock truncated to the hour.
 */
@ApplicationScoped
public class HourlyJob implements ScheduledJob {

    public static final String NAME = "hourly";
    private static final Logger LOG = Logger.getLogger(HourlyJob.class);

    private final TrendingRepository trending;
    private final PerfumeStatsConfig config;

    public HourlyJob(TrendingRepository trending, PerfumeStatsConfig config) {
        this.trending = trending;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                        NAME,
                        config.jobs().hourlyCron(),
                        CatchUp.LATEST_ONLY,
                        "Refreshes viewsLast7Days, viewsLast30Days and trendingScore of every perfume as of the hour,"
                                + " shard by shard, then drops expired hourly buckets; rows = perfumes changed.")
                .sharded(config.jobs().hourlyShards());
    }

    /** Refreshes the perfumes of the context's shard. */
    @Override
    @WithTransaction
    public Uni<JobOutcome> run(JobContext context) {
        Windows w = Windows.of(context.clock(), config.trending().lookbackHours());
        return trending.refresh(w, config.trending(), context.shard(), context.shardCount())
                .map(changed -> new JobOutcome(changed, w.now(), Map.of()));
    }

    /** Once every shard is done: drops the expired hourly buckets. */
    @Override
    @WithTransaction
    public Uni<JobOutcome> completeShards(JobContext context, long rowsProcessed) {
        Windows w = Windows.of(context.clock(), config.trending().lookbackHours());
        return trending.dropHourlyBucketsBefore(
                        w.hourlyBucketCutoff(config.jobs().hourlyRetentionDays()))
                .map(dropped -> {
                    LOG.infof(
                            "hourly job as of %s: %d perfume rows changed, %d buckets dropped",
                            w.now(), rowsProcessed, dropped);
                    return new JobOutcome(rowsProcessed, w.now(), Map.of("hourlyBucketsDropped", dropped));
                });
    }
}
