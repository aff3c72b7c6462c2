package com.newsmell.archiver.parquet;

import com.newsmell.archiver.parquet.ArchiveSchema.Column;
import com.newsmell.infra.ParquetRows;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads an archive file with parquet-java (Apache Parquet's own reader and ZSTD codec), not with DuckDB that wrote it:
 * a check that the files are standard Parquet any reader gets the same rows from (issue #15). Values come back typed
 * as {@link RowChecksum#values} types them from PostgreSQL, so the same checksum compares the two.
 */
public final class IndependentParquetReader {

    private IndependentParquetReader() {}

    /** Every row of the file, each in {@link ArchiveSchema#COLUMNS} order. */
    public static List<Object[]> rows(Path file) throws IOException {
        List<String> expected = ArchiveSchema.COLUMNS.stream().map(Column::name).toList();
        List<Object[]> rows = new ArrayList<>();
        ParquetRows.each(file, (schema, group) -> {
            List<String> names =
                    schema.getFields().stream().map(f -> f.getName()).toList();
            if (!names.equals(expected)) {
                throw new IllegalStateException(file + " has columns " + names + ", not " + expected);
            }
            Object[] row = new Object[expected.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = value(
                        group,
                        c,
                        ArchiveSchema.COLUMNS.get(c),
                        schema.getType(c).asPrimitiveType());
            }
            rows.add(row);
        });
        return rows;
    }

    /** "rows/checksum" of the file, as {@link ParquetFiles.Fingerprint} and the source's fingerprint print it. */
    public static String fingerprint(Path file) throws IOException {
        RowChecksum checksum = new RowChecksum();
        rows(file).forEach(checksum::add);
        return checksum.rows() + "/" + checksum.value();
    }

    private static Object value(Group group, int field, Column column, PrimitiveType type) {
        if (group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        return switch (column.kind()) {
            case UUID -> uuid(group, field, type);
            case TEXT -> group.getString(field, 0);
            case INT -> group.getInteger(field, 0);
            case DOUBLE -> group.getDouble(field, 0);
            case BOOL -> group.getBoolean(field, 0);
            case TIME -> instant(group.getLong(field, 0), type.getLogicalTypeAnnotation());
        };
    }

    private static UUID uuid(Group group, int field, PrimitiveType type) {
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            ByteBuffer bytes = ByteBuffer.wrap(group.getBinary(field, 0).getBytes());
            return new UUID(bytes.getLong(), bytes.getLong());
        }
        return UUID.fromString(group.getString(field, 0));
    }

    private static Instant instant(long value, LogicalTypeAnnotation annotation) {
        if (!(annotation instanceof TimestampLogicalTypeAnnotation t) || !t.isAdjustedToUTC()) {
            throw new IllegalStateException("an archive instant must be a UTC timestamp, not " + annotation);
        }
        TimeUnit unit = t.getUnit();
        return switch (unit) {
            case MILLIS -> Instant.EPOCH.plus(value, ChronoUnit.MILLIS);
            case MICROS -> Instant.EPOCH.plus(value, ChronoUnit.MICROS);
            case NANOS -> Instant.EPOCH.plus(value, ChronoUnit.NANOS);
        };
    }
}
