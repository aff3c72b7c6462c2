package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.javaExecutable;
import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.infra.Infra;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the consumer benchmarks (session-service, perfume-stats-service) share. */
final class ConsumerBenchmarks {

    private ConsumerBenchmarks() {}

    /** Waits until the group has committed the end of every partition of the topic; returns when. */
    static Instant awaitCaughtUp(Infra infra, String group, String topic, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
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
            throw new IllegalStateException(group + " did not catch up within " + timeout);
        }
    }

    /** kafka-consumer-perf-test (ConsumerPerformance) over the topic in a child JVM; returns records/s. */
    static double kafkaConsumerPerf(Infra infra, Path work, String topic, long records) throws Exception {
        Path out = work.resolve("kafka-consumer-perf-test.log");
        List<String> command = List.of(
                javaExecutable(),
                "-Xmx512m",
                "-cp",
                kafkaClasspath(),
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

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** local-infra's runtime classpath: the Kafka server and tools jars. */
    static String kafkaClasspath() throws Exception {
        try (InputStream in = Infra.class.getResourceAsStream("/META-INF/newsmell/runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath resource missing: build local-infra with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
