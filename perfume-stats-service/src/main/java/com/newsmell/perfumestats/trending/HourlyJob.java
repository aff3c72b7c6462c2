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
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The {@code hourly} job (seed: trending "every hour"; latest period only), split into shards by perfume that any
 * replica runs: each shard refreshes viewsLast7Days, viewsLast30Days and trendingScore of its perfumes as of the
 * hour, chunk by chunk, each chunk in a transaction of its own that locks the chunk's rows first
 * ({@link TrendingService}); once every shard is done, the hourly buckets older than the retention are dropped.
 * Figures are as of the run's clock truncated to the hour, recorded per row ({@code windows_as_of}).
 */
@ApplicationScoped
public class HourlyJob implements ScheduledJob {

    public static final String NAME = "hourly";
    private static final Logger LOG = Logger.getLogger(HourlyJob.class);

    private final TrendingRepository trending;
    private final TrendingService refresh;
    private final PerfumeStatsConfig config;

    public HourlyJob(TrendingRepository trending, TrendingService refresh, PerfumeStatsConfig config) {
        this.trending = trending;
        this.refresh = refresh;
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

    /** Refreshes the perfumes of the context's shard, a chunk at a time, reporting progress after each chunk. */
    @Override
    public Uni<JobOutcome> run(JobContext context) {
        Windows w = Windows.of(context.clock(), config.trending().lookbackHours());
        return trending.shardPerfumeIds(context.shard(), context.shardCount())
                .chain(ids -> inChunks(w, ids, context))
                .map(changed -> new JobOutcome(changed, w.now(), Map.of()));
    }

    private Uni<Long> inChunks(Windows w, List<String> ids, JobContext context) {
        int size = Math.max(1, config.jobs().hourlyChunkSize());
        Uni<Long> changed = Uni.createFrom().item(0L);
        for (int from = 0; from < ids.size(); from += size) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + size));
            long done = from + chunk.size();
            changed = changed.chain(total -> refresh.refresh(w, chunk)
                    .call(() -> context.progress(done, ids.size()))
                    .map(n -> total + n));
        }
        return changed;
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
