package com.newsmell.perfumestats.weekly;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.toolkit.api.JsonConvention;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The {@code weekly-trends} job (seed: trendAnalysis "Sunday at midnight"; every missed week is caught up): the
 * week-over-week growth of every perfume's views and wishlist adds ({@link Growth}) for the last whole week before
 * the run's clock ({@link TrendWeek}), stored per perfume and week in {@code perfume_weekly_trend}, chunk by chunk.
 * Each run also analyses the week before again, so the events of a week that arrive up to 7 days late (the
 * collector's limit) are in its row once the next week's run is done. Re-running a week recomputes it from the daily
 * buckets and changes only the rows whose figures changed, so the same week gives the same rows.
 */
@ApplicationScoped
public class WeeklyTrendJob implements ScheduledJob {

    public static final String NAME = "weekly-trends";
    private static final Logger LOG = Logger.getLogger(WeeklyTrendJob.class);

    private final WeeklyTrendRepository trends;
    private final WeeklyTrendService analysis;
    private final PerfumeStatsConfig config;

    public WeeklyTrendJob(WeeklyTrendRepository trends, WeeklyTrendService analysis, PerfumeStatsConfig config) {
        this.trends = trends;
        this.analysis = analysis;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.jobs().weeklyTrendsCron(),
                CatchUp.EVERY_PERIOD,
                "Week-over-week growth of every perfume's views and wishlist adds for the last whole week (Sunday to"
                        + " Saturday, UTC) before the clock, and again for the week before it (late events); rows ="
                        + " perfume weeks inserted or changed, asOf = the week's end.");
    }

    /**
     * Analyses the week before the clock, and again the week before it, for every perfume, a chunk at a time,
     * reporting progress per chunk.
     */
    @Override
    public Uni<JobOutcome> run(JobContext context) {
        TrendWeek week = TrendWeek.endingAtOrBefore(context.clock());
        List<TrendWeek> weeks = List.of(week.previous(), week);
        return trends.perfumeIds()
                .chain(ids -> inChunks(weeks, ids, context).map(changed -> {
                    LOG.infof(
                            "weekly trends of the weeks from %s and %s: %d perfumes, %d perfume weeks changed",
                            week.previousStart(), week.start(), ids.size(), changed);
                    return new JobOutcome(
                            changed,
                            week.end(),
                            Map.of(
                                    "weekStart", JsonConvention.format(week.start()),
                                    "revisitedWeekStart", JsonConvention.format(week.previousStart()),
                                    "perfumes", ids.size()));
                }));
    }

    private Uni<Long> inChunks(List<TrendWeek> weeks, List<String> ids, JobContext context) {
        int size = Math.max(1, config.jobs().weeklyTrendsChunkSize());
        Uni<Long> changed = Uni.createFrom().item(0L);
        for (int from = 0; from < ids.size(); from += size) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + size));
            long done = from + chunk.size();
            changed = changed.chain(total -> analysis.analyse(weeks, chunk)
                    .call(() -> context.progress(done, ids.size()))
                    .map(n -> total + n));
        }
        return changed;
    }
}
