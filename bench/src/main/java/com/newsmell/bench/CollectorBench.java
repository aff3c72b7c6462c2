package com.newsmell.bench;

import com.newsmell.infra.Infra;
import com.newsmell.infra.KafkaBroker;
import com.newsmell.infra.PostgresServer;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.TopicReader;
import com.newsmell.simulator.traffic.RunReport;
import com.newsmell.simulator.traffic.Simulator;
import com.newsmell.simulator.traffic.SimulatorOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The event-collector's benchmarks, in one run on one Kafka broker and one PostgreSQL server (see
 * bench/README.md):
 *
 * <ol>
 *   <li>batch ingest rate of the collector ({@code POST /v1/events/batch}, 202 after Kafka acks=all) against
 *       {@code kafka-producer-perf-test} (ProducerPerformance) on the same broker; the collector runs as its
 *       Kubernetes ingest Deployment does, its raw-store consumer off (ADR 0074);
 *   <li>the collector's batch latency (p50, p99) at a fixed moderate rate;
 *   <li>the raw store write rate of the collector's own consumer (a second collector, fresh database and group,
 *       draining the topic, as the event-collector-raw-store Deployment does) against {@code COPY FROM STDIN} of the
 *       same rows into an identical table.
 * </ol>
 *
 * <p>Usage: {@code CollectorBench [--events N] [--latency-rate R] [--latency-seconds S] [--warmup N]
 * [--concurrency C] [--latency-concurrency C] [--repo DIR]}.
 */
public final class CollectorBench {

    private static final String COLLECTOR = "event-collector";
    /** The ingest Deployment's switch of the raw-store consumer (ADR 0074). */
    private static final String RAW_STORE_SWITCH = "mp.messaging.incoming.interactions.enabled";

    private static final String V1_MIGRATION =
            "event-collector/src/main/resources/db/migration/V1__user_interaction_event.sql";
    /** The batch of the ingest run. */
    private static final int BATCH_SIZE = 100;

    /** The latency row is of single events. */
    private static final int LATENCY_BATCH_SIZE = 1;

    private static final int EVENT_BYTES = 800;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Options options;
    private final Infra infra;
    private final Path work;
    private final List<String[]> rows = new ArrayList<>();

    private CollectorBench(Options options, Infra infra, Path work) {
        this.options = options;
        this.infra = infra;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(Options.USAGE);
            return;
        }
        int exit = 0;
        try {
            log("starting Kafka and PostgreSQL ...");
            Infra infra = Infra.shared();
            Path work = Files.createDirectories(
                    Path.of("target", "bench-" + infra.runId()).toAbsolutePath());
            new CollectorBench(options, infra, work).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        // Infra's shutdown hook stops Kafka and PostgreSQL.
        System.exit(exit);
    }

    private void run() throws Exception {
        Machine machine = Machine.describe(infra);
        log("machine: %s", machine.oneLine());
        String topic = infra.topic(ServiceConfig.INTERACTIONS);

        // ---- 1. Collector batch ingest rate (after a warm-up), then 4. latency at a fixed rate
        log("starting the collector (%s) ...", COLLECTOR);
        RunReport ingest;
        RunReport latency;
        KafkaPerf kafkaPerf;
        long acceptedTotal = 0;
        // The ingest collector as Kubernetes runs it (ADR 0074): its raw-store consumer is off, the raw store being a
        // Deployment of its own, measured below (5.) by a second collector that only consumes.
        try (ServiceProcess collector = ServiceProcess.start(
                        options.repo, COLLECTOR, "collector", Map.of(RAW_STORE_SWITCH, "false"))
                .awaitReady(READY_TIMEOUT)) {
            log("collector ready at %s (log: %s)", collector.baseUrl(), collector.log());

            log("warm-up: %d events at max rate ...", options.warmup);
            RunReport warm = Simulator.run(maxRate(collector, options.warmup, 11));
            log("warm-up %s", warm.summaryLine());
            acceptedTotal += warm.accepted();

            log(
                    "ingest: building %d events of ~%d B in batches of %d (not timed) ...",
                    options.events, EVENT_BYTES, BATCH_SIZE);
            List<byte[]> bodies = PrebuiltIngest.bodies(options.events, 22, BATCH_SIZE, EVENT_BYTES);
            log("ingest: sending them, concurrency %d, max rate ...", options.concurrency);
            ingest = PrebuiltIngest.send(
                    bodies, collector.baseUrl(), collector.writeKey(), options.concurrency, BATCH_SIZE, 22);
            log("ingest %s", ingest.summaryLine());
            requireAllAccepted("ingest", ingest);
            acceptedTotal += ingest.accepted();

            // ---- 2. Reference: kafka-producer-perf-test, same broker, same record count and size
            kafkaPerf = kafkaProducerPerf(options.events);

            log(
                    "latency: %d events/s for %d s, batches of %d ...",
                    options.latencyRate, options.latencySeconds, LATENCY_BATCH_SIZE);
            latency = Simulator.run(SimulatorOptions.defaults()
                    .withUrl(collector.baseUrl())
                    .withWriteKey(collector.writeKey())
                    .withRate(options.latencyRate)
                    .withDuration(Duration.ofSeconds(options.latencySeconds))
                    .withBatchSize(LATENCY_BATCH_SIZE)
                    .withPadToBytes(EVENT_BYTES)
                    .withConcurrency(options.latencyConcurrency)
                    .withSeed(33)
                    .withQuiet(true));
            log("latency %s", latency.summaryLine());
            requireAllAccepted("latency", latency);
            if (latency.eventsPerSecond() < 0.95 * options.latencyRate) {
                log(
                        "WARNING: the latency run reached only %.0f of %d events/s: the collector (or this machine)"
                                + " could not keep up, so its percentiles understate the wait of a client at that rate",
                        latency.eventsPerSecond(), options.latencyRate);
            }
            acceptedTotal += latency.accepted();
        }
        // Every accepted event has its own eventId, so the raw store is to hold exactly one row per accepted event.
        long stored = acceptedTotal;
        long onTopic = TopicReader.endOffsets(topic);
        log("topic %s holds %d records for %d accepted events", topic, onTopic, stored);

        // ---- 5. Raw store write rate: a second collector drains the whole topic into a fresh database
        Drain drain = drain(topic, stored);
        Copy copy = copyReference(drain.database, stored);

        // ---- 3. + 6. Results
        record(machine, ingest, kafkaPerf, latency, drain, copy);
        printTable(machine);
    }

    private SimulatorOptions maxRate(ServiceProcess collector, long events, long seed) {
        return SimulatorOptions.defaults()
                .withUrl(collector.baseUrl())
                .withWriteKey(collector.writeKey())
                .withEvents(events)
                .withRate(0)
                .withBatchSize(BATCH_SIZE)
                .withPadToBytes(EVENT_BYTES)
                .withConcurrency(options.concurrency)
                .withSeed(seed)
                .withQuiet(true);
    }

    private static void requireAllAccepted(String what, RunReport report) {
        if (!report.success()) {
            throw new IllegalStateException(what + ": not every event was accepted: " + report.summaryLine());
        }
    }

    // ------------------------------------------------------------------ Kafka reference

    record KafkaPerf(long records, double recordsPerSecond, double mbPerSecond, String p50, String p99, String line) {}

    private static final Pattern PERF_FINAL = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*?(\\d+) ms 50th.*?(\\d+) ms 99th");

    private KafkaPerf kafkaProducerPerf(long records) throws IOException, InterruptedException {
        String topic = infra.topic("bench-kafka-perf");
        List<String> command = new ArrayList<>(List.of(
                KafkaBroker.javaExecutable(),
                "-Xmx512m", // what bin/kafka-producer-perf-test.sh gives it
                "-cp",
                KafkaBroker.classpath(),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(EVENT_BYTES),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "acks=all",
                "enable.idempotence=true",
                "max.in.flight.requests.per.connection=5",
                "linger.ms=5",
                "compression.type=lz4"));
        log(
                "kafka-producer-perf-test: %d records of %d B to %s (acks=all, idempotent, linger.ms=5, lz4) ...",
                records, EVENT_BYTES, topic);
        Path out = work.resolve("kafka-producer-perf-test.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kafka-producer-perf-test timed out, see " + out);
        }
        String output = Files.readString(out);
        Matcher last = null;
        for (String line : output.split("\n")) {
            Matcher m = PERF_FINAL.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        if (process.exitValue() != 0 || last == null) {
            throw new IllegalStateException(
                    "kafka-producer-perf-test failed (exit " + process.exitValue() + "), see " + out + ":\n" + output);
        }
        KafkaPerf perf = new KafkaPerf(
                Long.parseLong(last.group(1)),
                Double.parseDouble(last.group(2)),
                Double.parseDouble(last.group(3)),
                last.group(4),
                last.group(5),
                last.group(0));
        log("kafka-producer-perf-test: %s", perf.line());
        return perf;
    }

    // ------------------------------------------------------------------ raw store drain

    /**
     * A drain: {@code rowsPerSecond} over the last three quarters of the topic (the first quarter is the fresh JVM's
     * warm-up: its JIT compilers took half a core then), {@code wholeRowsPerSecond} from the first commit to the last.
     */
    record Drain(
            String database,
            long rows,
            Duration startToFirstRow,
            Duration firstToLastRow,
            double rowsPerSecond,
            double wholeRowsPerSecond) {}

    /** The share of the topic the drain's rate leaves out as the consumer's warm-up. */
    private static final double DRAIN_WARM_UP = 0.25;

    private Drain drain(String topic, long expected) throws Exception {
        String group = "bench-drain-" + infra.runId();
        // A fresh database: ServiceConfig.forService(infra, "collector_drain") points the datasource URLs at
        // infra.database("collector_drain"); a fresh consumer group reads the topic from the beginning.
        String database = infra.database("collector_drain");
        log(
                "drain: a second collector, database %s, group %s, reads %d events from %s ...",
                database, group, expected, topic);
        // Progress is the group's committed offsets (committed every 100 ms, each after its batch is stored), not a
        // count(*) of the growing table: a count every 50 ms took a large share of PostgreSQL's CPU from the drain.
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        long start = System.nanoTime();
        long firstAt = -1;
        long firstCommitted = 0;
        long steadyAt = -1;
        long steadyCommitted = 0;
        long lastAt;
        long end;
        try (Admin admin = Admin.create(props);
                ServiceProcess drainer = ServiceProcess.start(
                        options.repo,
                        COLLECTOR,
                        "collector_drain",
                        // as the event-collector-raw-store Deployment runs (ADR 0074): it does not ingest
                        ConsumerBench.withPromptCommits(Map.of(
                                "mp.messaging.incoming.interactions.group.id",
                                group,
                                "newsmell.collector.ingest",
                                "false")))) {
            end = ConsumerBench.endOffsets(admin, topic);
            long deadline = start + TimeUnit.MINUTES.toNanos(30);
            long lastProgress = start;
            while (true) {
                long committed = ConsumerBench.committedOffsets(admin, group, topic);
                long now = System.nanoTime();
                if (committed > 0 && firstAt < 0) {
                    firstAt = now;
                    firstCommitted = committed;
                }
                if (committed >= end * DRAIN_WARM_UP && steadyAt < 0) {
                    steadyAt = now;
                    steadyCommitted = committed;
                }
                if (committed >= end) {
                    lastAt = now;
                    break;
                }
                if (now > deadline) {
                    throw new IllegalStateException("drain: only " + committed + " of " + end
                            + " records after 30 minutes, see " + drainer.log());
                }
                if (now - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                    log("drain: %d / %d records", committed, end);
                    lastProgress = now;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        long rows = count(database);
        if (rows != expected) {
            throw new IllegalStateException(
                    "drain: the group committed the topic's end but " + rows + " rows of " + expected + " are stored");
        }
        Duration firstToLast = Duration.ofNanos(lastAt - firstAt);
        // rows/s over the records committed after a point (the records are the rows, bar redeliveries)
        double whole = lastAt > firstAt ? rows * (double) (end - firstCommitted) / end / ((lastAt - firstAt) / 1e9) : 0;
        double steady =
                lastAt > steadyAt ? rows * (double) (end - steadyCommitted) / end / ((lastAt - steadyAt) / 1e9) : whole;
        Drain drain = new Drain(database, rows, Duration.ofNanos(firstAt - start), firstToLast, steady, whole);
        log(
                "drain: %d rows; first commit %.1f s after the collector's start, then %.2f s to the last: %,.0f rows/s;"
                        + " after the first %.0f%% (%d records, %.2f s before the last): %,.0f rows/s",
                rows,
                seconds(drain.startToFirstRow()),
                seconds(firstToLast),
                whole,
                DRAIN_WARM_UP * 100,
                steadyCommitted,
                (lastAt - steadyAt) / 1e9,
                steady);
        return drain;
    }

    /** count(*) of the raw store, or -1 while the table does not exist yet (the migration has not run). */
    private static long countOrMinusOne(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from user_interaction_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // undefined_table
                return -1;
            }
            throw e;
        }
    }

    private long count(String database) throws SQLException {
        try (Connection connection = connect(database)) {
            return countOrMinusOne(connection);
        }
    }

    // ------------------------------------------------------------------ COPY reference

    record Copy(String database, long rows, long bytes, Duration elapsed, double rowsPerSecond) {}

    private Copy copyReference(String drainedDatabase, long expected) throws Exception {
        Path dump = work.resolve("user_interaction_event.copy");
        long exported;
        try (Connection connection = connect(drainedDatabase);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(dump), 1 << 20)) {
            exported = copyManager(connection).copyOut("COPY (select * from user_interaction_event) TO STDOUT", out);
        }
        long bytes = Files.size(dump);
        log("copy: exported %d rows (%,d bytes) from %s", exported, bytes, drainedDatabase);

        String database = infra.database("copy_reference");
        // Every migration of the collector, in version order: the table exactly as the drained one (its later
        // migrations add columns and indexes to V1's).
        List<Path> migrations;
        try (var files = Files.list(options.repo.resolve(V1_MIGRATION).getParent())) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V[0-9]+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(
                            f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V([0-9]+)__.*", "$1"))))
                    .toList();
        }
        try (Connection connection = connect(database);
                Statement st = connection.createStatement()) {
            for (Path migration : migrations) {
                st.execute(Files.readString(migration));
            }
        }
        int hot = samePartitionsAndTiers(drainedDatabase, database);
        log(
                "copy: %s has the collector's schema (%d migrations) and the drained table's partitions and indexes (%d"
                        + " hot: every index); COPY user_interaction_event FROM STDIN ...",
                database, migrations.size(), hot);
        long copied;
        long start;
        long end;
        try (Connection connection = connect(database);
                InputStream in = new BufferedInputStream(Files.newInputStream(dump), 1 << 20)) {
            CopyManager copy = copyManager(connection);
            start = System.nanoTime();
            copied = copy.copyIn("COPY user_interaction_event FROM STDIN", in);
            end = System.nanoTime();
        }
        Files.deleteIfExists(dump);
        long check = count(database);
        if (copied != exported || check != exported || exported != expected) {
            throw new IllegalStateException("copy: exported " + exported + ", copied " + copied + ", counted " + check
                    + ", expected " + expected);
        }
        Copy result = new Copy(database, copied, bytes, Duration.ofNanos(end - start), copied / ((end - start) / 1e9));
        log("copy: %d rows in %.2f s: %,.0f rows/s", copied, seconds(result.elapsed()), result.rowsPerSecond());
        return result;
    }

    /**
     * Gives the reference's table the drained one's partitions and tiers: the collector's partitions job made the
     * current month's partition hot (ADR 0030), with ten indexes more than the migrations leave, and COPY into fewer
     * indexes would flatter the reference. Checks that both then have the same indexes; returns the hot partitions.
     */
    private int samePartitionsAndTiers(String drained, String reference) throws SQLException {
        String partitions = "select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_inherits i join pg_class c"
                + " on c.oid = i.inhrelid where i.inhparent = 'user_interaction_event'::regclass order by 1";
        String indexes = "select tablename || ' ' || indexname from pg_indexes where tablename like"
                + " 'user\\_interaction\\_event%' order by 1";
        int hot = 0;
        try (Connection from = connect(drained);
                Connection to = connect(reference);
                Statement read = from.createStatement();
                Statement write = to.createStatement()) {
            try (ResultSet rs = read.executeQuery(partitions)) {
                while (rs.next()) {
                    write.execute("do $$ begin if to_regclass('" + rs.getString(1) + "') is null then create table "
                            + rs.getString(1) + " partition of user_interaction_event " + rs.getString(2)
                            + "; end if; end $$");
                }
            }
            try (ResultSet rs = read.executeQuery(
                    "select partition_name from interaction_partition_tier where tier = 'hot' order by 1")) {
                while (rs.next()) {
                    write.execute("select set_interaction_partition_tier('" + rs.getString(1) + "', 'hot')");
                    hot++;
                }
            }
            List<String> want = strings(read, indexes);
            List<String> have = strings(write, indexes);
            if (!want.equals(have)) {
                throw new IllegalStateException(
                        "copy: the reference's indexes " + have + " differ from the drained" + " table's " + want);
            }
        }
        return hot;
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static CopyManager copyManager(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private Connection connect(String database) throws SQLException {
        PostgresServer pg = infra.postgres();
        return DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
    }

    // ------------------------------------------------------------------ report

    private void record(
            Machine machine, RunReport ingest, KafkaPerf kafkaPerf, RunReport latency, Drain drain, Copy copy) {
        double ratio = ingest.eventsPerSecond() / kafkaPerf.recordsPerSecond();
        Row.ratio(
                "collector ingest, batches of " + BATCH_SIZE + " (2xx = Kafka acked)",
                ingest.eventsPerSecond(),
                kafkaPerf.recordsPerSecond(),
                "events/s",
                "kafka-producer-perf-test",
                0.5);
        Row.limit(
                String.format(
                        Locale.ROOT,
                        "collector latency p99, single events at %.0f events/s",
                        latency.eventsPerSecond()),
                String.format(Locale.ROOT, "%.1f ms", latency.p99Millis()),
                "≤ 10 ms",
                latency.p99Millis() <= 10);
        Row.ratio(
                "raw store (partitioned, indexed)", drain.rowsPerSecond(), copy.rowsPerSecond(), "rows/s", "COPY", 0.7);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "INGEST  collector %,.0f events/s | kafka-producer-perf-test %,.0f records/s | collector/kafka = %.2f%n",
                ingest.eventsPerSecond(),
                kafkaPerf.recordsPerSecond(),
                ratio);
        System.out.printf(
                Locale.ROOT,
                "LATENCY collector at %d events/s for %d s: p50 %.1f ms, p99 %.1f ms (achieved %,.0f events/s)%n",
                options.latencyRate,
                options.latencySeconds,
                latency.p50Millis(),
                latency.p99Millis(),
                latency.eventsPerSecond());
        System.out.printf(
                Locale.ROOT,
                "STORE   collector consumer %,.0f rows/s | COPY FROM STDIN %,.0f rows/s | collector/COPY = %.2f%n",
                drain.rowsPerSecond(),
                copy.rowsPerSecond(),
                drain.rowsPerSecond() / copy.rowsPerSecond());

        row(
                "Collector batch ingest",
                fmt("%,.0f events/s", ingest.eventsPerSecond()),
                fmt(
                        "%,d events of ~%d B, batches of %d, concurrency %d, acks=all; batch p50 %.1f ms, p99 %.1f ms"
                                + " under saturation; after a %,d-event warm-up",
                        ingest.sent(),
                        EVENT_BYTES,
                        BATCH_SIZE,
                        options.concurrency,
                        ingest.p50Millis(),
                        ingest.p99Millis(),
                        options.warmup));
        row(
                "kafka-producer-perf-test (reference)",
                fmt("%,.0f records/s", kafkaPerf.recordsPerSecond()),
                fmt(
                        "%,d records of %d B, acks=all, idempotent, linger.ms=5, lz4; %.2f MB/s; per-record p50 %s ms,"
                                + " p99 %s ms",
                        kafkaPerf.records(), EVENT_BYTES, kafkaPerf.mbPerSecond(), kafkaPerf.p50(), kafkaPerf.p99()));
        row("Ingest ratio collector / Kafka", fmt("%.2f", ratio), "same broker, same record count and size");
        row(
                "Collector batch latency p50",
                fmt("%.1f ms", latency.p50Millis()),
                fmt(
                        "%,d events/s for %d s (achieved %,.0f events/s, %,d batches of %d, up to %d in flight)",
                        options.latencyRate,
                        options.latencySeconds,
                        latency.eventsPerSecond(),
                        latency.batches(),
                        LATENCY_BATCH_SIZE,
                        options.latencyConcurrency));
        row("Collector batch latency p99", fmt("%.1f ms", latency.p99Millis()), "same run");
        row(
                "Raw store write (collector consumer)",
                fmt("%,.0f rows/s", drain.rowsPerSecond()),
                fmt(
                        "%,d rows drained by a second collector (fresh database and group), over the last %.0f%% of"
                                + " the topic; first row %.1f s after its start, then %.2f s to the last (%,.0f rows/s"
                                + " over the whole)",
                        drain.rows(),
                        (1 - DRAIN_WARM_UP) * 100,
                        seconds(drain.startToFirstRow()),
                        seconds(drain.firstToLastRow()),
                        drain.wholeRowsPerSecond()));
        row(
                "COPY FROM STDIN (reference)",
                fmt("%,.0f rows/s", copy.rowsPerSecond()),
                fmt(
                        "the same %,d rows (%,d B of COPY text) into the collector's V1 schema, in %.2f s",
                        copy.rows(), copy.bytes(), seconds(copy.elapsed())));
        row(
                "Store ratio collector / COPY",
                fmt("%.2f", drain.rowsPerSecond() / copy.rowsPerSecond()),
                "same rows, same partitioned table and indexes");
        row("Machine: CPUs (nproc)", machine.nproc(), machine.cpuModel());
        row("Machine: memory", machine.memory(), fmt("load average at start: %s", machine.loadAverage()));
        row("Java", machine.java(), machine.javaVm());
        row("Kafka", machine.kafka(), "KRaft, one broker (replication factor 1), child JVM");
        row("PostgreSQL", machine.postgres(), "embedded, fsync=off, synchronous_commit=off (local-infra)");
    }

    private void row(String measure, String value, String details) {
        rows.add(new String[] {measure, value, details});
    }

    private void printTable(Machine machine) {
        System.out.println();
        System.out.println("## Results (" + Instant.now().toString().substring(0, 10) + ", " + machine.oneLine() + ")");
        System.out.println();
        System.out.println("| Measure | Value | Details |");
        System.out.println("|---|---:|---|");
        for (String[] r : rows) {
            System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2].replace("|", "\\|") + " |");
        }
        System.out.println();
    }

    // ------------------------------------------------------------------ helpers

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.printf(
                Locale.ROOT,
                "[bench %s] %s%n",
                Instant.now().toString().substring(11, 19),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = """
                Usage: CollectorBench [--events N] [--latency-rate R] [--latency-seconds S] [--warmup N]
                                      [--concurrency C] [--latency-concurrency C] [--repo DIR]
                  --events N           events for the ingest run, the Kafka reference and (with the warm-up and
                                       latency events) the raw store drain (default 100000)
                  --latency-rate R     single events/s of the latency run (default 1000)
                  --latency-seconds S  duration of the latency run (default 30)
                  --warmup N           warm-up events, not measured (default 100000: the JIT compilers took half a
                                       core for the first ~60,000)
                  --concurrency C      parallel requests of the ingest run (default 8)
                  --latency-concurrency C
                                       parallel requests allowed to the paced latency run, enough for the
                                       rate never to wait for a free connection (default 16)
                  --repo DIR           the repository root (default: the parent of the working directory
                                       when it is bench/, else the working directory)
                """;

        long events = 100_000;
        int latencyRate = 1_000;
        int latencySeconds = 30;
        long warmup = 100_000;
        int concurrency = 8;
        int latencyConcurrency = 16;
        Path repo;

        /** The options, or null for --help. */
        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                String v = args[++i];
                try {
                    switch (a) {
                        case "--events" -> o.events = positive(a, Long.parseLong(v.replace("_", "")));
                        case "--latency-rate" -> o.latencyRate = (int) positive(a, Integer.parseInt(v));
                        case "--latency-seconds" -> o.latencySeconds = (int) positive(a, Integer.parseInt(v));
                        case "--warmup" -> o.warmup = positive(a, Long.parseLong(v.replace("_", "")));
                        case "--concurrency" -> o.concurrency = (int) positive(a, Integer.parseInt(v));
                        case "--latency-concurrency" -> o.latencyConcurrency = (int) positive(a, Integer.parseInt(v));
                        case "--repo" -> o.repo = Path.of(v).toAbsolutePath().normalize();
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad number for " + a + ": " + v);
                }
            }
            if (o.repo == null) {
                Path cwd = Path.of("").toAbsolutePath();
                o.repo = cwd.getFileName() != null
                                && cwd.getFileName().toString().equals("bench")
                        ? cwd.getParent()
                        : cwd;
            }
            if (!Files.exists(o.repo.resolve(V1_MIGRATION))) {
                throw new IllegalArgumentException(o.repo + " is not the repository root (no " + V1_MIGRATION + ")");
            }
            return o;
        }

        private static long positive(String option, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(option + " must be positive");
            }
            return value;
        }
    }
}
