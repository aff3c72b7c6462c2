package com.newsmell.toolkit.graphql;

import com.newsmell.toolkit.jobs.JobRun;
import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.graphql.api.federation.Shareable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * One scheduled job and its last run, as every subgraph shows it to dashboards: the same type in the five subgraphs
 * (shareable), read from the job runner's ledger ({@link JobsService#list}, what GET /v1/jobs answers).
 */
@Shareable
@Description("A scheduled job of a service and its most recent run (the job runner's ledger, GET /v1/jobs).")
public record JobStatus(
        @NonNull @Description("The service that runs the job.")
        String service,

        @NonNull @Description("The job's name.") String job,
        @Description("The job's cron expression.") String cron,
        @Description("The next time the schedule fires.") Instant nextScheduledAt,

        @Description("running, completing, succeeded or failed; absent before the first run.")
        String lastStatus,

        @Description("When the last run started.") Instant lastStartedAt,
        @Description("When the last run finished.") Instant lastFinishedAt,
        @Description("The last run's duration in ms.") Long lastDurationMs,
        @Description("Rows the last run processed.") Long lastRowsProcessed,

        @Description("The last run's error, when it failed.")
        String lastError) {

    /** Each job of the list with its most recent run. */
    public static List<JobStatus> of(String service, JobsService.JobList list) {
        return list.jobs().stream().map(job -> of(service, job)).toList();
    }

    static JobStatus of(String service, JobsService.JobView job) {
        JobRun last = job.recentRuns().isEmpty() ? null : job.recentRuns().get(0);
        return new JobStatus(
                service,
                job.name(),
                job.cron(),
                job.nextScheduledAt(),
                last == null ? null : last.status(),
                last == null ? null : last.startedAt(),
                last == null ? null : last.finishedAt(),
                last == null ? null : last.durationMs(),
                last == null ? null : last.rowsProcessed(),
                last == null ? null : last.error());
    }
}
