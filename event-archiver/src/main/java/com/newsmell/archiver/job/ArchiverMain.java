package com.newsmell.archiver.job;

import com.newsmell.archiver.archive.Archiver;
import com.newsmell.archiver.replay.ArchiveReplay;
import com.newsmell.archiver.replay.ReplayProducer;
import com.newsmell.archiver.store.LocalObjectStore;
import com.newsmell.archiver.store.ObjectStore;
import com.newsmell.archiver.store.S3ObjectStore;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * {@code event-archiver [--now=<ISO instant>]}: one archive run against the collector's database, then exit (0 when it
 * succeeded). Run daily by the Kubernetes CronJob {@code event-archiver} (concurrencyPolicy Forbid).
 *
 * <p>{@code event-archiver replay}: publishes the parquet source of every pending replay (ADR 0045), then exits. Run
 * every few minutes by the CronJob {@code event-archiver-replay}.
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
        if (args.length == 1 && args[0].equals("replay")) {
            return replay();
        }
        Instant now = Instant.now();
        for (String arg : args) {
            if (arg.startsWith("--now=")) {
                now = Instant.parse(arg.substring("--now=".length()));
            } else {
                System.err.println("usage: event-archiver [--now=<ISO instant>] | event-archiver replay");
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

    private int replay() throws Exception {
        ObjectStore store = store(config);
        try (Producer<String, String> producer = ReplayProducer.create(
                config.kafkaBootstrapServers(), config.kafkaSaslJaasConfig(), config.kafkaTruststoreCertificates())) {
            ArchiveReplay.Outcome outcome = new ArchiveReplay(db, store, Path.of(config.workDir()), producer).run();
            LOG.infof("replay run: %d parquet sources, %d events published", outcome.sources(), outcome.published());
            return 0;
        } catch (Exception e) {
            LOG.error("replay run failed", e);
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
