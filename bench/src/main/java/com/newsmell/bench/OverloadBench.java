package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.simulator.traffic.RunReport;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.postgresql.PGConnection;

/**
 * The collector under overload (issue 17): its saturation rate is measured first (the simulator at max rate, batches
 * of 50 events of ~800 B), then a separate process ({@link OverloadLoad}, open loop) offers twice that rate for
 * {@code --seconds}; every excess request must be answered 429 or 503 with Retry-After, the heap must stay bounded,
 * and every event of a 2xx answer must be stored exactly once (checked against the raw store by eventId). The
 * collector's RSS after the load is compared with its Kubernetes memory limit.
 *
 * <p>Usage: {@code OverloadBench [--seconds S] [--saturation-events N] [--factor F] [--repo DIR]}.
 */
public final class OverloadBench {

    private static final int BATCH = 50;
    private static final int EVENT_BYTES = 800;
    private static final Pattern K8S_LIMIT = Pattern.compile("limits:\\s*\\n\\s*memory:\\s*(\\d+)(Mi|Gi)");

    private int seconds = 60;
    private long saturationEvents = 20_000;
    private double factor = 2.0;
    private Path repo = Path.of("..").toAbsolutePath().normalize();

    private Infra infra;
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) {
        int exit = 0;
        try {
            OverloadBench bench = new OverloadBench();
            bench.parse(args);
            bench.run();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit); // Infra's shutdown hook stops Kafka and PostgreSQL
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--saturation-events" -> saturationEvents = Long.parseLong(v);
                case "--factor" -> factor = Double.parseDouble(v);
                case "--repo" -> repo = Path.of(v).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
    }

    private void run() throws Exception {
        log("starting Kafka and PostgreSQL ...");
        infra = Infra.shared();
        Path work = Files.createDirectories(
                Path.of("target", "bench-" + infra.runId()).toAbsolutePath());
        log("machine: %s", Machine.describe(infra).oneLine());
        String database = infra.database("collector");
        try (ServiceProcess collector = ServiceProcess.start(repo, "event-collector", "collector", Map.of())
                .awaitReady(Duration.ofMinutes(3))) {
            log("collector at %s (log: %s)", collector.baseUrl(), collector.log());
            // Saturation with pre-built bodies (PrebuiltIngest): the simulator's own CPU would understate it; after a
            // warm-up of the same size (a cold JVM's figure is half a warm one's, and 2x it was all accepted).
            RunReport warm = PrebuiltIngest.send(
                    PrebuiltIngest.bodies(saturationEvents, 70, BATCH, EVENT_BYTES),
                    collector.baseUrl(),
                    collector.writeKey(),
                    16,
                    BATCH,
                    70);
            log("warm-up: %s", warm.summaryLine());
            RunReport saturation = PrebuiltIngest.send(
                    PrebuiltIngest.bodies(saturationEvents, 71, BATCH, EVENT_BYTES),
                    collector.baseUrl(),
                    collector.writeKey(),
                    16,
                    BATCH,
                    71);
            log("saturation: %s", saturation.summaryLine());
            long before = awaitStored(database, warm.accepted() + saturation.accepted(), Duration.ofMinutes(10));
            double offered = factor * saturation.eventsPerSecond();
            log(
                    "overload: %.0f events/s offered (%.1f × saturation %.0f) for %d s by a separate process ...",
                    offered, factor, saturation.eventsPerSecond(), seconds);

            Path out = Files.createDirectories(work.resolve("overload"));
            Process load = new ProcessBuilder(
                            ServiceProcessJava.java(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            OverloadLoad.class.getName(),
                            collector.baseUrl(),
                            collector.writeKey(),
                            Double.toString(offered),
                            Integer.toString(seconds),
                            Integer.toString(BATCH),
                            Integer.toString(EVENT_BYTES),
                            out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("load.log").toFile())
                    .start();
            long maxHeap = 0;
            long maxRss = 0;
            while (!load.waitFor(1, TimeUnit.SECONDS)) {
                maxHeap = Math.max(maxHeap, heapUsed(collector));
                maxRss = Math.max(maxRss, collector.residentBytes());
            }
            if (load.exitValue() != 0) {
                throw new IllegalStateException("the load generator failed, see " + out.resolve("load.log"));
            }
            Properties summary = new Properties();
            try (Reader r = Files.newBufferedReader(out.resolve("summary.properties"))) {
                summary.load(r);
            }
            log("overload: %s", summary);
            long acked = Long.parseLong(summary.getProperty("ackedEvents"));
            // Not a row count: the collector goes on publishing requests whose clients gave up, so the count can reach
            // before + acked while acked events still wait in the topic. Wait until the raw store's group has committed
            // the topic's end and the end has stopped moving.
            awaitRawStoreCaughtUp(infra.topic(ServiceConfig.INTERACTIONS), Duration.ofMinutes(10));
            long stored = awaitStored(database, before + acked, Duration.ofMinutes(1));
            Exactness exact = exactness(database, out.resolve("acked-ids.txt"));
            double rssAfter = collector.residentBytes() / 1048576.0;
            boolean oom = Files.readString(collector.log()).contains("OutOfMemoryError");
            report(
                    summary,
                    saturation.eventsPerSecond(),
                    offered,
                    maxHeap,
                    maxRss,
                    rssAfter,
                    oom,
                    exact,
                    stored - before);
        }
    }

    private void report(
            Properties s,
            double saturation,
            double offered,
            long maxHeap,
            long maxRss,
            double rssAfter,
            boolean oom,
            Exactness exact,
            long storedDuringLoad) {
        long requests = n(s, "requests");
        long ok = n(s, "ok");
        long refused = n(s, "status429") + n(s, "status503");
        long bad = n(s, "otherStatus") + n(s, "errors") + n(s, "refusedWithoutRetryAfter");
        Row.limit(
                String.format(
                        Locale.ROOT,
                        "collector overload: %.0f events/s offered (%.1f × saturation %.0f) for %d s",
                        offered,
                        offered / saturation,
                        saturation,
                        seconds),
                String.format(
                        Locale.ROOT,
                        "%d requests: %d 2xx (%.0f events/s acked), %d 503 + %d 429 with Retry-After, %d without,"
                                + " %d other or no answer; p99 2xx %s ms, refusal %s ms",
                        requests,
                        ok,
                        n(s, "ackedEvents") / Double.parseDouble(s.getProperty("offeredSeconds")),
                        n(s, "status503"),
                        n(s, "status429"),
                        n(s, "refusedWithoutRetryAfter"),
                        n(s, "otherStatus") + n(s, "errors"),
                        s.getProperty("okP99Millis"),
                        s.getProperty("refusedP99Millis")),
                refused > 0
                        ? "excess answered 429/503 with Retry-After"
                        : "excess answered 429/503 with Retry-After (nothing was refused: the offer did not overload"
                                + " the collector)",
                bad == 0 && n(s, "notSent") == 0 && refused > 0);
        Row.limit(
                "collector overload: heap",
                String.format(
                        Locale.ROOT, "max used %.0f MB of -Xmx %s%s", maxHeap / 1048576.0, xmx(), oom ? ", OOM" : ""),
                "bounded (below -Xmx, no OutOfMemoryError)",
                !oom && maxHeap > 0);
        Row.limit(
                "collector overload: every 2xx event stored exactly once",
                String.format(
                        Locale.ROOT,
                        "%d acked events: %d stored once, %d missing, %d stored twice (%d rows stored during the load)",
                        exact.acked,
                        exact.acked - exact.missing,
                        exact.missing,
                        exact.duplicates,
                        storedDuringLoad),
                "0 missing, 0 twice",
                exact.missing == 0 && exact.duplicates == 0 && exact.acked == n(s, "ackedEvents"));
        long limitMb = k8sLimitMi();
        Row.print(
                "collector RSS after the load",
                String.format(Locale.ROOT, "%.0f MB (max %.0f MB during it)", rssAfter, maxRss / 1048576.0),
                String.format(Locale.ROOT, "k8s memory limit %d Mi", limitMb),
                String.format(Locale.ROOT, "%.2f", maxRss / 1048576.0 / limitMb),
                "≤ 1.00 (within the limit)",
                maxRss / 1048576.0 <= limitMb ? "yes" : "no");
    }

    private static long n(Properties s, String key) {
        return Long.parseLong(s.getProperty(key, "0"));
    }

    private String xmx() {
        try {
            Matcher m = Pattern.compile("-Xmx(\\S+)")
                    .matcher(Files.readString(repo.resolve("event-collector/src/main/docker/jvm.options")));
            return m.find() ? m.group(1) : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    private long k8sLimitMi() {
        try {
            Matcher m = K8S_LIMIT.matcher(Files.readString(repo.resolve("k8s/base/event-collector.yaml")));
            return m.find() ? Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The heap in use (sum of the heap pools) from the collector's /q/metrics, 0 when unreadable. */
    private long heapUsed(ServiceProcess collector) {
        try {
            String text = http.send(
                            HttpRequest.newBuilder(URI.create(collector.managementUrl() + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    record Exactness(long acked, long missing, long duplicates) {}

    /** The acked eventIds against the raw store: how many are missing, how many stored more than once. */
    private Exactness exactness(String database, Path ackedIds) throws Exception {
        try (Connection c = infra.postgres().connect(database);
                Statement st = c.createStatement()) {
            st.execute("create temporary table acked (event_id uuid)");
            try (Reader r = Files.newBufferedReader(ackedIds)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY acked FROM STDIN", r);
            }
            long acked = single(st, "select count(*) from acked");
            long missing = single(
                    st,
                    "select count(*) from acked a where not exists"
                            + " (select 1 from user_interaction_event e where e.event_id = a.event_id)");
            long duplicates = single(
                    st,
                    "select count(*) from (select e.event_id from user_interaction_event e join acked a using (event_id)"
                            + " group by e.event_id having count(*) > 1) d");
            log("exactness: %d acked, %d missing, %d stored twice", acked, missing, duplicates);
            return new Exactness(acked, missing, duplicates);
        }
    }

    private static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until group event-collector-raw-store has committed the topic's end, and the end stayed put for 2 s. */
    private void awaitRawStoreCaughtUp(String topic, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            long lastEnd = -1;
            while (true) {
                long end = ConsumerBench.endOffsets(admin, topic);
                long committed = ConsumerBench.committedOffsets(admin, "event-collector-raw-store", topic);
                if (committed >= end && end == lastEnd) {
                    log("raw store caught up: %d records committed", committed);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw store committed " + committed + " of " + end);
                }
                lastEnd = committed >= end ? end : -1;
                TimeUnit.SECONDS.sleep(2);
            }
        }
    }

    /** Waits until the raw store holds at least {@code expected} rows; returns its count. */
    private long awaitStored(String database, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = infra.postgres().connect(database);
                Statement st = c.createStatement()) {
            while (true) {
                long n = single(st, "select count(*) from user_interaction_event");
                if (n >= expected) {
                    return n;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw store holds " + n + " of " + expected + " rows");
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    /** The java executable of this JVM (the load generator runs on the same Java). */
    private static final class ServiceProcessJava {
        static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
