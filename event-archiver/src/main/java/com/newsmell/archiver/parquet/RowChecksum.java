package com.newsmell.archiver.parquet;

import com.newsmell.archiver.parquet.ArchiveSchema.Column;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An order-independent fingerprint of a set of archive rows (ADR 0031): each row's canonical text (every column of
 * {@link ArchiveSchema}, null marked, instants as epoch microseconds, doubles by their bits) is hashed with SHA-256,
 * and the first 8 bytes of the hashes are added up modulo 2^64, with the row count. The same rows read from
 * PostgreSQL and from the Parquet file give the same checksum, in any order.
 */
public final class RowChecksum {

    private final MessageDigest sha256;
    private long sum;
    private long rows;

    public RowChecksum() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds one row given as typed column values (see {@link #values}). */
    public void add(Object[] values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(canonical(value)).append('\u001f');
        }
        byte[] hash = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        long head = 0;
        for (int i = 0; i < 8; i++) {
            head = (head << 8) | (hash[i] & 0xff);
        }
        sum += head;
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** The checksum: 16 hex digits. */
    public String value() {
        return HexFormat.of().toHexDigits(sum);
    }

    /** One value's canonical text: null marked, doubles by their bits, instants as epoch microseconds. */
    static String canonical(Object value) {
        if (value == null) {
            return "\u0000N";
        }
        if (value instanceof Double d) {
            return Long.toHexString(Double.doubleToLongBits(d));
        }
        if (value instanceof Instant t) {
            return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, t));
        }
        return value.toString();
    }

    /**
     * The typed values (UUID, String, Integer, Double, Boolean, Instant) of the current row of a result set whose
     * columns are {@link ArchiveSchema#COLUMNS}, from PostgreSQL or DuckDB alike.
     */
    public static Object[] values(ResultSet rs) throws SQLException {
        Object[] values = new Object[ArchiveSchema.COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            Column column = ArchiveSchema.COLUMNS.get(i);
            int index = i + 1;
            values[i] = switch (column.kind()) {
                case UUID -> {
                    Object v = rs.getObject(index);
                    yield v == null ? null : (v instanceof UUID u ? u : UUID.fromString(v.toString()));
                }
                case TEXT -> rs.getString(index);
                case INT -> {
                    int v = rs.getInt(index);
                    yield rs.wasNull() ? null : v;
                }
                case DOUBLE -> {
                    double v = rs.getDouble(index);
                    yield rs.wasNull() ? null : v;
                }
                case BOOL -> {
                    boolean v = rs.getBoolean(index);
                    yield rs.wasNull() ? null : v;
                }
                case TIME -> {
                    OffsetDateTime v = rs.getObject(index, OffsetDateTime.class);
                    yield v == null ? null : v.toInstant();
                }
            };
        }
        return values;
    }
}
