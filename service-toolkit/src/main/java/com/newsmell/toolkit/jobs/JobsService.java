package com.newsmell.toolkit.jobs;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@link JobsResource} shows and does, over the {@link JobRunner} and the run ledger. */
@ApplicationScoped
public class JobsService {

    private final JobRunner runner;
    private final JobRunService runs;
    private final JobsConfig config;

    public JobsService(JobRunner runner, JobRunService runs, JobsConfig config) {
        this.runner = runner;
        this.runs = runs;
        this.config = config;
    }

    /** One job: its schedule and its recent runs, newest first. */
    public record JobView(
            String name,
            String description,
            String cron,
            String catchUp,
            int shards,
            Instant nextScheduledAt,
            List<JobRun> recentRuns) {}

    public record JobList(String timeZone, boolean schedulerEnabled, String runner, List<JobView> jobs) {}

    public Uni<JobList> list(int recentRuns, Instant now) {
        List<JobView> views = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JobDefinition job : runner.definitions()) {
            chain = chain.chain(() ->
                            runs.recent(job.name(), recentRuns).invoke(recent -> views.add(view(job, now, recent))))
                    .replaceWithVoid();
        }
        return chain.map(
                v -> new JobList(config.timeZone().getId(), config.enabled(), runner.runnerId(), List.copyOf(views)));
    }

    private JobView view(JobDefinition job, Instant now, List<JobRun> recent) {
        var schedule = runner.schedule(job.name());
        return new JobView(
                job.name(),
                job.description(),
                schedule.map(CronSchedule::expression).orElse(CronSchedule.OFF),
                job.catchUp().name().toLowerCase().replace('_', '-'),
                job.shards(),
                schedule.flatMap(s -> s.nextAfter(now)).orElse(null),
                recent);
    }

    public Uni<JobRun> runNow(String name, Instant clock) {
        runner.definition(name)
                .orElseThrow(() -> new ProblemException(Problem.of(
                        404, "job-not-found", "Job not found", "No job " + name + "; GET /v1/jobs lists them.")));
        return runner.runNow(name, clock);
    }
}
