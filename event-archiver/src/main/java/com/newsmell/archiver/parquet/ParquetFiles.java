package com.newsmell.archiver.parquet;

import com.newsmell.archiver.parquet.ArchiveSchema.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes and reads the archive's Parquet files with DuckDB's built-in Parquet support (ADR 0031): an in-memory DuckDB
 * with extension auto-install and auto-load turned off, so nothing is downloaded or loaded at run time. Rows are
 * appended to a staging table and copied to a file with ZSTD compression; a file is read back with read_parquet.
 */
public final class ParquetFiles implements AutoCloseable {

    /** What a write or a read saw: the rows and their {@link RowChecksum}. */
    public record Fingerprint(long rows, String checksum) {}

    private final DuckDBConnection duck;

    public ParquetFiles(Path tempDirectory) throws SQLException {
        Properties config = new Properties();
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        config.setProperty("temp_directory", tempDirectory.toString());
        this.duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", config);
    }

    /** Appends every row of {@code source} (columns of {@link ArchiveSchema}) to a new ZSTD Parquet file. */
    public Fingerprint write(ResultSet source, Path file, LongConsumer progress) throws SQLException {
        RowChecksum checksum = new RowChecksum();
        try (Statement s = duck.createStatement()) {
            s.execute("drop table if exists staging");
            s.execute(ArchiveSchema.duckTable("staging"));
        }
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staging")) {
            while (source.next()) {
                Object[] values = RowChecksum.values(source);
                checksum.add(values);
                appender.beginRow();
                for (int i = 0; i < values.length; i++) {
                    append(appender, ArchiveSchema.COLUMNS.get(i), values[i]);
                }
                appender.endRow();
                if (checksum.rows() % 10_000 == 0) {
                    progress.accept(checksum.rows());
                }
            }
        }
        try (Statement s = duck.createStatement()) {
            Files.deleteIfExists(file);
            Files.createDirectories(file.toAbsolutePath().getParent());
            s.execute("copy (select * from staging order by \"timestamp\", event_id) to '" + literal(file)
                    + "' (format parquet, compression zstd)");
            s.execute("drop table staging");
        } catch (java.io.IOException e) {
            throw new SQLException("cannot prepare " + file, e);
        }
        progress.accept(checksum.rows());
        return new Fingerprint(checksum.rows(), checksum.value());
    }

    /** Reads a Parquet file back and fingerprints its rows. */
    public Fingerprint read(Path file) throws SQLException {
        RowChecksum checksum = new RowChecksum();
        try (Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("select " + columns() + " from read_parquet('" + literal(file) + "')")) {
            while (rs.next()) {
                checksum.add(RowChecksum.values(rs));
            }
        }
        return new Fingerprint(checksum.rows(), checksum.value());
    }

    /** Copies the rows of a Parquet file that {@code keep} (a DuckDB predicate) selects to a new file; their fingerprint. */
    public Fingerprint rewrite(Path file, String keep, Path target) throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("copy (select * from read_parquet('" + literal(file) + "') where " + keep
                    + " order by \"timestamp\", event_id) to '" + literal(target)
                    + "' (format parquet, compression zstd)");
        }
        return read(target);
    }

    /** How many rows of the file belong to the user. */
    public long countOfUser(Path file, String userId) throws SQLException {
        try (var s =
                duck.prepareStatement("select count(*) from read_parquet('" + literal(file) + "') where user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rewrites the file without the user's rows to {@code target}; the fingerprint of what is left. */
    public Fingerprint withoutUser(Path file, String userId, Path target) throws SQLException {
        return rewrite(file, "user_id is distinct from '" + userId.replace("'", "''") + "'", target);
    }

    /** The connection, for reading the archive (replay) with plain SQL over read_parquet. */
    public Connection connection() {
        return duck;
    }

    private static String columns() {
        return String.join(
                ", ", ArchiveSchema.names().stream().map(ArchiveSchema::quote).toList());
    }

    private static void append(DuckDBAppender appender, Column column, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (column.kind()) {
            case UUID -> appender.append((UUID) value);
            case TEXT -> appender.append((String) value);
            case INT -> appender.append((int) (Integer) value);
            case DOUBLE -> appender.append((double) (Double) value);
            case BOOL -> appender.append((boolean) (Boolean) value);
            case TIME -> appender.append(((Instant) value).atOffset(ZoneOffset.UTC));
        }
    }

    static String literal(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }
}
