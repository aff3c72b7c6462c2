package com.newsmell.deployment;

import static com.newsmell.deployment.Yamls.at;
import static com.newsmell.deployment.Yamls.list;
import static com.newsmell.deployment.Yamls.map;
import static com.newsmell.deployment.Yamls.mapAt;
import static com.newsmell.deployment.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks docker-compose.yml at the repository root. */
class DockerComposeTest {

    private static final String KAFKA = "kafka";
    private static final String TOPIC_INIT = "kafka-topics-init";
    private static final String POSTGRES = "postgres";
    private static final String ARCHIVER = "event-archiver";
    private static final String MINIO = "minio";
    private static final List<String> TOPICS = List.of("interaction-events", "interaction-events-dlq");

    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        Path compose = Service.repoRoot().resolve("docker-compose.yml");
        assertTrue(Files.isRegularFile(compose), compose + " is missing");
        Map<String, Object> doc = map(Yamls.parser().load(Files.readString(compose)), "docker-compose.yml");
        services = mapAt(doc, "services");
    }

    @Test
    void declaresAllFiveServicesAndTheInfrastructure() {
        Set<String> expected = new TreeSet<>(Set.of(KAFKA, TOPIC_INIT, POSTGRES, "graphql-gateway", ARCHIVER, MINIO));
        Service.ALL.forEach(s -> expected.add(s.name()));
        assertEquals(expected, new TreeSet<>(services.keySet()));
    }

    @ParameterizedTest(name = "{0}: build, image, port, healthcheck and start-up order")
    @MethodSource("com.newsmell.deployment.Service#all")
    void serviceIsBuiltAndStartedCorrectly(Service service) {
        Map<String, Object> svc = service(service.name());

        Map<String, Object> build = mapAt(svc, "build");
        Path context = Service.repoRoot().resolve(string(build.get("context"))).normalize();
        assertEquals(service.moduleDir(), context, "build context is the module dir");
        assertTrue(Files.isDirectory(context), "build context " + context + " exists");
        assertEquals("src/main/docker/Dockerfile.jvm", string(build.get("dockerfile")));
        assertTrue(Files.isRegularFile(context.resolve(string(build.get("dockerfile")))), "Dockerfile exists");
        assertEquals("newsmell/" + service.name() + ":latest", string(svc.get("image")));

        List<String> ports =
                list(svc.get("ports"), "ports").stream().map(Yamls::string).toList();
        assertTrue(
                ports.contains(service.port() + ":" + service.port()),
                "publishes " + service.port() + " (ports " + ports + ")");
        assertTrue(
                ports.contains((service.port() + 1000) + ":" + Service.MANAGEMENT_PORT),
                "publishes the management interface as " + (service.port() + 1000) + " (ports " + ports + ")");

        String healthcheck = healthcheckCommand(svc);
        assertTrue(
                healthcheck.contains("localhost:" + Service.MANAGEMENT_PORT + "/q/health/ready"),
                "healthcheck on the management interface's /q/health/ready: " + healthcheck);

        Map<String, Object> dependsOn = mapAt(svc, "depends_on");
        assertEquals("service_healthy", string(at(map(dependsOn, "depends_on"), KAFKA + ".condition")));
        assertEquals("service_healthy", string(at(map(dependsOn, "depends_on"), POSTGRES + ".condition")));
        assertEquals(
                "service_completed_successfully", string(at(map(dependsOn, "depends_on"), TOPIC_INIT + ".condition")));
    }

    @ParameterizedTest(name = "{0}: common variables set, PG_DATABASE={0}'s database")
    @MethodSource("com.newsmell.deployment.Service#all")
    void serviceHasCommonVariables(Service service) {
        Map<String, String> env = environment(service(service.name()));
        Set<String> missing = new TreeSet<>(Service.COMMON_VARIABLES);
        missing.removeAll(env.keySet());
        assertTrue(missing.isEmpty(), service.name() + " lacks " + missing);
        assertEquals(service.database(), env.get("PG_DATABASE"));
        assertEquals(POSTGRES, env.get("PG_HOST"));
        assertEquals("kafka:29092", env.get("KAFKA_BOOTSTRAP_SERVERS"), "the broker's in-network listener");
    }

    @ParameterizedTest(name = "{0}: every variable its application.properties reads is set")
    @MethodSource("com.newsmell.deployment.Service#withApplicationProperties")
    void environmentCoversApplicationProperties(Service service) {
        Set<String> missing = new TreeSet<>(service.requiredVariables());
        missing.removeAll(environment(service(service.name())).keySet());
        assertTrue(
                missing.isEmpty(),
                service.name() + " reads " + missing + " (" + service.applicationProperties()
                        + ") but docker-compose.yml does not set them");
    }

    @Test
    void kafkaIsASingleKraftNodeWithReplicationOne() {
        Map<String, Object> kafka = service(KAFKA);
        assertTrue(string(kafka.get("image")).startsWith("apache/kafka:"), "apache/kafka image");
        Map<String, String> env = environment(kafka);
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        for (String required : List.of(
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
                "KAFKA_DEFAULT_REPLICATION_FACTOR",
                "KAFKA_MIN_INSYNC_REPLICAS")) {
            assertEquals("1", env.get(required), required);
        }
        env.forEach((key, value) -> {
            if (key.endsWith("REPLICATION_FACTOR") || key.endsWith("MIN_ISR") || key.endsWith("MIN_INSYNC_REPLICAS")) {
                assertEquals("1", value, key);
            }
        });
        assertNotNull(healthcheckCommand(kafka));
    }

    @Test
    void topicInitCreatesBothTopicsWithFourPartitions() {
        Map<String, Object> init = service(TOPIC_INIT);
        assertEquals("service_healthy", string(at(mapAt(init, "depends_on"), KAFKA + ".condition")));
        String script = String.join(" ", commandParts(init.get("entrypoint"))) + " "
                + String.join(" ", commandParts(init.get("command")));
        assertTrue(script.contains("kafka-topics.sh") && script.contains("--create"), script);
        assertTrue(script.contains("--partitions 4"), "4 partitions: " + script);
        for (String topic : TOPICS) {
            assertTrue(script.contains(topic), "creates " + topic + ": " + script);
        }
    }

    @Test
    void postgresInitScriptCreatesOneDatabasePerService() throws IOException {
        Map<String, Object> postgres = service(POSTGRES);
        assertEquals("postgres:17", string(postgres.get("image")));
        assertNotNull(healthcheckCommand(postgres));

        Path script = list(postgres.get("volumes"), "postgres volumes").stream()
                .map(Yamls::string)
                .filter(v -> v.contains(":/docker-entrypoint-initdb.d/"))
                .map(v -> Service.repoRoot()
                        .resolve(v.substring(0, v.indexOf(':')))
                        .normalize())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no init script mounted into /docker-entrypoint-initdb.d"));
        assertTrue(Files.isRegularFile(script), script + " exists");

        Set<String> created = new TreeSet<>();
        Matcher m =
                Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?([a-z0-9_]+)\"?").matcher(Files.readString(script));
        while (m.find()) {
            created.add(m.group(1));
        }
        Set<String> expected = new TreeSet<>();
        Service.ALL.forEach(s -> expected.add(s.database()));
        assertEquals(expected, created, "databases created by " + script);
    }

    @Test
    void archiverRunsOnDemandAgainstTheLocalObjectStore() {
        Map<String, Object> archiver = service(ARCHIVER);
        Map<String, Object> minio = service(MINIO);
        assertEquals(List.of("archive"), list(archiver.get("profiles"), "profiles"), "not started by `up`");
        assertEquals(List.of("archive"), list(minio.get("profiles"), "profiles"), "not started by `up`");
        assertEquals("no", string(archiver.get("restart")), "a one-shot job");
        assertEquals(
                Service.repoRoot().resolve("event-archiver"),
                Service.repoRoot()
                        .resolve(string(at(archiver, "build.context")))
                        .normalize());
        Map<String, String> env = environment(archiver);
        Set<String> missing =
                new TreeSet<>(new Service(ARCHIVER, 0, "collector").placeholdersInApplicationProperties());
        missing.removeAll(env.keySet());
        assertEquals(Set.of(), missing, "variables the archiver reads");
        assertEquals("s3", env.get("ARCHIVE_STORE"));
        assertEquals("http://" + MINIO + ":9000", env.get("NEWSMELL_ARCHIVER_S3_ENDPOINT"));
        assertTrue(string(at(minio, "command")).contains(env.get("ARCHIVE_S3_BUCKET")), "MinIO creates the bucket");
        assertEquals("service_healthy", string(at(mapAt(archiver, "depends_on"), MINIO + ".condition")));
        assertEquals("service_healthy", string(at(mapAt(archiver, "depends_on"), POSTGRES + ".condition")));
        assertNotNull(healthcheckCommand(minio));
    }

    // --- helpers

    private static Map<String, Object> service(String name) {
        assertTrue(services.containsKey(name), "docker-compose.yml declares no service " + name);
        return map(services.get(name), "service " + name);
    }

    /** Compose allows both {@code KEY: value} maps and {@code - KEY=value} lists. */
    private static Map<String, String> environment(Map<String, Object> svc) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = svc.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(string(k), string(v)));
        } else if (raw instanceof List<?> l) {
            for (Object entry : l) {
                String s = string(entry);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    private static String healthcheckCommand(Map<String, Object> svc) {
        return String.join(" ", commandParts(at(svc, "healthcheck.test")));
    }

    private static List<String> commandParts(Object command) {
        if (command == null) {
            return List.of();
        }
        if (command instanceof List<?> l) {
            return l.stream().map(Yamls::string).toList();
        }
        return List.of(string(command));
    }
}
