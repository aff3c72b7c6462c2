package com.newsmell.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run from the Maven Central
 * jars in a child JVM. Every replication factor and min.isr is 1.
 */
public final class KafkaBroker {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.controllerPort = ChildProcesses.freePort();
    }

    /** The classpath of the Kafka server and tools jars (kafka-*-perf-test included), to run them in a child JVM. */
    public static String classpath() {
        return ChildProcesses.runtimeClasspath();
    }

    /** The {@code java} executable of this JVM, to start child JVMs with. */
    public static String javaExecutable() {
        return ChildProcesses.javaExecutable();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return dir.resolve("kafka.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path config = writeConfig();
            String classpath = ChildProcesses.runtimeClasspath();
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                ChildProcesses.run(
                        List.of(
                                ChildProcesses.javaExecutable(),
                                "-cp",
                                classpath,
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                clusterId(),
                                "-c",
                                config.toString(),
                                "--ignore-formatted"),
                        dir.resolve("format.log"),
                        Duration.ofMinutes(2));
            }
            process = ChildProcesses.start(
                    List.of(
                            ChildProcesses.javaExecutable(),
                            "-Xms256m",
                            "-Xmx768m",
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-Dlog4j2.level=WARN",
                            "-cp",
                            classpath,
                            "kafka.Kafka",
                            config.toString()),
                    logFile());
            ChildProcesses.waitFor("Kafka on port " + port, Duration.ofMinutes(2), this::answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        ChildProcesses.stop(process, "TERM", Duration.ofSeconds(30));
        process = null;
        ChildProcesses.waitFor(
                "Kafka port " + port + " to close", Duration.ofSeconds(30), () -> !ChildProcesses.portOpen(port));
    }

    /** Creates the topics that do not exist yet, with the given partition counts. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(bootstrapServers(), partitionsByTopic);
    }

    public static void createTopics(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        createTopics(bootstrapServers, partitionsByTopic, Set.of());
    }

    /** Creates the topics that do not exist yet; those named in {@code compacted} with cleanup.policy=compact. */
    public static void createTopics(
            String bootstrapServers, Map<String, Integer> partitionsByTopic, Set<String> compacted) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                    .map(e -> {
                        NewTopic topic = new NewTopic(e.getKey(), e.getValue(), (short) 1);
                        return compacted.contains(e.getKey())
                                ? topic.configs(Map.of("cleanup.policy", "compact"))
                                : topic;
                    })
                    .collect(Collectors.toList());
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    private boolean answers() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException("Kafka exited with " + process.exitValue() + ", see " + logFile() + ":\n"
                    + ChildProcesses.tail(logFile(), 30));
        }
        if (!ChildProcesses.portOpen(port)) {
            return false;
        }
        try (Admin admin = Admin.create(adminConfig(bootstrapServers()))) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static Properties adminConfig(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return props;
    }

    static String clusterId() {
        // A Kafka cluster id is a URL-safe base64 UUID of 22 characters. One that starts with '-' would be
        // read as an option by the storage tool's argument parser, so draw again.
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
            buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
            if (Character.isLetterOrDigit(id.charAt(0))) {
                return id;
            }
        }
    }

    private Path writeConfig() throws IOException {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dir.resolve("data").toString());
        config.put("num.partitions", "4");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "4");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        config.put("log.retention.hours", "168");
        Path file = dir.resolve("server.properties");
        Files.writeString(
                file,
                config.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }
}
