package com.newsmell.perfumestats.jobs;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** The job_run table: when each job last ran, and as of which time. */
public final class JobRuns {

    public static final String HOURLY = "hourly";
    public static final String RECONCILE = "reconcile";

    private JobRuns() {}

    public static Uni<Void> record(Mutiny.Session session, JobReport report) {
        return session.createNativeQuery("insert into job_run (job, as_of, finished_at, duration_ms, rows_changed)"
                        + " values (:job, cast(:asOf as timestamptz), now(), :ms, :rows)"
                        + " on conflict (job) do update set as_of = excluded.as_of,"
                        + " finished_at = excluded.finished_at, duration_ms = excluded.duration_ms,"
                        + " rows_changed = excluded.rows_changed")
                .setParameter("job", report.job())
                .setParameter("asOf", report.asOf().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("ms", report.durationMs())
                .setParameter("rows", report.rowsChanged())
                .executeUpdate()
                .replaceWithVoid();
    }

    /** The as-of time of the job's latest run, or null if it never ran. */
    public static Uni<Instant> asOf(Mutiny.Session session, String job) {
        return session.createNativeQuery("select as_of from job_run where job = :job", OffsetDateTime.class)
                .setParameter("job", job)
                .getResultList()
                .map(JobRuns::first);
    }

    private static Instant first(List<OffsetDateTime> rows) {
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toInstant();
    }
}
