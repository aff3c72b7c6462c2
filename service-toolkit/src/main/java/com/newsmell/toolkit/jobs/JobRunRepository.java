package com.newsmell.toolkit.jobs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code job_run} and {@code job_run_shard} tables (ADR 0011). Every change of a run's state is one statement,
 * so it is atomic across replicas; {@link JobRunService} gives each its transaction.
 */
@ApplicationScoped
public class JobRunRepository {

    private static final String SELECT = """
            select id, job, cast(extract(epoch from period) * 1000 as bigint),
                   trigger, cast(extract(epoch from clock) * 1000 as bigint),
                   cast(extract(epoch from as_of) * 1000 as bigint), status, attempt,
                   cast(extract(epoch from started_at) * 1000 as bigint),
                   cast(extract(epoch from finished_at) * 1000 as bigint), rows_processed, progress_done,
                   progress_total, shards, runner, error, detail
            from job_run""";

    /**
     * Claims the scheduled run of (job, period): inserts it, or takes over a failed run with attempts left, or a
     * running one whose heartbeat is older than the lease. Returns the run's id if this replica got it.
     */
    @WithSession
    public Uni<Optional<Long>> claimScheduled(
            String job, Instant period, Instant clock, int shards, String runner, long leaseSeconds, int maxAttempts) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                insert into job_run (job, period, trigger, clock, status, attempt, started_at,
                                                     heartbeat_at, shards, runner)
                                values (:job, cast(:period as timestamptz), 'schedule', cast(:clock as timestamptz),
                                        'running', 1, now(), now(), :shards, :runner)
                                on conflict (job, period) where trigger = 'schedule' do update
                                  set status = 'running', attempt = job_run.attempt + 1, started_at = now(),
                                      heartbeat_at = now(), finished_at = null, runner = excluded.runner,
                                      error = null, clock = excluded.clock
                                  where (job_run.status = 'failed' and job_run.attempt < :maxAttempts)
                                     or (job_run.status in ('running', 'completing')
                                         and job_run.heartbeat_at < now() - make_interval(secs => :lease))
                                returning id""", Long.class)
                        .setParameter("job", job)
                        .setParameter("period", utc(period))
                        .setParameter("clock", utc(clock))
                        .setParameter("shards", shards)
                        .setParameter("runner", runner)
                        .setParameter("lease", (double) leaseSeconds)
                        .setParameter("maxAttempts", maxAttempts)
                        .getResultList())
                .map(ids -> ids.stream().findFirst().map(Number::longValue));
    }

    /** Starts a manual run (never deduplicated: an operator or a test asked for it). */
    @WithSession
    public Uni<Long> insertManual(String job, Instant clock, int shards, String runner) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                insert into job_run (job, period, trigger, clock, status, attempt, started_at,
                                                     heartbeat_at, shards, runner)
                                values (:job, cast(:clock as timestamptz), 'manual', cast(:clock as timestamptz),
                                        'running', 1, now(), now(), :shards, :runner)
                                returning id""", Long.class)
                        .setParameter("job", job)
                        .setParameter("clock", utc(clock))
                        .setParameter("shards", shards)
                        .setParameter("runner", runner)
                        .getSingleResult())
                .map(Number::longValue);
    }

    /** Records a run's end (only if it is still running: a run taken over by another replica keeps its result). */
    @WithSession
    public Uni<Integer> finish(long id, String status, Long rows, Instant asOf, String error, String detail) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                update job_run set status = :status, finished_at = clock_timestamp(),
                                  heartbeat_at = clock_timestamp(), rows_processed = :rows,
                                  as_of = cast(:asOf as timestamptz), error = :error, detail = :detail
                                where id = :id and status in ('running', 'completing')""")
                        .setParameter("id", id)
                        .setParameter("status", status)
                        .setParameter("rows", rows)
                        .setParameter("asOf", asOf == null ? null : utc(asOf))
                        .setParameter("error", error)
                        .setParameter("detail", detail)
                        .executeUpdate());
    }

    @WithSession
    public Uni<Integer> progress(long id, long done, long total) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update job_run set progress_done = :done, progress_total = :total,"
                                + " heartbeat_at = clock_timestamp() where id = :id")
                        .setParameter("id", id)
                        .setParameter("done", done)
                        .setParameter("total", total)
                        .executeUpdate());
    }

    /** Creates a run's shards (again after a take-over: failed and stale shards go back to pending). */
    @WithSession
    public Uni<Integer> openShards(long runId, int shards, long leaseSeconds) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                insert into job_run_shard (run_id, shard, status)
                                select :run, n, 'pending' from generate_series(0, :shards - 1) n
                                on conflict (run_id, shard) do update set status = 'pending', runner = null
                                  where job_run_shard.status = 'failed'
                                     or (job_run_shard.status = 'running'
                                         and job_run_shard.heartbeat_at < now() - make_interval(secs => :lease))""")
                        .setParameter("run", runId)
                        .setParameter("shards", shards)
                        .setParameter("lease", (double) leaseSeconds)
                        .executeUpdate());
    }

    /** Claims one pending shard of the run, skipping those another replica holds; empty when none is left. */
    @WithSession
    public Uni<Optional<Integer>> claimShard(long runId, String runner) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                update job_run_shard set status = 'running', runner = :runner, attempt = attempt + 1,
                                  started_at = clock_timestamp(), heartbeat_at = clock_timestamp()
                                where (run_id, shard) = (
                                  select run_id, shard from job_run_shard
                                  where run_id = :run and status = 'pending'
                                  order by shard limit 1 for update skip locked)
                                returning shard""", Integer.class)
                        .setParameter("run", runId)
                        .setParameter("runner", runner)
                        .getResultList())
                .map(shards -> shards.stream().findFirst().map(Number::intValue));
    }

    @WithSession
    public Uni<Integer> finishShard(long runId, int shard, String status, Long rows, String error) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                update job_run_shard set status = :status, finished_at = clock_timestamp(),
                                  rows_processed = :rows, error = :error
                                where run_id = :run and shard = :shard and status = 'running'""")
                        .setParameter("run", runId)
                        .setParameter("shard", shard)
                        .setParameter("status", status)
                        .setParameter("rows", rows)
                        .setParameter("error", error)
                        .executeUpdate())
                .call(n -> progressFromShards(runId));
    }

    private Uni<Integer> progressFromShards(long runId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                update job_run r set heartbeat_at = clock_timestamp(),
                                  progress_done = (select count(*) from job_run_shard
                                                   where run_id = r.id and status = 'succeeded'),
                                  progress_total = r.shards
                                where r.id = :run""").setParameter("run", runId).executeUpdate());
    }

    /**
     * Counts a run's shards by state: [not yet succeeded, failed, rows of the succeeded ones]. A run is complete
     * when the first is 0.
     */
    @WithSession
    public Uni<long[]> shardTally(long runId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*) filter (where status <> 'succeeded'),"
                                        + " count(*) filter (where status = 'failed'),"
                                        + " coalesce(sum(rows_processed) filter (where status = 'succeeded'), 0)"
                                        + " from job_run_shard where run_id = :run",
                                Object[].class)
                        .setParameter("run", runId)
                        .getSingleResult())
                .map(r -> new long[] {number(r[0]), number(r[1]), number(r[2])});
    }

    /** Running sharded runs that still have a pending shard: any replica may help. */
    @WithSession
    public Uni<List<Object[]>> runsWithPendingShards() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                SELECT + " where status = 'running' and shards > 1 and exists (select 1 from"
                                        + " job_run_shard p where p.run_id = job_run.id and p.status = 'pending')"
                                        + " order by id",
                                Object[].class)
                        .getResultList());
    }

    /**
     * Marks a run whose shards have all succeeded as completing; true for the one replica that did. Its progress is
     * counted again here: two replicas finishing the last two shards at once each count the succeeded shards in their
     * own transaction, the second's update waits for the first's row lock and then keeps its own count, which missed
     * the first's shard (the end-to-end test saw 3 of 4 on a succeeded run). This statement comes after the tally that
     * saw every shard succeeded, so its count sees them all.
     */
    @WithSession
    public Uni<Boolean> claimCompletion(long runId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "update job_run set status = 'completing', heartbeat_at = clock_timestamp(),"
                                        + " progress_done = (select count(*) from job_run_shard where run_id ="
                                        + " job_run.id and status = 'succeeded')"
                                        + " where id = :id and status = 'running'")
                        .setParameter("id", runId)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /**
     * Keeps the runs (and their shards) this replica is executing alive, so no other replica takes them over. Shards
     * first, then runs: the order in which a finishing shard locks them ({@link #finishShard}), so that a heartbeat
     * and a shard's end never wait on each other (the reverse order deadlocked, failing the shard).
     */
    @WithSession
    public Uni<Integer> heartbeat(List<Long> runIds, String runner) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update job_run_shard set heartbeat_at = clock_timestamp()"
                                + " where run_id in (:ids) and status = 'running' and runner = :runner")
                        .setParameter("ids", runIds)
                        .setParameter("runner", runner)
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("update job_run set heartbeat_at = clock_timestamp()"
                                        + " where id in (:ids) and status in ('running', 'completing')")
                                .setParameter("ids", runIds)
                                .executeUpdate()));
    }

    /** The latest period any replica claimed for a scheduled job, or null. */
    @WithSession
    public Uni<Instant> latestScheduledPeriod(String job) {
        return instantOf("select max(period) from job_run where job = :job and trigger = 'schedule'", job);
    }

    /** Failed scheduled periods with attempts left, and stale running ones: retried on the next tick. */
    @WithSession
    public Uni<List<Instant>> periodsToRetry(String job, long leaseSeconds, int maxAttempts) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                select period from job_run where job = :job and trigger = 'schedule'
                                  and ((status = 'failed' and attempt < :maxAttempts)
                                    or (status in ('running', 'completing')
                                        and heartbeat_at < now() - make_interval(secs => :lease)))
                                order by period""", OffsetDateTime.class)
                        .setParameter("job", job)
                        .setParameter("lease", (double) leaseSeconds)
                        .setParameter("maxAttempts", maxAttempts)
                        .getResultList())
                .map(rows -> rows.stream().map(OffsetDateTime::toInstant).toList());
    }

    /**
     * The as-of time of the job's most recently finished successful run (of any trigger): the figures it wrote are
     * the ones stored now. Null if it never succeeded.
     */
    @WithSession
    public Uni<Instant> latestAsOf(String job) {
        return instantOf(
                "select coalesce(as_of, clock) from job_run where job = :job and status = 'succeeded'"
                        + " order by finished_at desc, id desc limit 1",
                job);
    }

    /** The one instant a query about a job answers, or null. */
    private static Uni<Instant> instantOf(String sql, String job) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, OffsetDateTime.class)
                        .setParameter("job", job)
                        .getResultList())
                .map(JobRunRepository::firstInstant);
    }

    @WithSession
    public Uni<Optional<Object[]>> find(long id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(SELECT + " where id = :id", Object[].class)
                        .setParameter("id", id)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    /** The most recent runs of a job, newest first. */
    @WithSession
    public Uni<List<Object[]>> recent(String job, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                SELECT + " where job = :job order by id desc limit :limit", Object[].class)
                        .setParameter("job", job)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /** Deletes finished runs that started before the cutoff. */
    @WithSession
    public Uni<Integer> prune(Instant cutoff) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "delete from job_run where started_at < cast(:cutoff as timestamptz) and status <> 'running'")
                        .setParameter("cutoff", utc(cutoff))
                        .executeUpdate());
    }

    private static Instant firstInstant(List<OffsetDateTime> rows) {
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
