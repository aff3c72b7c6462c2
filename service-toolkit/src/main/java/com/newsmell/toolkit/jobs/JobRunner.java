package com.newsmell.toolkit.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The one job runner of every service (ADR 0011). Every tick it claims the due periods of each
 * {@link ScheduledJob} in the service's own {@code job_run} table, so that a period runs once across all replicas;
 * records each run (start, end, rows, outcome, error, progress); retries failed runs on the next ticks; catches up
 * missed periods by the job's {@link CatchUp} rule; lets every replica work on the shards of a sharded run; and
 * prunes old rows.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final Duration SHARD_WAIT = Duration.ofMillis(250);
    /** How many of a job's latest runs are searched for its latest success. */
    private static final int LAST_SUCCESS_SEARCH = 20;
    /** How often the latest successes are read from job_run. */
    private static final String LAST_SUCCESS_REFRESH = "30s";

    private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
    private final Map<String, JobDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Optional<CronSchedule>> schedules = new LinkedHashMap<>();
    private final JobRunService runs;
    private final JobsConfig config;
    private final Scheduler scheduler;
    private final JobMetrics metrics;
    private final String runnerId;
    private final Set<Long> executing = ConcurrentHashMap.newKeySet();
    /** When this replica opened each sharded run it started (System.nanoTime), for the run's duration. */
    private final Map<Long, Long> shardedStarts = new ConcurrentHashMap<>();

    public JobRunner(
            Instance<ScheduledJob> jobs,
            JobRunService runs,
            JobsConfig config,
            Scheduler scheduler,
            MeterRegistry metrics) {
        this.metrics = new JobMetrics(metrics);
        this.runs = runs;
        this.config = config;
        this.scheduler = scheduler;
        this.runnerId = ManagementFactory.getRuntimeMXBean().getName();
        jobs.stream()
                .sorted(Comparator.comparing(job -> job.definition().name()))
                .forEach(job -> {
                    JobDefinition definition = job.definition();
                    if (this.jobs.putIfAbsent(definition.name(), job) != null) {
                        throw new IllegalStateException("two scheduled jobs are named " + definition.name());
                    }
                    definitions.put(definition.name(), definition);
                    this.metrics.register(definition.name());
                    try {
                        Optional<CronSchedule> schedule = CronSchedule.of(definition.cron(), config.timeZone());
                        schedules.put(definition.name(), schedule);
                        schedule.flatMap(JobRunner::period)
                                .ifPresent(period -> this.metrics.period(definition.name(), period));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(
                                "job " + definition.name() + ": invalid cron '" + definition.cron() + "': "
                                        + e.getMessage(),
                                e);
                    }
                });
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || jobs.isEmpty()) {
            LOG.infof("job runner off (%d jobs, newsmell.jobs.enabled=%s)", jobs.size(), config.enabled());
            return;
        }
        scheduler
                .newJob("newsmell-job-runner")
                .setInterval(config.tick().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> tickNow())
                .schedule();
        scheduler
                .newJob("newsmell-job-heartbeat")
                .setInterval(config.tick().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> heartbeatNow())
                .schedule();
        scheduler
                .newJob("newsmell-job-last-success")
                .setInterval(LAST_SUCCESS_REFRESH)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> lastSuccessesNow())
                .schedule();
        LOG.infof("job runner %s: %s every %s", runnerId, jobs.keySet(), config.tick());
    }

    private void tickNow() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> tick(Instant.now()));
        } catch (Throwable t) {
            LOG.warn("job runner tick failed", t);
        }
    }

    private void lastSuccessesNow() {
        try {
            VertxContextSupport.subscribeAndAwait(this::readLastSuccesses);
        } catch (Throwable t) {
            LOG.debugf("job runner: last successes not read: %s", t);
        }
    }

    private void heartbeatNow() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> runs.heartbeat(List.copyOf(executing), runnerId));
        } catch (Throwable t) {
            LOG.warn("job runner heartbeat failed", t);
        }
    }

    /** This replica's name in {@code job_run.runner}. */
    public String runnerId() {
        return runnerId;
    }

    public List<JobDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<JobDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    public Optional<CronSchedule> schedule(String name) {
        return schedules.getOrDefault(name, Optional.empty());
    }

    /** The time between the schedule's next two periods (e.g. a day for a daily job). */
    private static Optional<Duration> period(CronSchedule schedule) {
        return schedule.nextAfter(Instant.now())
                .flatMap(next -> schedule.nextAfter(next).map(after -> Duration.between(next, after)));
    }

    /** One tick at {@code now}: every job's due periods, then any open shards, then pruning. */
    public Uni<Void> tick(Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ScheduledJob job : jobs.values()) {
            JobDefinition definition = job.definition();
            Optional<CronSchedule> schedule = schedule(definition.name());
            if (schedule.isPresent()) {
                chain = chain.chain(() -> runDue(job, definition, schedule.get(), now)
                        .onFailure()
                        .recoverWithItem(f -> {
                            LOG.warnf(f, "job %s: could not run its due periods", definition.name());
                            return null;
                        }));
            }
        }
        return chain.chain(this::helpWithShards)
                .chain(() -> runs.prune(now.minus(config.retention())))
                .replaceWithVoid();
    }

    /**
     * Moves each job's {@code newsmell_job_last_success_timestamp_seconds} to its latest success in the job_run
     * table, whichever replica ran it (a restarted replica knows it too); every 30 seconds, beside the ticks (it
     * never delays a claim).
     */
    private Uni<Void> readLastSuccesses() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String name : jobs.keySet()) {
            chain = chain.chain(() -> runs.recent(name, LAST_SUCCESS_SEARCH)
                            .invoke(recent -> recent.stream()
                                    .filter(run -> JobRun.SUCCEEDED.equals(run.status()) && run.finishedAt() != null)
                                    .map(JobRun::finishedAt)
                                    .max(Comparator.naturalOrder())
                                    .ifPresent(at -> metrics.succeededAt(name, at))))
                    .replaceWithVoid();
        }
        return chain.onFailure().recoverWithItem(f -> {
            LOG.debugf("job runner: last successes not read: %s", f);
            return null;
        });
    }

    /** Runs the job's due periods that this replica can claim, oldest first. */
    Uni<Void> runDue(ScheduledJob job, JobDefinition definition, CronSchedule schedule, Instant now) {
        return runs.knownPeriods(definition.name(), config).chain(known -> {
            TreeSet<Instant> due = new TreeSet<>(known.retry());
            due.addAll(schedule.duePeriods(now, known.latest(), definition.catchUp(), config.maxCatchUp()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Instant period : due) {
                Instant clock = definition.catchUp() == CatchUp.EVERY_PERIOD ? period : now;
                chain = chain.chain(() -> runs.claimScheduled(
                                definition.name(), period, clock, definition.shards(), runnerId, config)
                        .chain(claimed -> claimed.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : execute(job, context(job, claimed.get(), period, clock, JobRun.SCHEDULE))
                                        .replaceWithVoid()));
            }
            return chain;
        });
    }

    /** Runs the job now, whatever its schedule, and answers when the run has ended (every shard of it). */
    public Uni<JobRun> runNow(String name, Instant clock) {
        ScheduledJob job = jobs.get(name);
        JobDefinition definition = job.definition();
        return runs.startManual(definition.name(), clock, definition.shards(), runnerId)
                .chain(id -> execute(job, context(job, id, clock, clock, JobRun.MANUAL)))
                .chain(this::awaitEnd);
    }

    private JobContext context(ScheduledJob job, long runId, Instant period, Instant clock, String trigger) {
        JobDefinition definition = job.definition();
        return new JobContext(definition.name(), runId, period, clock, trigger, 0, definition.shards(), runs::progress);
    }

    /** Runs a claimed run: whole, or shard by shard, keeping it alive meanwhile. Returns the run's id. */
    private Uni<Long> execute(ScheduledJob job, JobContext context) {
        return Uni.createFrom()
                .deferred(() -> {
                    executing.add(context.runId());
                    return executeTracked(job, context);
                })
                .eventually(() -> executing.remove(context.runId()));
    }

    private Uni<Long> executeTracked(ScheduledJob job, JobContext context) {
        if (context.shardCount() > 1) {
            shardedStarts.put(context.runId(), System.nanoTime());
            return runs.openShards(context.runId(), context.shardCount(), config)
                    .chain(() -> workOnShards(job, context))
                    .replaceWith(context.runId());
        }
        long started = System.nanoTime();
        return Uni.createFrom()
                .deferred(() -> job.run(context))
                .chain(outcome -> runs.succeed(context.runId(), outcome).invoke(() -> {
                    ended(context, JobRun.SUCCEEDED, started, outcome.rowsProcessed());
                    LOG.infof(
                            "job %s %s %s: %d rows in %d ms",
                            context.job(),
                            context.trigger(),
                            context.period(),
                            outcome.rowsProcessed(),
                            (System.nanoTime() - started) / 1_000_000);
                }))
                .onFailure()
                .recoverWithUni(f -> {
                    LOG.errorf(f, "job %s %s %s failed", context.job(), context.trigger(), context.period());
                    ended(context, JobRun.FAILED, started, 0);
                    return runs.fail(context.runId(), f);
                })
                .replaceWith(context.runId());
    }

    /** Claims and runs pending shards of the run until none is left; the replica that ends the last one completes it. */
    private Uni<Void> workOnShards(ScheduledJob job, JobContext context) {
        return runs.claimShard(context.runId(), runnerId).chain(shard -> {
            if (shard.isEmpty()) {
                return completeIfDone(job, context);
            }
            JobContext shardContext = context.forShard(shard.get());
            return Uni.createFrom()
                    .deferred(() -> job.run(shardContext))
                    .chain(outcome -> runs.succeedShard(context.runId(), shard.get(), outcome.rowsProcessed())
                            .invoke(() -> metrics.shard(context, JobRun.SUCCEEDED)))
                    .onFailure()
                    .recoverWithUni(f -> {
                        LOG.errorf(f, "job %s shard %d of run %d failed", context.job(), shard.get(), context.runId());
                        metrics.shard(context, JobRun.FAILED);
                        return runs.failShard(context.runId(), shard.get(), f);
                    })
                    .chain(() -> workOnShards(job, context));
        });
    }

    private Uni<Void> completeIfDone(ScheduledJob job, JobContext context) {
        Long opened = shardedStarts.remove(context.runId());
        long started = opened == null ? System.nanoTime() : opened;
        return runs.shardTally(context.runId()).chain(tally -> {
            if (tally.failed() > 0 && tally.open() == tally.failed()) {
                return runs.fail(context.runId(), new IllegalStateException(tally.failed() + " shards failed"))
                        .replaceWithVoid();
            }
            if (tally.open() > 0) {
                return Uni.createFrom().voidItem(); // another replica is still on a shard; it completes the run
            }
            return runs.claimCompletion(context.runId())
                    .chain(mine -> !mine
                            ? Uni.createFrom().voidItem()
                            : Uni.createFrom()
                                    .deferred(() -> job.completeShards(context, tally.rows()))
                                    .chain(outcome -> runs.succeed(context.runId(), outcome)
                                            .invoke(() ->
                                                    ended(context, JobRun.SUCCEEDED, started, outcome.rowsProcessed())))
                                    .onFailure()
                                    .recoverWithUni(f -> {
                                        ended(context, JobRun.FAILED, started, 0);
                                        return runs.fail(context.runId(), f);
                                    })
                                    .replaceWithVoid());
        });
    }

    /** Measures a whole run of this replica that ended now (JobMetrics). */
    private void ended(JobContext context, String outcome, long startedNanos, long rows) {
        metrics.run(context, outcome, Duration.ofNanos(System.nanoTime() - startedNanos), rows, Instant.now());
    }

    /** Any replica helps with the pending shards of any running sharded run. */
    private Uni<Void> helpWithShards() {
        return runs.runsWithPendingShards().chain(open -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (JobRun run : open) {
                ScheduledJob job = jobs.get(run.job());
                if (job != null) {
                    JobContext context = context(job, run.id(), run.period(), run.clock(), run.trigger());
                    chain = chain.chain(() -> Uni.createFrom()
                            .deferred(() -> {
                                executing.add(run.id());
                                return workOnShards(job, context);
                            })
                            .eventually(() -> executing.remove(run.id())));
                }
            }
            return chain;
        });
    }

    /** Waits until the run has ended (another replica may hold its last shard), then reads it back. */
    private Uni<JobRun> awaitEnd(long runId) {
        return runs.find(runId).chain(run -> {
            JobRun found = run.orElseThrow();
            if (found.finished()) {
                return Uni.createFrom().item(found);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(SHARD_WAIT).chain(() -> awaitEnd(runId));
        });
    }
}
