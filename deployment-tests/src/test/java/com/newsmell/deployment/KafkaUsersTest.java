package com.newsmell.deployment;

import static com.newsmell.deployment.Kustomize.describe;
import static com.newsmell.deployment.Kustomize.ofKind;
import static com.newsmell.deployment.Kustomize.render;
import static com.newsmell.deployment.KustomizeRenderTest.deploymentOf;
import static com.newsmell.deployment.KustomizeRenderTest.env;
import static com.newsmell.deployment.KustomizeRenderTest.labelled;
import static com.newsmell.deployment.KustomizeRenderTest.named;
import static com.newsmell.deployment.KustomizeRenderTest.singleContainer;
import static com.newsmell.deployment.Yamls.at;
import static com.newsmell.deployment.Yamls.listAt;
import static com.newsmell.deployment.Yamls.map;
import static com.newsmell.deployment.Yamls.mapAt;
import static com.newsmell.deployment.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka clients authenticate and are authorised (ADR 0076): the cluster's only client listener asks for SCRAM-SHA-512
 * over TLS, authorisation is simple ACLs, and each client's KafkaUser allows exactly the topics and consumer groups of
 * the channels its configuration declares (service-toolkit's shared channels plus the service's own), no more.
 */
class KafkaUsersTest {

    private static final Path TOOLKIT_CONFIG =
            Path.of("service-toolkit/src/main/resources/META-INF/microprofile-config.properties");

    /** {@code mp.messaging.incoming.<channel>.topic} or {@code mp.messaging.outgoing.<channel>.topic}. */
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");

    /** {@code ${name}} or {@code ${name:default}}. */
    /** An innermost expression (no other inside it): {@code ${name}} or {@code ${name:default}}. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^${}:]+)(?::([^${}]*))?}");

    private static final String REPLAY_PREFIX = "${newsmell.topics.replay-prefix}";

    static java.util.stream.Stream<Arguments> overlaysAndServices() {
        return Kustomize.overlays().flatMap(dir -> Service.ALL.stream().map(s -> Arguments.of(dir, s)));
    }

    @ParameterizedTest(
            name = "{0}: the Kafka cluster authenticates every client (SCRAM-SHA-512 over TLS) and authorises")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void theClusterAuthenticatesAndAuthorises(String dir) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> kafka = ofKind(docs, "Kafka").get(0);
        assertEquals("simple", at(kafka, "spec.kafka.authorization.type"), "authorization");
        for (Object l : listAt(kafka, "spec.kafka.listeners")) {
            Map<String, Object> listener = map(l, "listener");
            assertEquals(true, listener.get("tls"), "listener " + listener.get("name") + " is TLS");
            assertEquals(
                    "scram-sha-512",
                    at(listener, "authentication.type"),
                    "listener " + listener.get("name") + " authenticates");
        }
        authenticatedListenerPort(docs);
        Set<String> users = new TreeSet<>();
        for (Map<String, Object> user : ofKind(docs, "KafkaUser")) {
            users.add(string(at(user, "metadata.name")));
            assertEquals(
                    at(kafka, "metadata.name"), mapAt(user, "metadata.labels").get("strimzi.io/cluster"));
            assertEquals("scram-sha-512", at(user, "spec.authentication.type"), describe(user));
            assertEquals("simple", at(user, "spec.authorization.type"), describe(user));
        }
        Set<String> clients = new TreeSet<>(Set.of("event-archiver"));
        Service.ALL.forEach(s -> clients.add(s.name()));
        assertEquals(clients, users, "one KafkaUser per service and the archiver; none for the gateway");
    }

    @ParameterizedTest(
            name = "{0}: {1} reads exactly the topics and groups of its incoming channels, writes its outgoing")
    @MethodSource("overlaysAndServices")
    void eachServicesAclsMatchItsChannels(String dir, Service service) {
        Access acls = Access.of(labelled(render(dir), "KafkaUser", service.name()));
        Access channels = Access.ofChannels(service);
        assertTrue(channels.read.size() >= 2 && !channels.write.isEmpty(), "channels found: " + channels);
        assertEquals(channels, acls, service.name() + ": ACLs against the channels of its configuration");
    }

    @ParameterizedTest(name = "{0}: the archiver only writes to the replay topics (its replay producer)")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void theArchiverOnlyWritesReplays(String dir) {
        Access acls = Access.of(labelled(render(dir), "KafkaUser", "event-archiver"));
        assertEquals(
                new Access(Set.of(), Set.of("prefix:" + toolkitDefault("newsmell.topics.replay-prefix")), Set.of()),
                acls);
    }

    @ParameterizedTest(name = "{0}: {1} logs in as its KafkaUser, over TLS, trusting the cluster CA")
    @MethodSource("overlaysAndServices")
    void eachServiceLogsInAsItsUser(String dir, Service service) throws IOException {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Map<String, Object>> refs = new TreeMap<>();
        for (Map<String, Object> e : env(singleContainer(deploymentOf(docs, service.name())))) {
            if (e.get("valueFrom") != null) {
                refs.put(string(e.get("name")), mapAt(e, "valueFrom.secretKeyRef"));
            }
        }
        String kafka = string(at(ofKind(docs, "Kafka").get(0), "metadata.name"));
        assertEquals(
                Map.of("name", service.name(), "key", "sasl.jaas.config"),
                refs.get("KAFKA_SASL_JAAS_CONFIG"),
                "the Secret of its own KafkaUser");
        assertEquals(
                Map.of("name", kafka + "-cluster-ca-cert", "key", "ca.crt"),
                refs.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES"),
                "the cluster CA");
        // The toolkit's kubernetes profile (QUARKUS_PROFILE=prod,kubernetes in the manifests) reads these variables.
        Properties toolkit = properties(TOOLKIT_CONFIG);
        assertEquals("SASL_SSL", toolkit.getProperty("%kubernetes.kafka.security.protocol"));
        assertEquals("SCRAM-SHA-512", toolkit.getProperty("%kubernetes.kafka.sasl.mechanism"));
        assertEquals("${KAFKA_SASL_JAAS_CONFIG}", toolkit.getProperty("%kubernetes.kafka.sasl.jaas.config"));
        assertEquals(
                "${KAFKA_SSL_TRUSTSTORE_CERTIFICATES}",
                toolkit.getProperty("%kubernetes.kafka.ssl.truststore.certificates"));
    }

    @Test
    void theArchiverCronJobsLogInAsTheArchiver() {
        List<Map<String, Object>> docs = render(Kustomize.PROD);
        for (String cronJob : List.of("event-archiver", "event-archiver-replay")) {
            Map<String, Object> container = map(
                    listAt(named(docs, "CronJob", cronJob), "spec.jobTemplate.spec.template.spec.containers")
                            .get(0),
                    "container");
            Map<String, Object> login = env(container).stream()
                    .filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name")))
                    .map(e -> mapAt(e, "valueFrom.secretKeyRef"))
                    .findFirst()
                    .orElseGet(() -> fail(cronJob + " has no KAFKA_SASL_JAAS_CONFIG"));
            assertEquals("event-archiver", login.get("name"), cronJob);
        }
    }

    // --- shared with the other manifest tests

    /** The port of the Kafka listener the clients use: the one that authenticates with SCRAM-SHA-512 over TLS. */
    static int authenticatedListenerPort(List<Map<String, Object>> docs) {
        return listAt(ofKind(docs, "Kafka").get(0), "spec.kafka.listeners").stream()
                .map(l -> map(l, "listener"))
                .filter(l -> Boolean.TRUE.equals(l.get("tls")) && "scram-sha-512".equals(at(l, "authentication.type")))
                .map(l -> ((Number) l.get("port")).intValue())
                .findFirst()
                .orElseGet(() -> fail("no TLS listener with SCRAM-SHA-512 authentication"));
    }

    /** The Secrets Strimzi's operators create: one per KafkaUser (its name) and the cluster CA's certificate. */
    static Set<String> strimziSecrets(List<Map<String, Object>> docs) {
        Set<String> names = new TreeSet<>();
        ofKind(docs, "KafkaUser").forEach(u -> names.add(string(at(u, "metadata.name"))));
        ofKind(docs, "Kafka").forEach(k -> names.add(at(k, "metadata.name") + "-cluster-ca-cert"));
        return names;
    }

    // --- helpers

    /**
     * What a client may do: the topics it reads and writes ("name", or "prefix:name" for a prefix ACL) and the
     * consumer groups it uses.
     */
    record Access(Set<String> read, Set<String> write, Set<String> groups) {

        static Access of(Map<String, Object> user) {
            Set<String> read = new TreeSet<>();
            Set<String> write = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (Object a : listAt(user, "spec.authorization.acls")) {
                Map<String, Object> acl = map(a, "acl");
                Map<String, Object> resource = mapAt(acl, "resource");
                String name =
                        ("prefix".equals(resource.get("patternType")) ? "prefix:" : "") + string(resource.get("name"));
                List<Object> operations = listAt(acl, "operations");
                if ("group".equals(resource.get("type"))) {
                    assertEquals(List.of("Read"), operations, "group " + name);
                    groups.add(name);
                } else {
                    assertEquals("topic", resource.get("type"), describe(user));
                    assertTrue(operations.contains("Describe"), "topic " + name + " is described (metadata)");
                    if (operations.contains("Read")) {
                        read.add(name);
                    }
                    if (operations.contains("Write")) {
                        write.add(name);
                    }
                    assertTrue(
                            Set.of("Read", "Write", "Describe").containsAll(operations),
                            "topic " + name + ": only Read, Write and Describe, not " + operations);
                }
            }
            return new Access(read, write, groups);
        }

        /**
         * The access the service's channels need: the toolkit's shared channels overridden by its application.properties
         * (profile-specific lines aside), less the disabled ones; an incoming channel reads its topic in its group, an
         * outgoing one writes its topic. The collector's replay channel routes each record to the topic of the
         * replay's service (ADR 0045): it writes to the replay prefix.
         */
        static Access ofChannels(Service service) {
            Properties config = properties(TOOLKIT_CONFIG);
            config.putAll(properties(Service.repoRoot().relativize(service.applicationProperties())));
            Set<String> read = new TreeSet<>();
            Set<String> write = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (String key : config.stringPropertyNames()) {
                Matcher m = CHANNEL_TOPIC.matcher(key);
                if (!m.matches()) {
                    continue;
                }
                String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
                if ("false".equals(config.getProperty(prefix + "enabled"))) {
                    continue;
                }
                String expression = config.getProperty(key);
                String topic = expression.startsWith(REPLAY_PREFIX)
                                && !expression.equals(REPLAY_PREFIX + "${quarkus.application.name}")
                                && !expression.equals(REPLAY_PREFIX + "${newsmell.replay.target}")
                        ? "prefix:" + resolve(REPLAY_PREFIX, config)
                        : resolve(expression, config);
                if (m.group(1).equals("incoming")) {
                    read.add(topic);
                    String group = config.getProperty(prefix + "group.id");
                    groups.add(group == null ? service.name() : resolve(group, config)); // Quarkus' default
                } else {
                    write.add(topic);
                }
            }
            return new Access(read, write, groups);
        }
    }

    /**
     * Expands {@code ${name}} from the configuration, or {@code ${ENV:default}} to its default, innermost first (so
     * that {@code ${ENV:${name}}} works).
     */
    private static String resolve(String value, Properties config) {
        String current = value;
        while (true) {
            Matcher m = EXPRESSION.matcher(current);
            if (!m.find()) {
                return current;
            }
            m.reset();
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String known = config.getProperty(m.group(1));
                String replacement = known != null ? resolve(known, config) : m.group(2);
                if (replacement == null) {
                    fail("cannot resolve " + m.group() + " in " + value);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            current = out.toString();
        }
    }

    private static String toolkitDefault(String key) {
        Properties config = properties(TOOLKIT_CONFIG);
        return resolve(config.getProperty(key), config);
    }

    private static Properties properties(Path relative) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Service.repoRoot().resolve(relative))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
