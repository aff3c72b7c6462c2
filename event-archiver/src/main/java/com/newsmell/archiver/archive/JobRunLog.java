package com.newsmell.archiver.archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The archiver's runs in the collector's {@code job_run} table (the toolkit's, ADR 0011), as job {@code archive}:
 * start, progress (rows done of the total), end, rows, outcome, error and detail, each in its own transaction.
 */
public final class JobRunLog {

    public static final String JOB = "archive";

    private final DataSource db;

    public JobRunLog(DataSource db) {
        this.db = db;
    }

    public long start(Instant clock, String runner) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.prepareStatement(
                        "insert into job_run (job, period, trigger, clock, status, started_at,"
                                + " heartbeat_at, runner) values (?, ?, 'archiver', ?, 'running', now(), now(), ?) returning id")) {
            s.setString(1, JOB);
            s.setTimestamp(2, Timestamp.from(clock));
            s.setTimestamp(3, Timestamp.from(clock));
            s.setString(4, runner);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void progress(long runId, long done, long total, String detail) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.prepareStatement("update job_run set progress_done = ?, progress_total = ?, detail = ?,"
                        + " heartbeat_at = now() where id = ?")) {
            s.setLong(1, done);
            s.setLong(2, total);
            s.setString(3, detail);
            s.setLong(4, runId);
            s.executeUpdate();
        }
    }

    public void end(long runId, boolean succeeded, long rows, String detail, String error) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.prepareStatement("update job_run set status = ?, finished_at = now(), heartbeat_at = now(),"
                        + " rows_processed = ?, detail = ?, error = ? where id = ?")) {
            s.setString(1, succeeded ? "succeeded" : "failed");
            s.setLong(2, rows);
            s.setString(3, detail);
            s.setString(4, error);
            s.setLong(5, runId);
            s.executeUpdate();
        }
    }
}
