package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Credentials;
import com.newsmell.infra.Infra;
import com.newsmell.infra.KafkaBroker;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.Tokens;
import com.newsmell.simulator.traffic.CollectorClient;
import com.newsmell.simulator.traffic.RunReport;
import com.newsmell.simulator.traffic.Simulator;
import com.newsmell.simulator.traffic.SimulatorOptions;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer benchmarks (session-service, perfume-stats-service) share: their options, the set-up (Kafka,
 * PostgreSQL, the collector and the service as processes), sustained consumption against
 * {@code kafka-consumer-perf-test} on the same topic, and freshness probes from the collector's 202 to the API.
 *
 * <p>Common options: {@code [--events N] [--probes N] [--load-rate R] [--concurrency C] [--repo DIR]}.
 */
abstract class ConsumerBench {

    private static final Duration READY = Duration.ofMinutes(6);

    long events = 20_000;
    int probes = 200;
    int loadRate = 500;
    int concurrency = 4;
    /** Whether the consumer figure is a catch-up on a pre-filled topic (issue 17), else consumption while sending. */
    boolean prefilledRun = true;

    Path repo = Path.of("..").toAbsolutePath().normalize();

    final HttpClient http = HttpClient.newHttpClient();
    Infra infra;
    Path work;

    final String service;
    final String database;
    final Map<String, String> serviceConfig;

    /**
     * @param service the service's module name, which is also its consumer group
     * @param database the service's database (before the run id is added)
     * @param serviceConfig configuration of the service process, e.g. its scheduled jobs turned off
     */
    ConsumerBench(String service, String database, Map<String, String> serviceConfig) {
        this.service = service;
        this.database = database;
        this.serviceConfig = withPromptCommits(serviceConfig);
    }

    /**
     * A service's configuration with its interaction consumer committing every 100 ms instead of SmallRye's throttled
     * default of 5 s: the drains are timed by the committed offsets, which would otherwise lag the work by up to 5 s.
     */
    static Map<String, String> withPromptCommits(Map<String, String> config) {
        Map<String, String> prompt = new HashMap<>(config);
        prompt.put("mp.messaging.incoming.interactions.auto.commit.interval.ms", "100");
        return Map.copyOf(prompt);
    }

    /** Measures, with the collector and the service running, and prints RESULT lines. */
    abstract void measure(ServiceProcess collector, ServiceProcess service, String topic) throws Exception;

    /** A service-specific option; false when the name is unknown. */
    boolean option(String name, String value) {
        return false;
    }

    /** Runs a benchmark from {@code main}: exit 2 on bad options, 1 on failure. */
    static void main(ConsumerBench bench, String[] args) {
        int exit = 0;
        try {
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
                case "--events" -> events = Long.parseLong(v);
                case "--probes" -> probes = Integer.parseInt(v);
                case "--load-rate" -> loadRate = Integer.parseInt(v);
                case "--concurrency" -> concurrency = Integer.parseInt(v);
                case "--prefilled" -> prefilledRun = Boolean.parseBoolean(v);
                case "--repo" -> repo = Path.of(v).toAbsolutePath().normalize();
                default -> {
                    if (!option(args[i], v)) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                }
            }
        }
    }

    /** Starts Kafka and PostgreSQL, makes the run's work directory, and logs the machine. */
    void startInfra() throws Exception {
        log("starting Kafka and PostgreSQL ...");
        infra = Infra.shared();
        work = Files.createDirectories(
                Path.of("target", "bench-" + infra.runId()).toAbsolutePath());
        log("machine: %s", Machine.describe(infra).oneLine());
    }

    /** Starts Kafka, PostgreSQL, the collector and the service, then {@link #measure}s; a benchmark may run its own. */
    void run() throws Exception {
        startInfra();
        String topic = infra.topic(ServiceConfig.INTERACTIONS);
        try (ServiceProcess collector = ServiceProcess.start(repo, "event-collector", "collector", Map.of())
                .awaitReady(READY)) {
            if (prefill()) {
                fill(collector, topic, 41);
            }
            long starting = System.nanoTime();
            try (ServiceProcess consumer =
                    ServiceProcess.start(repo, service, database, serviceConfig).awaitReady(READY)) {
                double ready = (System.nanoTime() - starting) / 1e9;
                Row.limit(service + ": JVM start to ready, alone", String.format("%.1f s", ready), "≤ 3 s", ready <= 3);
                log(
                        "collector at %s, %s at %s (logs: %s, %s)",
                        collector.baseUrl(), service, consumer.baseUrl(), collector.log(), consumer.log());
                measure(collector, consumer, topic);
                double rss = consumer.residentBytes() / 1048576.0;
                Row.limit(service + ": RSS after its load", String.format("%.0f MB", rss), "≤ 300 MB", rss <= 300);
            }
        }
    }

    /**
     * Whether the topic is filled with {@code --events} events before the service starts ({@link #drained}); false:
     * the service consumes while the simulator sends ({@link #sustained}).
     */
    boolean prefill() {
        return prefilledRun;
    }

    /**
     * The consumer figure: with a pre-filled topic ({@code --prefilled true}, the default) the catch-up of
     * {@link #drained}, else the live consumption of {@link #sustained}; printed and returned.
     */
    Sustained consumption(ServiceProcess collector, String topic, long seed, String stored) throws Exception {
        Sustained s = prefill() ? drained(topic) : sustained(collector, topic, seed);
        logSustained(s, stored);
        return s;
    }

    /** Drains the pre-filled topic ({@link #drained(String)}) and logs its figure with what the service stored. */
    /** Drains the topic, then logs the figure with {@code stored}, which is read after the drain (what it stored). */
    void logDrained(String topic, Callable<String> stored) throws Exception {
        Sustained drained = drained(topic);
        logSustained(drained, stored.call());
    }

    /** Events sent to the topic by {@link #fill} before the service started. */
    long prefilled;

    /** Sends {@code --events} events through the collector at max rate, before the service starts. */
    void fill(ServiceProcess collector, String topic, long seed) {
        RunReport sent = Simulator.run(SimulatorOptions.defaults()
                .withUrl(collector.baseUrl())
                .withWriteKey(collector.writeKey())
                .withEvents(events)
                .withRate(0)
                .withBatchSize(50)
                .withConcurrency(concurrency)
                .withSeed(seed)
                .withQuiet(true));
        prefilled = sent.accepted();
        log("pre-filled %s with %s", topic, sent.summaryLine());
    }

    /**
     * The service drains the pre-filled topic: events/s = the records it committed between its first committed
     * offset and the end of the topic / that time (its start-up is not counted). The reference is
     * kafka-consumer-perf-test reading the same records.
     */
    Sustained drained(String topic) throws Exception {
        return drained(topic, service, prefilled);
    }

    /** {@link #drained(String)} by the consumer group {@code group}, of a topic that holds {@code records} records. */
    Sustained drained(String topic, String group, long records) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        long firstCommitted = -1;
        long firstAt = 0;
        try (Admin admin = Admin.create(props)) {
            long end = endOffsets(admin, topic);
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (System.nanoTime() < deadline) {
                long committed = committedOffsets(admin, group, topic);
                long now = System.nanoTime();
                if (firstCommitted < 0 && committed > 0) {
                    firstCommitted = committed;
                    firstAt = now;
                }
                if (committed >= end) {
                    double seconds = (now - firstAt) / 1e9;
                    return new Sustained(end - firstCommitted, seconds, kafkaConsumerPerf(topic, records));
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(group + " did not drain " + topic + " within 30 minutes");
        }
    }

    /** The sum of the topic's end offsets over its partitions. */
    static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(o -> o.offset())
                .sum();
    }

    /** The sum of the offsets {@code group} has committed on the topic's partitions. */
    static long committedOffsets(Admin admin, String group, String topic) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    /** The one number a query over the service's database answers ({@code select count(*) …}). */
    long count(String sql) throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A JDBC connection to the service's database. */
    Connection connect() throws Exception {
        return infra.postgres().connect(infra.database(database));
    }

    // ------------------------------------------------------------------ sustained consumption

    record Sustained(long events, double seconds, double kafkaRecordsPerSecond) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * The simulator sends {@code --events} events through the collector at max rate; events/s = events / (first
     * send → the service's group has committed the end of the topic). The reference is kafka-consumer-perf-test
     * reading the same records.
     */
    Sustained sustained(ServiceProcess collector, String topic, long seed) throws Exception {
        Instant start = Instant.now();
        RunReport sent = Simulator.run(SimulatorOptions.defaults()
                .withUrl(collector.baseUrl())
                .withWriteKey(collector.writeKey())
                .withEvents(events)
                .withRate(0)
                .withBatchSize(50)
                .withConcurrency(concurrency)
                .withSeed(seed)
                .withQuiet(true));
        log("sent %s", sent.summaryLine());
        Instant caughtUp = awaitCaughtUp(topic, Duration.ofMinutes(30));
        double seconds = Duration.between(start, caughtUp).toNanos() / 1e9;
        return new Sustained(sent.accepted(), seconds, kafkaConsumerPerf(topic, sent.accepted()));
    }

    void logSustained(Sustained s, String stored) {
        Row.ratio(
                service + (prefill() ? ": catch-up of a pre-filled topic" : ": consumption while sending"),
                s.eventsPerSecond(),
                s.kafkaRecordsPerSecond(),
                "events/s",
                "kafka-consumer-perf-test",
                0.3);
        log(
                "RESULT sustained: %d events in %.1f s = %.0f events/s into PostgreSQL%s"
                        + " (kafka-consumer-perf-test on the same topic: %.0f records/s)",
                s.events(), s.seconds(), s.eventsPerSecond(), stored, s.kafkaRecordsPerSecond());
    }

    /** Waits until the service's group has committed the end of every partition of the topic; returns when. */
    private Instant awaitCaughtUp(String topic, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service)
                        .partitionsToOffsetAndMetadata()
                        .get();
                var partitions = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                boolean done = ends.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return e.getValue().offset() == 0
                            || (c != null && c.offset() >= e.getValue().offset());
                });
                if (done) {
                    return Instant.now();
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(service + " did not catch up within " + timeout);
        }
    }

    /** kafka-consumer-perf-test (ConsumerPerformance) over the topic in a child JVM; returns records/s. */
    double kafkaConsumerPerf(String topic, long records) throws Exception {
        Path out = work.resolve("kafka-consumer-perf-test.log");
        List<String> command = List.of(
                KafkaBroker.javaExecutable(),
                "-Xmx512m",
                "-cp",
                KafkaBroker.classpath(),
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server",
                infra.kafkaBootstrapServers(),
                "--topic",
                topic,
                "--messages",
                Long.toString(records),
                "--group",
                "bench-consumer-perf-" + UUID.randomUUID(),
                "--timeout",
                "60000");
        log("kafka-consumer-perf-test: %d records from %s ...", records, topic);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("kafka-consumer-perf-test timed out, see " + out);
        }
        // CSV: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        List<String> lines = Files.readAllLines(out);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] cols = lines.get(i).split(",\\s*");
            if (cols.length >= 6 && cols[5].matches("[0-9.]+")) {
                log("kafka-consumer-perf-test: %s", lines.get(i));
                return Double.parseDouble(cols[5]);
            }
        }
        throw new IllegalStateException(
                "kafka-consumer-perf-test gave no result (exit " + p.exitValue() + "), see " + out);
    }

    // ------------------------------------------------------------------ freshness

    /** The eventData every field of the seed's PageViewEvent requires (ADR 0014): what a probe page view carries. */
    static com.fasterxml.jackson.databind.node.ObjectNode pageViewData() {
        var data = com.newsmell.contract.EventCodec.mapper().createObjectNode();
        data.put("title", "probe")
                .put("viewDuration", 1000.0)
                .put("scrollDepth", 50.0)
                .put("timeToInteraction", 500.0)
                .put("source", "direct")
                .put("deviceType", "desktop")
                .putObject("viewport")
                .put("width", 1280)
                .put("height", 800);
        return data;
    }

    /** A probe event, the API address that shows it, and the text there that says it has arrived. */
    record Probe(UserInteractionEvent event, URI visibleAt, String arrived) {}

    /**
     * While the simulator sends {@code --load-rate} events/s, {@code --probes} probes go through the collector one
     * by one; returns, per probe, the milliseconds from the collector's 202 to the probe being visible in the API.
     */
    List<Double> freshness(ServiceProcess collector, long seed, IntFunction<Probe> probeNumber) throws Exception {
        Thread load = new Thread(() -> Simulator.run(SimulatorOptions.defaults()
                .withUrl(collector.baseUrl())
                .withWriteKey(collector.writeKey())
                .withEvents((long) loadRate * Math.max(10, probes / 4))
                .withRate(loadRate)
                .withBatchSize(20)
                .withConcurrency(2)
                .withSeed(seed)
                .withQuiet(true)));
        load.setDaemon(true);
        load.start();
        CollectorClient client =
                new CollectorClient(URI.create(collector.baseUrl()), Duration.ofSeconds(10), 3, collector.writeKey());
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            Probe probe = probeNumber.apply(i);
            CollectorClient.BatchOutcome outcome = client.send(List.of(probe.event()));
            long accepted = System.nanoTime();
            if (outcome.status() != 202 || outcome.accepted() != 1) {
                throw new IllegalStateException("probe not accepted: " + outcome);
            }
            long deadline = accepted + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(probe.visibleAt())
                                .header(
                                        "Authorization",
                                        Credentials.bearer(Tokens.shared().analyst()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains(probe.arrived())) {
                    millis.add((System.nanoTime() - accepted) / 1e6);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("probe not visible at " + probe.visibleAt() + " after 60 s");
                }
                Thread.sleep(2);
            }
        }
        load.join(TimeUnit.MINUTES.toMillis(10));
        return millis;
    }

    void logFreshness(List<Double> freshness) {
        double p99 = percentile(freshness, 0.99);
        Row.limit(
                service + ": freshness p99, " + loadRate + " events/s of load",
                String.format("%.0f ms", p99),
                "≤ 1000 ms",
                p99 <= 1000);
        log(
                "RESULT freshness (collector 202 -> visible in the API), %d probes at ~%d events/s of load:"
                        + " p50 %.0f ms, p99 %.0f ms",
                freshness.size(), loadRate, percentile(freshness, 0.50), percentile(freshness, 0.99));
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
