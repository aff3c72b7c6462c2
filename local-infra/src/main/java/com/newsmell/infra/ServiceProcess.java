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
 * run's Kafka and PostgreSQL: what the end-to-end tests and the benchmarks drive through HTTP only.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private String writeKey;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <repo>/<module>/target/quarkus-app/quarkus-run.jar} on a free port with its own database
     * of this run, and the run's topics.
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
        Map<String, String> config = new LinkedHashMap<>(Map.of("quarkus.http.port", Integer.toString(port)));
        config.putAll(extraConfig);
        List<String> command = command(repo, module, database, config, List.of());
        Path log = Path.of("target", "services", instance + ".log").toAbsolutePath();
        return new ServiceProcess(instance, port, ChildProcesses.start(command, log), log);
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

    /** Waits until /q/health/ready answers 200. */
    public ServiceProcess awaitReady(Duration timeout) {
        ChildProcesses.awaitHttpOk(name, baseUrl() + "/q/health/ready", process, log, timeout);
        return this;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, "TERM", Duration.ofSeconds(20));
    }
}
