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
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The {@code weekly-report} job (Sunday 02:00, every missed week caught up): each algorithm's figures for the last
 * whole week (Sunday to Sunday, UTC) before the clock, week over week ({@link WeeklyReport}). Re-running a week
 * replaces its report.
 */
@ApplicationScoped
public class WeeklyReportJob implements ScheduledJob {

    public static final String NAME = "weekly-report";

    private final WeeklyReportService reports;
    private final RecommendationConfig config;

    public WeeklyReportJob(WeeklyReportService reports, RecommendationConfig config) {
        this.reports = reports;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.jobs().weeklyReportCron(),
                CatchUp.EVERY_PERIOD,
                "The weekly recommendation performance report: every algorithm's figures for the last whole week"
                        + " (Sunday to Sunday, UTC) before the clock and the week before; rows = algorithms.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        LocalDate week = WeeklyReport.weekStart(context.clock());
        return reports.compute(week)
                .map(list -> new JobOutcome(
                        list.size(),
                        week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        Map.of("weekStart", week.toString(), "algorithms", list.size())));
    }
}
