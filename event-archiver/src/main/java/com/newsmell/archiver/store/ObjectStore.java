package com.newsmell.archiver.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the archive's files live (ADR 0031): keys are Hive-style paths
 * ({@code events/year=2026/month=08/event_type=PAGE_VIEW/part-0.parquet}). Two implementations: a local directory
 * (the embedded default) and S3 (AWS, MinIO or any S3-compatible server).
 */
public interface ObjectStore {

    /** Stores the file under the key, replacing what was there. */
    void put(String key, Path file) throws IOException;

    /** Copies the object to the file; fails if there is none. */
    void get(String key, Path file) throws IOException;

    /** Deletes the object; nothing if there is none. */
    void delete(String key) throws IOException;

    /** The keys under the prefix, sorted. */
    List<String> list(String prefix) throws IOException;

    /** Where the keys live, for the receipt and GET /v1/events (a directory or s3://bucket). */
    String location();
}
