package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.config.RecommendationConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The {@code daily-metrics} job (seed: recommendationMetrics "daily at 4am"; ADR 0011, 0023): the daily rollup per
 * UTC day of the impression, algorithm, source and position. Each run computes again every day the consumer marked
 * (an event that can change it arrived), every provisional day whose attribution window has passed (it becomes final)
 * and the day before the clock, one transaction per day. A day stays provisional until its window has passed; a late
 * event re-opens it (marks it) and the next run corrects it, counting a new revision when its cells changed.
 */
@ApplicationScoped
public class DailyMetricsJob implements ScheduledJob {

    public static final String NAME = "daily-metrics";
    private static final Logger LOG = Logger.getLogger(DailyMetricsJob.class);

    private final DailyRollupService rollup;
    private final RecommendationConfig config;

    public DailyMetricsJob(DailyRollupService rollup, RecommendationConfig config) {
        this.rollup = rollup;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.jobs().dailyMetricsCron(),
                CatchUp.EVERY_PERIOD,
                "The daily recommendation rollup per UTC day, algorithm, source and position: every day marked by a"
                        + " late or new event, every provisional day whose attribution window has passed, and the day"
                        + " before the clock; rows = days computed.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return rollup.daysToCompute(context.clock()).chain(days -> {
            Uni<Long> provisional = Uni.createFrom().item(0L);
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = days.get(i);
                long done = i + 1;
                provisional = provisional.chain(n -> rollup.compute(day, context.clock())
                        .call(() -> context.progress(done, days.size()))
                        .map(p -> p ? n + 1 : n));
            }
            return provisional.map(p -> {
                LOG.infof("daily recommendation metrics: %d days computed, %d provisional", days.size(), p);
                return new JobOutcome(
                        days.size(),
                        context.clock(),
                        Map.of("days", days.stream().map(LocalDate::toString).toList(), "provisional", p));
            });
        });
    }
}
