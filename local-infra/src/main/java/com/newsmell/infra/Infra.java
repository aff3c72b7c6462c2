package com.newsmell.infra;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The infrastructure of one run (a test JVM, or a local start): one Kafka broker and one PostgreSQL
 * server, either the ones the environment points at or embedded children of this JVM.
 *
 * <p>Configured by environment variables (or system properties of the same name in lower case with dots):
 * {@code NEWSMELL_KAFKA_BOOTSTRAP_SERVERS}, {@code NEWSMELL_PG_HOST}, {@code NEWSMELL_PG_PORT}, {@code
 * NEWSMELL_PG_USER}, {@code NEWSMELL_PG_PASSWORD}. Every run gets unique topic and database names.
 */
public final class Infra {

    private static Infra shared;

    private final String runId;
    private final Path dir;
    private final KafkaBroker broker;
    private final String kafkaBootstrapServers;
    private final PostgresServer postgres;
    private final Map<String, String> databases = new ConcurrentHashMap<>();
    private final Map<String, String> topics = new ConcurrentHashMap<>();

    private Infra(Path dir) {
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.dir = dir.toAbsolutePath();
        Optional<String> kafka = setting("NEWSMELL_KAFKA_BOOTSTRAP_SERVERS");
        this.broker = kafka.isPresent() ? null : new KafkaBroker(this.dir.resolve("kafka"), ChildProcesses.freePort());
        this.kafkaBootstrapServers = kafka.orElseGet(broker::bootstrapServers);
        this.postgres = setting("NEWSMELL_PG_HOST")
                .map(host -> PostgresServer.external(
                        host,
                        Integer.parseInt(setting("NEWSMELL_PG_PORT").orElse("5432")),
                        setting("NEWSMELL_PG_USER").orElse("postgres"),
                        setting("NEWSMELL_PG_PASSWORD").orElse("postgres")))
                .orElseGet(() -> PostgresServer.embedded(this.dir.resolve("postgres"), ChildProcesses.freePort()));
    }

    /** The run's infrastructure, started on first use and stopped when the JVM exits. */
    public static synchronized Infra shared() {
        if (shared == null) {
            Infra infra = new Infra(Path.of(
                    "target", "newsmell-infra-" + ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stopAndClean, "newsmell-infra-stop"));
            infra.start();
            shared = infra;
        }
        return shared;
    }

    public String runId() {
        return runId;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The embedded broker, to stop and restart it in tests; empty when an external broker is used. */
    public Optional<KafkaBroker> broker() {
        return Optional.ofNullable(broker);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** A database unique to this run for the given service, created on first use. */
    public String database(String service) {
        return databases.computeIfAbsent(service, s -> {
            String name = (s + "_" + runId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            postgres.createDatabase(name);
            return name;
        });
    }

    /** A topic unique to this run, created with four partitions on first use. */
    public String topic(String base) {
        return topics.computeIfAbsent(base, b -> {
            String name = b + "-" + runId;
            KafkaBroker.createTopics(kafkaBootstrapServers, Map.of(name, 4));
            return name;
        });
    }

    private void start() {
        if (broker != null) {
            broker.start();
        }
        postgres.start();
    }

    private void stopAndClean() {
        if (broker != null) {
            broker.stop();
        }
        if (postgres.isEmbedded()) {
            postgres.stop();
            ChildProcesses.deleteRecursively(dir);
        } else {
            databases.values().forEach(db -> {
                try {
                    postgres.dropDatabase(db);
                } catch (RuntimeException e) {
                    System.err.println("could not drop " + db + ": " + e.getMessage());
                }
            });
        }
    }

    static Optional<String> setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
