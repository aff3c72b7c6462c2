package com.newsmell.deployment;

import static com.newsmell.deployment.Kustomize.DEV;
import static com.newsmell.deployment.Kustomize.PROD;
import static com.newsmell.deployment.Kustomize.describe;
import static com.newsmell.deployment.Kustomize.ofKind;
import static com.newsmell.deployment.Kustomize.render;
import static com.newsmell.deployment.KustomizeRenderTest.env;
import static com.newsmell.deployment.KustomizeRenderTest.labelled;
import static com.newsmell.deployment.KustomizeRenderTest.named;
import static com.newsmell.deployment.Yamls.at;
import static com.newsmell.deployment.Yamls.listAt;
import static com.newsmell.deployment.Yamls.map;
import static com.newsmell.deployment.Yamls.mapAt;
import static com.newsmell.deployment.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kafka (Strimzi), PostgreSQL (CloudNativePG), the Secrets, the Ingress and the archiver, as the overlays render them. */
class PlatformManifestsTest {

    /** Topics whose latest record per key is the state: compacted (ADR 0016, ADR 0017, ADR 0062). */
    private static final Set<String> COMPACTED = Set.of("perfume-catalog", "session-summaries", "identity-links");

    /** The replay topics: the prefix + each consuming service's name (ADR 0045). */
    private static final Pattern REPLAY_PREFIX =
            Pattern.compile("^newsmell\\.topics\\.replay-prefix=\\$\\{[A-Z_]+:([a-z0-9.-]+)}", Pattern.MULTILINE);

    private static final List<String> REPLAY_CONSUMERS =
            List.of("session-service", "profile-service", "perfume-stats-service", "recommendation-feedback-service");

    private static final Pattern TOPIC_DEFAULT =
            Pattern.compile("^newsmell\\.topics\\.[a-z-]+=\\$\\{[A-Z_]+:([a-z0-9-]+)}", Pattern.MULTILINE);

    @ParameterizedTest(
            name = "{0}: a KafkaTopic for every topic the services use, compacted where the key is the state")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void everyTopicIsAKafkaTopic(String dir) throws IOException {
        List<Map<String, Object>> docs = render(dir);
        String toolkitConfig = Files.readString(Service.repoRoot()
                .resolve("service-toolkit/src/main/resources/META-INF/microprofile-config.properties"));
        Set<String> used = new TreeSet<>();
        Matcher m = TOPIC_DEFAULT.matcher(toolkitConfig);
        while (m.find()) {
            used.add(m.group(1));
        }
        Matcher replay = REPLAY_PREFIX.matcher(toolkitConfig);
        assertTrue(replay.find(), "the replay topics' prefix in the toolkit's configuration");
        for (String consumer : REPLAY_CONSUMERS) {
            used.add(replay.group(1) + consumer);
        }
        assertTrue(used.size() >= 12, "topics found in the toolkit's configuration: " + used);

        String kafka = string(at(ofKind(docs, "Kafka").get(0), "metadata.name"));
        int brokers = ((Number) at(ofKind(docs, "KafkaNodePool").get(0), "spec.replicas")).intValue();
        Map<String, Map<String, Object>> topics = new TreeMap<>();
        for (Map<String, Object> topic : ofKind(docs, "KafkaTopic")) {
            topics.put(string(at(topic, "metadata.name")), topic);
            assertEquals(kafka, mapAt(topic, "metadata.labels").get("strimzi.io/cluster"), "cluster of " + topic);
            int replicas = ((Number) at(topic, "spec.replicas")).intValue();
            Map<String, Object> config = mapAt(topic, "spec.config");
            int minInSync = ((Number) config.get("min.insync.replicas")).intValue();
            assertTrue(replicas <= brokers, describe(topic) + ": replicas " + replicas + " > brokers " + brokers);
            assertTrue(
                    minInSync < replicas || replicas == 1,
                    describe(topic) + ": min.insync.replicas " + minInSync + " leaves no broker to lose");
            String policy = string(config.get("cleanup.policy"));
            String name = string(at(topic, "metadata.name"));
            assertEquals(COMPACTED.contains(name) ? "compact" : "delete", policy, "cleanup.policy of " + name);
        }
        assertEquals(used, topics.keySet(), "KafkaTopics against the services' topics");

        int partitions = ((Number) at(topics.get("interaction-events"), "spec.partitions")).intValue();
        for (Map<String, Object> hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
            assertTrue(
                    ((Number) at(hpa, "spec.maxReplicas")).intValue() <= partitions,
                    describe(hpa) + ": more consumers than interaction-events partitions would idle");
        }
    }

    @ParameterizedTest(name = "{0}: one database per service, owned by its own role whose password is <service>-db")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void onePostgresDatabasePerService(String dir) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> cluster = ofKind(docs, "Cluster").get(0);
        String clusterName = string(at(cluster, "metadata.name"));
        Map<String, String> roleSecrets = new TreeMap<>();
        Map<String, Object> initdb = mapAt(cluster, "spec.bootstrap.initdb");
        roleSecrets.put(string(initdb.get("owner")), string(at(initdb, "secret.name")));
        for (Object role : listAt(cluster, "spec.managed.roles")) {
            Map<String, Object> r = map(role, "role");
            assertEquals(true, r.get("login"), "role " + r.get("name") + " logs in");
            roleSecrets.put(string(r.get("name")), string(at(r, "passwordSecret.name")));
        }
        Map<String, String> owners = new TreeMap<>();
        for (Map<String, Object> database : ofKind(docs, "Database")) {
            assertEquals(clusterName, at(database, "spec.cluster.name"), "cluster of " + describe(database));
            owners.put(string(at(database, "spec.name")), string(at(database, "spec.owner")));
        }
        for (Service service : Service.ALL) {
            assertEquals(service.database(), owners.get(service.database()), "owner of " + service.database());
            assertEquals(service.name() + "-db", roleSecrets.get(service.database()), "Secret of the role");
        }
        assertEquals(Service.ALL.size(), owners.size(), "databases: " + owners.keySet());
    }

    @Test
    void prodBacksPostgresUpToObjectStorage() {
        List<Map<String, Object>> docs = render(PROD);
        Map<String, Object> cluster = ofKind(docs, "Cluster").get(0);
        Map<String, Object> archiver = map(listAt(cluster, "spec.plugins").get(0), "plugin");
        assertEquals(true, archiver.get("isWALArchiver"), "WAL archived continuously");
        Map<String, Object> store = named(docs, "ObjectStore", string(at(archiver, "parameters.barmanObjectName")));
        assertTrue(string(at(store, "spec.configuration.destinationPath")).startsWith("s3://"), "to S3");
        Map<String, Object> backup = ofKind(docs, "ScheduledBackup").get(0);
        assertEquals(at(cluster, "metadata.name"), at(backup, "spec.cluster.name"));
        assertEquals("plugin", at(backup, "spec.method"));
        assertEquals(archiver.get("name"), at(backup, "spec.pluginConfiguration.name"), "the same Barman plugin");
        assertEquals(3, at(cluster, "spec.instances"), "three PostgreSQL instances");
    }

    @Test
    void devGeneratesOnlyPlaceholderSecretsThatCoverEveryReference() {
        List<Map<String, Object>> docs = render(DEV);
        Map<String, Set<String>> references = secretReferences(docs);
        references.keySet().removeAll(KafkaUsersTest.strimziSecrets(docs)); // Strimzi's operators create these
        for (Map.Entry<String, Set<String>> ref : references.entrySet()) {
            Map<String, Object> data = mapAt(named(docs, "Secret", ref.getKey()), "data");
            assertTrue(data.keySet().containsAll(ref.getValue()), ref.getKey() + " holds " + ref.getValue());
        }
        for (Map<String, Object> secret : ofKind(docs, "Secret")) {
            mapAt(secret, "data").forEach((key, value) -> {
                String plain = new String(Base64.getDecoder().decode(string(value)), StandardCharsets.UTF_8);
                assertTrue(
                        key.equals("username") || plain.startsWith("dev-only"),
                        describe(secret) + " " + key + " is a dev-only placeholder, never a real secret");
            });
        }
    }

    @Test
    void prodGeneratesNoSecretAndDocumentsEveryOneItNeeds() throws IOException {
        List<Map<String, Object>> docs = render(PROD);
        assertEquals(List.of(), ofKind(docs, "Secret"), "prod commits no Secret");
        String operations = Files.readString(Service.repoRoot().resolve("docs/operations.md"));
        Map<String, Set<String>> references = secretReferences(docs);
        Set<String> strimzi = KafkaUsersTest.strimziSecrets(docs);
        assertTrue(
                references.keySet().containsAll(strimzi),
                "every KafkaUser's Secret and the cluster CA are read by a client: " + strimzi);
        references.keySet().removeAll(strimzi); // created by Strimzi's operators, not by an operator of New Smell
        for (Map.Entry<String, Set<String>> ref : references.entrySet()) {
            assertTrue(
                    operations.contains("`" + ref.getKey() + "`"),
                    "docs/operations.md explains how to create the Secret " + ref.getKey());
            ref.getValue()
                    .forEach(key -> assertTrue(
                            operations.contains("`" + key + "`"),
                            "docs/operations.md names the key " + key + " of " + ref.getKey()));
        }
    }

    @ParameterizedTest(name = "{0}: the Ingress serves the collector and the gateway over TLS")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void ingressServesCollectorAndGatewayOverTls(String dir) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> ingress = ofKind(docs, "Ingress").get(0);
        Set<Object> tlsHosts = new TreeSet<>();
        listAt(ingress, "spec.tls").forEach(t -> tlsHosts.addAll(listAt(map(t, "tls"), "hosts")));
        Set<String> backends = new TreeSet<>();
        for (Object rule : listAt(ingress, "spec.rules")) {
            Map<String, Object> r = map(rule, "rule");
            assertTrue(tlsHosts.contains(r.get("host")), r.get("host") + " is covered by TLS");
            for (Object path : listAt(r, "http.paths")) {
                Map<String, Object> service = mapAt(map(path, "path"), "backend.service");
                Map<String, Object> target = named(docs, "Service", string(service.get("name")));
                assertEquals(
                        at(map(listAt(target, "spec.ports").get(0), "port"), "name"),
                        at(service, "port.name"),
                        "port of " + service.get("name"));
                backends.add(string(mapAt(target, "metadata.labels").get("app.kubernetes.io/name")));
            }
        }
        assertEquals(Set.of("event-collector", KustomizeRenderTest.GATEWAY), backends);
    }

    /**
     * Every path clients call on the collector's host (issue 16): the native ingest and catalog, the Segment-spec
     * ingest as the SDKs post it (analytics-next's short paths included), Segment's CDN settings and RudderStack's
     * source configuration.
     */
    static final List<String> COLLECTOR_PATHS = Stream.concat(
                    Stream.of(
                            "/v1/events",
                            "/v1/events/batch",
                            "/v1/catalog/perfumes/p-1",
                            "/v1/projects/nsk_key/settings",
                            "/sourceConfig"),
                    Stream.of("batch", "track", "page", "screen", "identify", "alias", "group")
                            .flatMap(type -> Stream.of(type, type.substring(0, 1)))
                            .map(type -> "/v1/" + type))
            .toList();

    @ParameterizedTest(name = "{0}: the Ingress routes every path the SDKs call to the collector, and not /q")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void ingressRoutesEveryPathTheSdksCall(String dir) {
        Map<String, Object> ingress = ofKind(render(dir), "Ingress").get(0);
        Map<String, Object> collector = listAt(ingress, "spec.rules").stream()
                .map(rule -> map(rule, "rule"))
                .filter(rule -> string(rule.get("host")).startsWith("collector."))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no collector.<domain> rule in " + dir));
        List<Object> paths = listAt(collector, "http.paths");
        for (String path : COLLECTOR_PATHS) {
            assertEquals("event-collector", routedTo(paths, path), path + " reaches the collector in " + dir);
        }
        for (String inside : List.of("/q/health", "/q/metrics", "/sourceConfigs", "/v10/batch")) {
            assertEquals(null, routedTo(paths, inside), inside + " stays inside the cluster in " + dir);
        }
    }

    /** The Service an Ingress rule's paths send a request path to, as Kubernetes matches them; null: none. */
    static String routedTo(List<Object> paths, String requestPath) {
        String service = null;
        int longest = -1;
        for (Object entry : paths) {
            Map<String, Object> path = map(entry, "path");
            String pattern = string(path.get("path"));
            boolean matches = switch (string(path.get("pathType"))) {
                case "Exact" -> requestPath.equals(pattern);
                case "Prefix" ->
                    pattern.equals("/")
                            || requestPath.equals(pattern)
                            || requestPath.startsWith(pattern.endsWith("/") ? pattern : pattern + "/");
                default -> throw new AssertionError("pathType of " + pattern + " is Exact or Prefix");
            };
            if (matches && pattern.length() > longest) {
                longest = pattern.length();
                service = string(at(path, "backend.service.name"));
            }
        }
        return service;
    }

    @ParameterizedTest(name = "{0}: the archiver CronJob gets its variables and may reach only object storage outside")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void archiverCronJobIsComplete(String dir) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> cronJob = labelled(docs, "CronJob", "event-archiver");
        Map<String, Object> container = map(
                listAt(cronJob, "spec.jobTemplate.spec.template.spec.containers")
                        .get(0),
                "c");
        Set<String> provided = new TreeSet<>();
        env(container).forEach(e -> provided.add(string(e.get("name"))));
        Set<String> missing =
                new TreeSet<>(new Service("event-archiver", 0, "collector").placeholdersInApplicationProperties());
        missing.removeAll(provided);
        assertEquals(Set.of(), missing, "variables the archiver reads");
        assertEquals("Forbid", at(cronJob, "spec.concurrencyPolicy"), "never two archivers at once");

        Map<String, Object> policy = labelled(docs, "NetworkPolicy", "event-archiver");
        assertEquals(List.of(), listAt(policy, "spec.ingress"), "no way in");
        assertTrue(
                listAt(policy, "spec.egress").stream()
                        .map(r -> map(r, "egress rule"))
                        .anyMatch(r ->
                                r.toString().contains("ipBlock") && r.toString().contains("443")),
                "HTTPS to object storage");
    }

    /**
     * Secret name -> keys, from env secretKeyRefs, Secret volumes, CloudNativePG roles and initdb, and the backup
     * ObjectStore.
     */
    private static Map<String, Set<String>> secretReferences(List<Map<String, Object>> docs) {
        Map<String, Set<String>> refs = new TreeMap<>();
        for (Map<String, Object> doc : docs) {
            collect(doc, refs);
        }
        return refs;
    }

    private static void collect(Object node, Map<String, Set<String>> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (("secretKeyRef".equals(k) || "accessKeyId".equals(k) || "secretAccessKey".equals(k))
                        && v instanceof Map<?, ?> ref) {
                    refs.computeIfAbsent(string(ref.get("name")), n -> new TreeSet<>())
                            .add(string(ref.get("key")));
                } else if ("secret".equals(k) && v instanceof Map<?, ?> volume && volume.containsKey("secretName")) {
                    // a pod's Secret volume: the keys it mounts
                    Set<String> keys = refs.computeIfAbsent(string(volume.get("secretName")), n -> new TreeSet<>());
                    if (volume.get("items") instanceof List<?> items) {
                        items.forEach(i -> keys.add(string(((Map<?, ?>) i).get("key"))));
                    }
                } else if (("passwordSecret".equals(k) || "secret".equals(k)) && v instanceof Map<?, ?> ref) {
                    refs.computeIfAbsent(string(ref.get("name")), n -> new TreeSet<>())
                            .addAll(List.of("username", "password"));
                } else {
                    collect(v, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, refs));
        }
    }
}
