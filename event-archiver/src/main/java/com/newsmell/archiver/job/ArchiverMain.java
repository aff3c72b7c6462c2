package com.newsmell.archiver.job;

import com.newsmell.archiver.archive.Archiver;
import com.newsmell.archiver.store.LocalObjectStore;
import com.newsmell.archiver.store.ObjectStore;
import com.newsmell.archiver.store.S3ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * {@code event-archiver [--now=<ISO instant>]}: one archive run against the collector's database, then exit (0 when it
 * succeeded). Run daily by the Kubernetes CronJob {@code event-archiver} (concurrencyPolicy Forbid).
 */
@QuarkusMain
public class ArchiverMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(ArchiverMain.class);

    private final DataSource db;
    private final ArchiverConfig config;

    public ArchiverMain(DataSource db, ArchiverConfig config) {
        this.db = db;
        this.config = config;
    }

    @Override
    public int run(String... args) throws Exception {
        Instant now = Instant.now();
        for (String arg : args) {
            if (arg.startsWith("--now=")) {
                now = Instant.parse(arg.substring("--now=".length()));
            } else {
                System.err.println("usage: event-archiver [--now=<ISO instant>]");
                return 2;
            }
        }
        ObjectStore store = store(config);
        try {
            Archiver.Outcome outcome =
                    new Archiver(db, store, Path.of(config.workDir()), config.retention(), (p, k) -> {}).run(now);
            LOG.infof(
                    "archive run %d: %d cold partitions, %d files written, %d already archived, %d rows, dropped %s,"
                            + " %d expired files deleted (%s)",
                    outcome.runId(),
                    outcome.partitions(),
                    outcome.files(),
                    outcome.skipped(),
                    outcome.rows(),
                    outcome.dropped(),
                    outcome.expired(),
                    store.location());
            return 0;
        } catch (Exception e) {
            LOG.error("archive run failed", e);
            return 1;
        } finally {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** The configured object store. */
    public static ObjectStore store(ArchiverConfig config) {
        if ("s3".equals(config.store())) {
            ArchiverConfig.S3 s3 = config.s3();
            return new S3ObjectStore(
                    s3.bucket(),
                    s3.prefix().orElse(""),
                    s3.region(),
                    s3.endpoint(),
                    s3.pathStyle(),
                    s3.accessKey(),
                    s3.secretKey());
        }
        if (!"local".equals(config.store())) {
            throw new IllegalArgumentException("newsmell.archiver.store must be local or s3, not " + config.store());
        }
        return new LocalObjectStore(Path.of(config.localDir()));
    }
}
