package com.newsmell.toolkit.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run ledger's transactions: each state change of a run or shard commits on its own (ADR 0011). */
@ApplicationScoped
public class JobRunService {

    private static final int ERROR_MAX = 2000;

    private final JobRunRepository runs;
    private final ObjectMapper json;

    public JobRunService(JobRunRepository runs, ObjectMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @WithTransaction
    public Uni<Optional<Long>> claimScheduled(
            String job, Instant period, Instant clock, int shards, String runner, JobsConfig config) {
        return runs.claimScheduled(
                job, period, clock, shards, runner, config.lease().toSeconds(), config.maxAttempts());
    }

    @WithTransaction
    public Uni<Long> startManual(String job, Instant clock, int shards, String runner) {
        return runs.insertManual(job, clock, shards, runner);
    }

    @WithTransaction
    public Uni<Integer> succeed(long id, JobOutcome outcome) {
        return runs.finish(
                id, JobRun.SUCCEEDED, outcome.rowsProcessed(), outcome.asOf(), null, toJson(outcome.detail()));
    }

    @WithTransaction
    public Uni<Integer> fail(long id, Throwable failure) {
        return runs.finish(id, JobRun.FAILED, null, null, describe(failure), null);
    }

    @WithTransaction
    public Uni<Void> progress(long id, long done, long total) {
        return runs.progress(id, done, total).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Integer> openShards(long runId, int shards, JobsConfig config) {
        return runs.openShards(runId, shards, config.lease().toSeconds());
    }

    @WithTransaction
    public Uni<Optional<Integer>> claimShard(long runId, String runner) {
        return runs.claimShard(runId, runner);
    }

    @WithTransaction
    public Uni<Integer> succeedShard(long runId, int shard, long rows) {
        return runs.finishShard(runId, shard, JobRun.SUCCEEDED, rows, null);
    }

    @WithTransaction
    public Uni<Integer> failShard(long runId, int shard, Throwable failure) {
        return runs.finishShard(runId, shard, JobRun.FAILED, null, describe(failure));
    }

    @WithTransaction
    public Uni<Boolean> claimCompletion(long runId) {
        return runs.claimCompletion(runId);
    }

    @WithTransaction
    public Uni<Void> heartbeat(List<Long> runIds, String runner) {
        return runIds.isEmpty()
                ? Uni.createFrom().voidItem()
                : runs.heartbeat(runIds, runner).replaceWithVoid();
    }

    /** The latest period claimed for a scheduled job, and its periods to retry. */
    public record KnownPeriods(Instant latest, List<Instant> retry) {}

    public Uni<KnownPeriods> knownPeriods(String job, JobsConfig config) {
        return runs.latestScheduledPeriod(job)
                .chain(latest -> runs.periodsToRetry(job, config.lease().toSeconds(), config.maxAttempts())
                        .map(retry -> new KnownPeriods(latest, retry)));
    }

    /** A sharded run's shards: how many have not succeeded yet, how many failed, the succeeded ones' rows. */
    public record ShardTally(long open, long failed, long rows) {}

    public Uni<ShardTally> shardTally(long runId) {
        return runs.shardTally(runId).map(t -> new ShardTally(t[0], t[1], t[2]));
    }

    public Uni<List<JobRun>> runsWithPendingShards() {
        return runs.runsWithPendingShards()
                .map(rows -> rows.stream().map(this::toRun).toList());
    }

    @WithTransaction
    public Uni<Integer> prune(Instant cutoff) {
        return runs.prune(cutoff);
    }

    public Uni<Optional<JobRun>> find(long id) {
        return runs.find(id).map(row -> row.map(this::toRun));
    }

    public Uni<List<JobRun>> recent(String job, int limit) {
        return runs.recent(job, limit)
                .map(rows -> rows.stream().map(this::toRun).toList());
    }

    private JobRun toRun(Object[] r) {
        Long started = nullableLong(r[8]);
        Long finished = nullableLong(r[9]);
        return new JobRun(
                JobRunRepository.number(r[0]),
                (String) r[1],
                instant(r[2]),
                (String) r[3],
                instant(r[4]),
                instant(r[5]),
                (String) r[6],
                (int) JobRunRepository.number(r[7]),
                instant(r[8]),
                instant(r[9]),
                started == null || finished == null ? null : finished - started,
                nullableLong(r[10]),
                nullableLong(r[11]),
                nullableLong(r[12]),
                (int) JobRunRepository.number(r[13]),
                (String) r[14],
                (String) r[15],
                fromJson((String) r[16]));
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }

    private String toJson(Map<String, Object> detail) {
        try {
            return detail.isEmpty() ? null : json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a job's detail must be plain JSON values", e);
        }
    }

    private Map<String, Object> fromJson(String detail) {
        try {
            return detail == null ? Map.of() : json.readValue(detail, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", detail);
        }
    }

    static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }
}
