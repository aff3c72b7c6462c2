package com.newsmell.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Starts Kafka and PostgreSQL for a local run, with data under one folder, creates the databases and
 * topics, writes an env file for the services, and runs until it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>Arguments: {@code --data-dir DIR --kafka-port N --postgres-port N --databases a,b --topics x,y --env-file F}.
 */
public final class LocalStack {

    private LocalStack() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = parse(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", ".data")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "9092"));
        int pgPort = Integer.parseInt(options.getOrDefault("postgres-port", "15432"));
        List<String> databases =
                Arrays.asList(options.getOrDefault("databases", "").split(","));
        List<String> topics = Arrays.asList(options.getOrDefault("topics", "").split(","));
        Path envFile = Path.of(
                options.getOrDefault("env-file", dataDir.resolve("infra.env").toString()));

        String bootstrap = Infra.setting("NEWSMELL_KAFKA_BOOTSTRAP_SERVERS").orElse(null);
        KafkaBroker broker = bootstrap == null ? new KafkaBroker(dataDir.resolve("kafka"), kafkaPort) : null;
        PostgresServer postgres = Infra.setting("NEWSMELL_PG_HOST")
                .map(host -> PostgresServer.external(
                        host,
                        Integer.parseInt(Infra.setting("NEWSMELL_PG_PORT").orElse("5432")),
                        Infra.setting("NEWSMELL_PG_USER").orElse("postgres"),
                        Infra.setting("NEWSMELL_PG_PASSWORD").orElse("postgres")))
                .orElseGet(() -> PostgresServer.embedded(dataDir.resolve("postgres"), pgPort));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[infra] stopping Kafka and PostgreSQL");
            if (broker != null) {
                broker.stop();
            }
            postgres.stop();
            stopped.countDown();
        }));

        if (broker != null) {
            broker.start();
            bootstrap = broker.bootstrapServers();
        }
        postgres.start();
        for (String db : databases) {
            if (!db.isBlank()) {
                postgres.createDatabase(db.trim());
            }
        }
        Map<String, Integer> topicPartitions = topics.stream()
                .filter(t -> !t.isBlank())
                .collect(Collectors.toMap(String::trim, t -> 4, (a, b) -> a, LinkedHashMap::new));
        KafkaBroker.createTopics(bootstrap, topicPartitions, ServiceConfig.COMPACTED);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("PG_HOST", postgres.host());
        env.put("PG_PORT", Integer.toString(postgres.port()));
        env.put("PG_USER", postgres.user());
        env.put("PG_PASSWORD", postgres.password());
        Files.createDirectories(envFile.toAbsolutePath().getParent());
        Files.writeString(
                envFile,
                env.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n")));
        System.out.println(
                "[infra] ready: Kafka " + bootstrap + ", PostgreSQL " + postgres.host() + ":" + postgres.port());
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
