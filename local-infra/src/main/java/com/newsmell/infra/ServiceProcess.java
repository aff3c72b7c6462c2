package com.newsmell.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the five services, built by Maven (target/quarkus-app), run as its own JVM process against the
 * run's Kafka and PostgreSQL: what the end-to-end tests and the benchmarks drive through HTTP only. Each process gets
 * two free ports: its API ({@link #baseUrl()}) and its management interface ({@link #managementUrl()}: /q/health and
 * /q/metrics, ADR 0075), so that several replicas of one service run side by side.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private String writeKey;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <repo>/<module>/target/quarkus-app/quarkus-run.jar} on a free port (and a free management port)
     * with its own database of this run, and the run's topics.
     */
    public static ServiceProcess start(Path repo, String module, String database, Map<String, String> extraConfig) {
        return start(repo, module, database, extraConfig, module);
    }

    /**
     * The same, for one of several replicas of a module: {@code instance} names its log ({@code target/services/
     * <instance>.log}).
     */
    public static ServiceProcess start(
            Path repo, String module, String database, Map<String, String> extraConfig, String instance) {
        int port = ChildProcesses.freePort();
        int managementPort = ChildProcesses.freePort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.management.port", Integer.toString(managementPort));
        config.putAll(extraConfig);
        List<String> command = command(repo, module, database, config, List.of());
        Path log = Path.of("target", "services", instance + ".log").toAbsolutePath();
        return new ServiceProcess(instance, port, managementPort, ChildProcesses.start(command, log, IMAGE_ENVIRONMENT), log);
    }

    /**
     * Runs a command-mode module ({@code event-archiver}) to its end with its own database of this run and the run's
     * topics and brokers, plus {@code extraConfig}; fails with its log's tail unless it exits 0 within the timeout.
     */
    public static void runToEnd(
            Path repo,
            String module,
            String database,
            Map<String, String> extraConfig,
            List<String> args,
            Duration timeout) {
        Map<String, String> config = new LinkedHashMap<>(Map.of(
                "newsmell.archiver.kafka-bootstrap-servers", Infra.shared().kafkaBootstrapServers()));
        config.putAll(extraConfig);
        String name = module + "-" + String.join("-", args).replaceAll("[^a-z0-9-]", "");
        ChildProcesses.run(
                command(repo, module, database, config, args),
                Path.of("target", "services", name + ".log").toAbsolutePath(),
                timeout);
    }

    /** {@code java <memory> -D<the run's config, then config> -jar <module's quarkus-run.jar> <args>}. */
    private static List<String> command(
            Path repo, String module, String database, Map<String, String> extraConfig, List<String> args) {
        Path jar = repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the module first (./mvnw package)");
        }
        Map<String, String> config = new LinkedHashMap<>(ServiceConfig.forService(Infra.shared(), database));
        config.putAll(extraConfig);
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable()));
        command.addAll(memoryOptions(repo, module));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** What the services' images set for the JVM's process (Dockerfile.jvm): two glibc malloc arenas. */
    static final Map<String, String> IMAGE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * The module's JVM memory options: its image's {@code src/main/docker/jvm.options} when it has one (the service
     * runs here as it runs deployed), else a small serial-collected heap.
     */
    static List<String> memoryOptions(Path repo, String module) {
        Path options = repo.resolve(module).resolve("src/main/docker/jvm.options");
        if (Files.exists(options)) {
            return List.of("@" + options.toAbsolutePath());
        }
        return List.of(
                "-Xms64m",
                module.equals("event-collector") ? "-Xmx768m" : "-Xmx384m", // YAUAA's rules need room
                "-XX:+UseSerialGC");
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: {@code <managementUrl>/q/health/ready}, {@code <managementUrl>/q/metrics}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** A write key of this collector (issue 16), created through its admin API on the first call. */
    public synchronized String writeKey() {
        if (writeKey == null) {
            writeKey = Credentials.createWriteKey(baseUrl(), "server");
        }
        return writeKey;
    }

    public Path log() {
        return log;
    }

    /** The resident set size of the service's JVM in bytes (Linux {@code /proc/<pid>/status}), or -1 if unknown. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    /** Waits until /q/health/ready answers 200 on the management port. */
    public ServiceProcess awaitReady(Duration timeout) {
        ChildProcesses.awaitHttpOk(name, managementUrl() + "/q/health/ready", process, log, timeout);
        return this;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, "TERM", Duration.ofSeconds(20));
    }
}
