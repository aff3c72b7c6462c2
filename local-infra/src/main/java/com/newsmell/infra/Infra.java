package com.newsmell.infra;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The infrastructure of one run (a test JVM, or a local start): one Kafka broker and one PostgreSQL
 * server, either the ones the environment points at or embedded children of this JVM.
 *
 * <p>Configured by environment variables (or system properties of the same name in lower case with dots):
 * {@code NEWSMELL_KAFKA_BOOTSTRAP_SERVERS}, {@code NEWSMELL_PG_HOST}, {@code NEWSMELL_PG_PORT}, {@code
 * NEWSMELL_PG_USER}, {@code NEWSMELL_PG_PASSWORD}. Every run gets unique topic and database names.
 *
 * <p>One JVM starts at most one broker and one server. Quarkus loads this class again for every test profile
 * (each {@code @TestProfile} has its own class loader, so its own {@link #shared}); the first instance therefore
 * publishes its endpoints as JVM-wide system properties, and a later instance attaches to them like to an
 * external broker and server, with its own run id (so its own topics and databases), and stops nothing.
 */
public final class Infra {

    private static Infra shared;

    /** System properties through which the JVM's first Infra shares its broker and server (see the class doc). */
    private static final String OWNER_KAFKA = "newsmell-infra.kafka";

    private static final String OWNER_PG = "newsmell-infra.pg";

    private static final String OWNER_PG_EMBEDDED = "newsmell-infra.pg-embedded";

    private final boolean attached;

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
        Optional<String> ownerKafka = Optional.ofNullable(System.getProperty(OWNER_KAFKA));
        Optional<String> ownerPg = Optional.ofNullable(System.getProperty(OWNER_PG));
        this.attached = ownerKafka.isPresent() && ownerPg.isPresent();
        Optional<String> kafka = attached ? ownerKafka : setting("NEWSMELL_KAFKA_BOOTSTRAP_SERVERS");
        this.broker = kafka.isPresent() ? null : new KafkaBroker(this.dir.resolve("kafka"), ChildProcesses.freePort());
        this.kafkaBootstrapServers = broker == null ? kafka.get() : broker.bootstrapServers();
        this.postgres = attached
                ? attachedPostgres(ownerPg.get())
                : setting("NEWSMELL_PG_HOST")
                        .map(host -> PostgresServer.external(
                                host,
                                Integer.parseInt(setting("NEWSMELL_PG_PORT").orElse("5432")),
                                setting("NEWSMELL_PG_USER").orElse("postgres"),
                                setting("NEWSMELL_PG_PASSWORD").orElse("postgres")))
                        .orElseGet(
                                () -> PostgresServer.embedded(this.dir.resolve("postgres"), ChildProcesses.freePort()));
    }

    private static PostgresServer attachedPostgres(String hostPortUserPassword) {
        String[] parts = hostPortUserPassword.split("\n", 4);
        return PostgresServer.external(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]);
    }

    /** The run's infrastructure, started on first use and stopped when the JVM exits. */
    public static synchronized Infra shared() {
        if (shared == null) {
            Infra infra = new Infra(Path.of(
                    "target", "newsmell-infra-" + ProcessHandle.current().pid()));
            if (infra.attached) {
                // The owner deletes an embedded server's whole folder; on an external one our databases are ours to
                // drop.
                if (!Boolean.getBoolean(OWNER_PG_EMBEDDED)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(infra::stopAndClean, "newsmell-infra-drop"));
                }
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(infra::stopAndClean, "newsmell-infra-stop"));
                infra.start();
                System.setProperty(OWNER_PG_EMBEDDED, Boolean.toString(infra.postgres.isEmbedded()));
                System.setProperty(OWNER_KAFKA, infra.kafkaBootstrapServers);
                PostgresServer pg = infra.postgres;
                System.setProperty(
                        OWNER_PG, String.join("\n", pg.host(), Integer.toString(pg.port()), pg.user(), pg.password()));
            }
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

    /** Whether this instance uses the broker and server of the JVM's first Infra (see the class doc). */
    public boolean attached() {
        return attached;
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

    /**
     * A topic unique to this run, created with four partitions on first use; compacted when its base name is one of
     * {@link ServiceConfig#COMPACTED}.
     */
    public String topic(String base) {
        return topics.computeIfAbsent(base, b -> {
            String name = b + "-" + runId;
            KafkaBroker.createTopics(
                    kafkaBootstrapServers,
                    Map.of(name, 4),
                    ServiceConfig.COMPACTED.contains(b) ? Set.of(name) : Set.of());
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
