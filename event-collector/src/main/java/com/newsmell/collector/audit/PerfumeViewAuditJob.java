package com.newsmell.collector.audit;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.contract.PerfumeViewAudit;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The {@code perfume-view-audit} job (issue #21: "a daily check (on the job runner) compares a sample of perfumes
 * with the raw store"): counts, in the raw store, the non-bot PERFUME_VIEWs of a sample of perfumes over the 7 and
 * 30 days before asOf (the run's hour) and publishes one {@link PerfumeViewAudit} per perfume, which
 * perfume-stats-service compares with its viewsLast7Days and viewsLast30Days.
 */
@ApplicationScoped
public class PerfumeViewAuditJob implements ScheduledJob {

    public static final String NAME = "perfume-view-audit";

    private final PerfumeViewAuditRepository repository;
    private final PerfumeViewAuditPublisher publisher;
    private final CollectorConfig.PerfumeViewAudit config;

    public PerfumeViewAuditJob(
            PerfumeViewAuditRepository repository, PerfumeViewAuditPublisher publisher, CollectorConfig config) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config.perfumeViewAudit();
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.cron(),
                CatchUp.LATEST_ONLY,
                "Counts in the raw store the non-bot PERFUME_VIEWs in [asOf - 7 d, asOf) and [asOf - 30 d, asOf) of the "
                        + config.mostViewed() + " most viewed perfumes and " + config.random()
                        + " others at random, asOf = the run's hour, and publishes one record per perfume to the"
                        + " perfume-view-audit topic; rows = perfumes published.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        AuditWindows windows = AuditWindows.at(context.clock(), config.randomPool());
        Instant auditedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return repository
                .sample(windows, config.mostViewed(), config.random())
                .chain(sample -> publisher
                        .publish(sample.stream()
                                .map(count -> count.audit(windows.asOf(), auditedAt))
                                .toList())
                        .replaceWith(outcome(sample, windows)));
    }

    private static JobOutcome outcome(List<PerfumeViewCount> sample, AuditWindows windows) {
        long mostViewed = sample.stream().filter(PerfumeViewCount::mostViewed).count();
        return new JobOutcome(
                sample.size(), windows.asOf(), Map.of("mostViewed", mostViewed, "random", sample.size() - mostViewed));
    }
}
