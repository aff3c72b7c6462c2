package com.newsmell.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file with parquet-java (Apache Parquet's own reader and codecs), independently of DuckDB that
 * writes the archive (issue #15). parquet-hadoop and hadoop-client-api/-runtime are not brought in by local-infra: a
 * module that uses this class declares them in test scope.
 */
public final class ParquetRows {

    private ParquetRows() {}

    /** Hands every row of the file, with the file's schema, to {@code row}, in the file's order. */
    public static void each(Path file, BiConsumer<MessageType, Group> row) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory()
                        .getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    row.accept(schema, records.read());
                }
            }
        }
    }
}
