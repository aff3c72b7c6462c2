package com.newsmell.deployment;

import static com.newsmell.deployment.Kustomize.DEV;
import static com.newsmell.deployment.Kustomize.PROD;
import static com.newsmell.deployment.Kustomize.describe;
import static com.newsmell.deployment.Kustomize.ofKind;
import static com.newsmell.deployment.Kustomize.render;
import static com.newsmell.deployment.Yamls.at;
import static com.newsmell.deployment.Yamls.list;
import static com.newsmell.deployment.Yamls.listAt;
import static com.newsmell.deployment.Yamls.map;
import static com.newsmell.deployment.Yamls.mapAt;
import static com.newsmell.deployment.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders k8s/overlays/dev and k8s/overlays/prod with {@code kubectl kustomize} and checks the services' objects. */
class KustomizeRenderTest {

    static final String PART_OF = "newsmell-analytics";
    static final String GATEWAY = "graphql-gateway";
    static final String COLLECTOR = "event-collector";
    static final String RAW_STORE = "event-collector-raw-store";
    /** SmallRye's switch of the collector's raw-store channel (ADR 0074). */
    static final String CONSUMER_SWITCH = "MP_MESSAGING_INCOMING_INTERACTIONS_ENABLED";
    /** The collector's switch of its ingest (newsmell.collector.ingest, ADR 0074). */
    static final String INGEST_SWITCH = "NEWSMELL_COLLECTOR_INGEST";

    static Stream<Arguments> overlaysAndServices() {
        return Kustomize.overlays().flatMap(dir -> Service.ALL.stream().map(s -> Arguments.of(dir, s)));
    }

    static Stream<Arguments> overlaysAndServicesWithApplicationProperties() {
        return Kustomize.overlays()
                .flatMap(dir -> Service.withApplicationProperties().map(s -> Arguments.of(dir, s)));
    }

    @ParameterizedTest(
            name = "{0} renders, for the five services, the collector's raw store and the gateway, 7 Deployments,"
                    + " Services, PodDisruptionBudgets, HorizontalPodAutoscalers and NetworkPolicies, 6 ServiceMonitors,"
                    + " the archiver and the Ingress")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void rendersAllResources(String dir) {
        List<Map<String, Object>> docs = render(dir);
        for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
            assertEquals(7, ofKind(docs, kind).size(), kind + "s in " + dir);
        }
        assertEquals(Service.ALL.size() + 1, ofKind(docs, "ServiceMonitor").size(), "ServiceMonitors in " + dir);
        assertTrue(
                ofKind(docs, "NetworkPolicy").size() >= 8, "NetworkPolicies (services, raw store, gateway, archiver)");
        assertEquals(
                List.of("event-archiver", "event-archiver-replay"),
                ofKind(docs, "CronJob").stream()
                        .map(c -> String.valueOf(((Map<?, ?>) c.get("metadata")).get("name")))
                        .sorted()
                        .toList(),
                "the event-archiver's archive and replay CronJobs in " + dir);
        assertEquals(1, ofKind(docs, "Ingress").size(), "the Ingress in " + dir);
        for (Map<String, Object> doc : docs) {
            if (!"Namespace".equals(doc.get("kind"))) {
                assertEquals(
                        PART_OF,
                        string(mapAt(doc, "metadata.labels").get("app.kubernetes.io/part-of")),
                        "part-of label on " + describe(doc));
            }
        }
    }

    @ParameterizedTest(
            name = "{0}: {1} Deployment has its image, its API port and the three probes on its management port")
    @MethodSource("overlaysAndServices")
    void deploymentHasProbesAndPort(String dir, Service service) {
        Map<String, Object> deployment = deploymentOf(render(dir), service.name());
        assertEquals(
                service.name(),
                string(mapAt(deployment, "spec.template.metadata.labels").get("app.kubernetes.io/name")));
        Map<String, Object> container = singleContainer(deployment);
        assertTrue(
                string(container.get("image")).contains("newsmell/" + service.name() + ":"),
                "image " + container.get("image"));
        assertEquals(service.port(), containerPort(container, "http"), "containerPort named http");
        assertEquals(Service.MANAGEMENT_PORT, containerPort(container, "management"), "containerPort named management");
        assertProbe(container, "startupProbe", "/q/health/started");
        assertProbe(container, "livenessProbe", "/q/health/live");
        assertProbe(container, "readinessProbe", "/q/health/ready");
    }

    @ParameterizedTest(
            name = "{0}: every pod (services, gateway, archiver) is non-root with a read-only root filesystem")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void everyPodIsHardened(String dir) {
        List<Map<String, Object>> docs = render(dir);
        List<Map<String, Object>> pods = new ArrayList<>();
        ofKind(docs, "Deployment").forEach(d -> pods.add(mapAt(d, "spec.template")));
        ofKind(docs, "CronJob").forEach(c -> pods.add(mapAt(c, "spec.jobTemplate.spec.template")));
        for (Map<String, Object> pod : pods) {
            String name = string(mapAt(pod, "metadata.labels").get("app.kubernetes.io/name"));
            Map<String, Object> podSecurity = mapAt(pod, "spec.securityContext");
            assertEquals(true, podSecurity.get("runAsNonRoot"), name + " runAsNonRoot");
            assertEquals("RuntimeDefault", string(at(podSecurity, "seccompProfile.type")), name + " seccomp");
            assertEquals(false, at(pod, "spec.automountServiceAccountToken"), name + " no service-account token");
            for (Object c : listAt(pod, "spec.containers")) {
                Map<String, Object> container = map(c, "container");
                Map<String, Object> security = mapAt(container, "securityContext");
                assertEquals(false, security.get("allowPrivilegeEscalation"), name + " allowPrivilegeEscalation");
                assertEquals(true, security.get("readOnlyRootFilesystem"), name + " readOnlyRootFilesystem");
                assertEquals(List.of("ALL"), listAt(security, "capabilities.drop"), name + " capabilities.drop");
                Map<String, Object> limits = mapAt(container, "resources.limits");
                Map<String, Object> requests = mapAt(container, "resources.requests");
                assertNotNull(limits.get("memory"), name + " memory limit");
                assertNotNull(requests.get("cpu"), name + " cpu request");
                assertTrue(
                        Quantities.memory(requests.get("memory")) <= Quantities.memory(limits.get("memory")),
                        name + " memory request within the limit");
                String tmp = list(container.get("volumeMounts"), name + " volumeMounts").stream()
                        .map(v -> map(v, "volumeMount"))
                        .filter(v -> "/tmp".equals(v.get("mountPath")))
                        .map(v -> string(v.get("name")))
                        .findFirst()
                        .orElseGet(() -> fail(name + ": no volume on /tmp (needed with a read-only root filesystem)"));
                assertTrue(
                        listAt(pod, "spec.volumes").stream()
                                .map(v -> map(v, "volume"))
                                .anyMatch(v -> tmp.equals(v.get("name")) && v.containsKey("emptyDir")),
                        name + ": /tmp is an emptyDir");
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} Service selects the pods and targets the http and management ports")
    @MethodSource("overlaysAndServices")
    void serviceRoutesToDeployment(String dir, Service service) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> deployment = deploymentOf(docs, service.name());
        Map<String, Object> svc = labelled(docs, "Service", service.name());
        Map<String, Object> selector = mapAt(svc, "spec.selector");
        Map<String, Object> podLabels = mapAt(deployment, "spec.template.metadata.labels");
        selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), "pod label " + k + " for the Service selector"));
        assertEquals(selector, mapAt(deployment, "spec.selector.matchLabels"), "Deployment selector");

        Map<String, Object> port = map(listAt(svc, "spec.ports").get(0), "Service port");
        assertEquals("http", port.get("name"), "the API is the Service's first port (the Ingress and gateway use it)");
        assertEquals(service.port(), port.get("port"), "Service port");
        assertEquals(service.port(), resolvePort(singleContainer(deployment), port.get("targetPort")), "targetPort");
        Map<String, Object> management = servicePort(svc, "management");
        assertEquals(
                Service.MANAGEMENT_PORT,
                resolvePort(singleContainer(deployment), management.get("targetPort")),
                "management targetPort");
    }

    @ParameterizedTest(name = "{0}: {1} has a PodDisruptionBudget, an HPA on CPU and a ServiceMonitor on /q/metrics")
    @MethodSource("overlaysAndServices")
    void serviceHasDisruptionBudgetAutoscalerAndMonitor(String dir, Service service) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> deployment = deploymentOf(docs, service.name());
        Map<String, Object> podLabels = mapAt(deployment, "spec.template.metadata.labels");

        Map<String, Object> pdb = labelled(docs, "PodDisruptionBudget", service.name());
        mapAt(pdb, "spec.selector.matchLabels").forEach((k, v) -> assertEquals(v, podLabels.get(k), "PDB selector"));
        assertEquals(1, at(pdb, "spec.maxUnavailable"), "one pod at a time (also with one replica in dev)");

        Map<String, Object> hpa = labelled(docs, "HorizontalPodAutoscaler", service.name());
        assertEquals(at(deployment, "metadata.name"), at(hpa, "spec.scaleTargetRef.name"), "HPA target");
        int min = ((Number) at(hpa, "spec.minReplicas")).intValue();
        int max = ((Number) at(hpa, "spec.maxReplicas")).intValue();
        assertTrue(1 <= min && min < max, "HPA " + min + ".." + max);
        Map<String, Object> metric = map(listAt(hpa, "spec.metrics").get(0), "HPA metric");
        assertEquals("cpu", at(metric, "resource.name"), "HPA on CPU");

        Map<String, Object> monitor = labelled(docs, "ServiceMonitor", service.name());
        Map<String, Object> svc = labelled(docs, "Service", service.name());
        mapAt(monitor, "spec.selector.matchLabels")
                .forEach((k, v) -> assertEquals(v, mapAt(svc, "metadata.labels").get(k), "ServiceMonitor selector"));
        Map<String, Object> endpoint = map(listAt(monitor, "spec.endpoints").get(0), "endpoint");
        assertEquals("/q/metrics", endpoint.get("path"));
        assertEquals("management", endpoint.get("port"), "scraped on the management port (ADR 0075)");
        servicePort(svc, "management");
        assertEquals(
                String.valueOf(Service.MANAGEMENT_PORT),
                string(mapAt(deployment, "spec.template.metadata.annotations").get("prometheus.io/port")),
                "prometheus.io/port annotation");
    }

    @ParameterizedTest(
            name = "{0}: {1} NetworkPolicy lets in only the gateway and the ingress controller on the API port and"
                    + " Prometheus on the management port")
    @MethodSource("overlaysAndServices")
    void networkPolicyIsTight(String dir, Service service) {
        Map<String, Object> policy = labelled(render(dir), "NetworkPolicy", service.name());
        assertEquals(Map.of("app.kubernetes.io/name", service.name()), mapAt(policy, "spec.podSelector.matchLabels"));
        assertEquals(List.of("Ingress", "Egress"), listAt(policy, "spec.policyTypes"));
        Set<String> sources = new TreeSet<>();
        for (Object rule : listAt(policy, "spec.ingress")) {
            Map<String, Object> r = map(rule, "ingress rule");
            Set<String> ports = new TreeSet<>();
            listAt(r, "ports").forEach(p -> ports.add(string(at(map(p, "port"), "port"))));
            listAt(r, "from").forEach(from -> sources.add(peer(map(from, "peer")) + " on " + ports));
        }
        assertEquals(
                Set.of(
                        "pod:" + GATEWAY + " on [http]",
                        "namespace:ingress-nginx on [http]",
                        "namespace:monitoring on [management]"),
                sources,
                "ingress from");
        Set<String> destinations = new TreeSet<>();
        for (Object rule : listAt(policy, "spec.egress")) {
            listAt(map(rule, "egress rule"), "to").forEach(to -> destinations.add(peer(map(to, "peer"))));
        }
        assertEquals(
                Set.of(
                        "namespace:kube-system+pod:kube-dns",
                        "pod:strimzi.io/cluster=kafka",
                        "pod:cnpg.io/cluster=postgres",
                        "namespace:observability"),
                destinations,
                "egress to DNS, Kafka, PostgreSQL and the OpenTelemetry collector only");
    }

    @ParameterizedTest(
            name = "{0}: the collector's raw store (ADR 0074) runs its image and configuration in a Deployment of its"
                    + " own, the only one consuming the interaction topic, with no API traffic")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void rawStoreHasItsOwnDeployment(String dir) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> ingest = singleContainer(deploymentOf(docs, COLLECTOR));
        Map<String, Object> rawStore = singleContainer(deploymentOf(docs, RAW_STORE));
        assertEquals(ingest.get("image"), rawStore.get("image"), "the collector's image");
        assertEquals(ingest.get("envFrom"), rawStore.get("envFrom"), "the collector's ConfigMap");
        assertEquals(
                ingest.get("resources"), rawStore.get("resources"), "the collector's JVM (512 MB heap), so its memory");
        Map<String, Object> ingestEnv = envByName(ingest);
        Map<String, Object> rawStoreEnv = envByName(rawStore);
        assertEquals("false", ingestEnv.remove(CONSUMER_SWITCH), "the ingest Deployment leaves the topic");
        assertFalse(rawStoreEnv.containsKey(CONSUMER_SWITCH), "the raw store consumes it");
        assertEquals("false", rawStoreEnv.remove(INGEST_SWITCH), "the raw store does not ingest");
        assertFalse(ingestEnv.containsKey(INGEST_SWITCH), "the ingest Deployment does");
        assertEquals(ingestEnv, rawStoreEnv, "the same Secrets (database, Kafka user, keys)");
        Map<String, Object> service = labelled(docs, "Service", RAW_STORE);
        assertEquals(
                List.of("management"),
                listAt(service, "spec.ports").stream()
                        .map(p -> map(p, "Service port").get("name"))
                        .toList(),
                "the raw store's Service: the management port only");
        Set<String> ports = new TreeSet<>();
        for (Object rule : listAt(labelled(docs, "NetworkPolicy", RAW_STORE), "spec.ingress")) {
            listAt(map(rule, "ingress rule"), "ports").forEach(p -> ports.add(string(at(map(p, "port"), "port"))));
        }
        assertEquals(Set.of("management"), ports, "the raw store lets in Prometheus only");
        assertEquals(RAW_STORE, at(labelled(docs, "HorizontalPodAutoscaler", RAW_STORE), "spec.scaleTargetRef.name"));
        labelled(docs, "PodDisruptionBudget", RAW_STORE);
        labelled(docs, "ServiceMonitor", RAW_STORE);
    }

    @ParameterizedTest(name = "{0}: {1} gets every variable its application.properties reads")
    @MethodSource("overlaysAndServicesWithApplicationProperties")
    void environmentCoversApplicationProperties(String dir, Service service) {
        Set<String> provided = providedVariables(render(dir), service);
        Set<String> missing = new TreeSet<>(service.requiredVariables());
        missing.removeAll(provided);
        assertTrue(
                missing.isEmpty(),
                service.name() + " reads " + missing + " (" + service.applicationProperties()
                        + ") but the " + dir + " manifests do not set them; add them to EXTRA_ENV in"
                        + " deploy/k8s/generate-base.sh and re-run it");
    }

    @ParameterizedTest(name = "{0}: {1} reaches its own database as its own role, and Kafka through Strimzi")
    @MethodSource("overlaysAndServices")
    void environmentNamesThePlatform(String dir, Service service) {
        List<Map<String, Object>> docs = render(dir);
        Set<String> missing = new TreeSet<>(Service.COMMON_VARIABLES);
        missing.removeAll(providedVariables(docs, service));
        assertTrue(missing.isEmpty(), service.name() + " lacks " + missing + " in " + dir);

        Map<String, Object> config = configMapData(docs, service);
        String kafka = string(at(ofKind(docs, "Kafka").get(0), "metadata.name"));
        String postgres = string(at(ofKind(docs, "Cluster").get(0), "metadata.name"));
        assertEquals(service.database(), string(config.get("PG_DATABASE")), "PG_DATABASE");
        assertEquals(service.database(), string(config.get("PG_USER")), "PG_USER: the database's own role");
        assertEquals(postgres + "-rw", string(config.get("PG_HOST")), "PG_HOST: CloudNativePG's read-write Service");
        assertEquals(
                kafka + "-kafka-bootstrap:" + KafkaUsersTest.authenticatedListenerPort(docs),
                string(config.get("KAFKA_BOOTSTRAP_SERVERS")),
                "bootstrap: the listener that authenticates (ADR 0076)");
        assertFalse(config.containsKey("PG_PASSWORD"), "PG_PASSWORD must come from the Secret, not the ConfigMap");
        if (dir.equals(PROD)) {
            assertFalse(string(config.get("NEWSMELL_CORS_ORIGINS")).contains("localhost"), "prod CORS origins");
        }
        Map<String, Object> passwordRef = env(singleContainer(deploymentOf(docs, service.name()))).stream()
                .filter(e -> "PG_PASSWORD".equals(e.get("name")))
                .map(e -> mapAt(e, "valueFrom.secretKeyRef"))
                .findFirst()
                .orElseGet(() -> fail("PG_PASSWORD not set from a secretKeyRef"));
        assertEquals(service.name() + "-db", passwordRef.get("name"), "the service's own database Secret");
    }

    @ParameterizedTest(name = "dev overlay: {0} runs one replica with smaller resources than prod, in newsmell-dev")
    @MethodSource("com.newsmell.deployment.Service#all")
    void devOverlayShrinksAndNamespaces(Service service) {
        List<Map<String, Object>> dev = render(DEV);
        for (Map<String, Object> doc : dev) {
            if (!"Namespace".equals(doc.get("kind"))) {
                assertEquals("newsmell-dev", mapAt(doc, "metadata").get("namespace"), "namespace of " + describe(doc));
            }
        }
        Map<String, Object> devDeployment = deploymentOf(dev, service.name());
        Map<String, Object> prodDeployment = deploymentOf(render(PROD), service.name());
        assertEquals(1, at(devDeployment, "spec.replicas"), "dev replicas");
        assertEquals(2, at(prodDeployment, "spec.replicas"), "prod replicas");
        Map<String, Object> devLimits = mapAt(singleContainer(devDeployment), "resources.limits");
        Map<String, Object> prodLimits = mapAt(singleContainer(prodDeployment), "resources.limits");
        assertTrue(
                Quantities.memory(devLimits.get("memory")) <= Quantities.memory(prodLimits.get("memory")),
                "dev memory limit not above prod");
        assertTrue(
                Quantities.cpu(devLimits.get("cpu")) <= Quantities.cpu(prodLimits.get("cpu")),
                "dev cpu limit not above prod");
        assertFalse(string(singleContainer(prodDeployment).get("image")).endsWith(":latest"), "prod pins its images");
    }

    // --- helpers shared with the other manifest tests

    static Map<String, Object> deploymentOf(List<Map<String, Object>> docs, String name) {
        return labelled(docs, "Deployment", name);
    }

    /** The object of a kind labelled app.kubernetes.io/name={@code name}. */
    static Map<String, Object> labelled(List<Map<String, Object>> docs, String kind, String name) {
        return ofKind(docs, kind).stream()
                .filter(d -> name.equals(mapAt(d, "metadata.labels").get("app.kubernetes.io/name")))
                .findFirst()
                .orElseGet(() -> fail("no " + kind + " labelled app.kubernetes.io/name=" + name));
    }

    static Map<String, Object> singleContainer(Map<String, Object> deployment) {
        List<Object> containers = listAt(deployment, "spec.template.spec.containers");
        assertEquals(1, containers.size(), "containers in " + describe(deployment));
        return map(containers.get(0), "container");
    }

    static List<Map<String, Object>> env(Map<String, Object> container) {
        Object env = container.get("env");
        List<Map<String, Object>> result = new ArrayList<>();
        if (env != null) {
            list(env, "env").forEach(e -> result.add(map(e, "env entry")));
        }
        return result;
    }

    /** A container's env entries by name: the value, or the whole entry when it is taken from elsewhere. */
    static Map<String, Object> envByName(Map<String, Object> container) {
        Map<String, Object> byName = new LinkedHashMap<>();
        env(container).forEach(e -> byName.put(string(e.get("name")), e.containsKey("value") ? e.get("value") : e));
        return byName;
    }

    static Map<String, Object> servicePort(Map<String, Object> svc, String name) {
        return listAt(svc, "spec.ports").stream()
                .map(p -> map(p, "Service port"))
                .filter(p -> name.equals(p.get("name")))
                .findFirst()
                .orElseGet(() -> fail(describe(svc) + " has no port named " + name));
    }

    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return ofKind(docs, kind).stream()
                .filter(d -> name.equals(at(d, "metadata.name")))
                .findFirst()
                .orElseGet(() -> fail(kind + " " + name + " is referenced but not rendered"));
    }

    // --- helpers

    /** A NetworkPolicy peer, short: "pod:<name or label>", "namespace:<name>", or both joined by "+". */
    private static String peer(Map<String, Object> peer) {
        List<String> parts = new ArrayList<>();
        if (peer.get("namespaceSelector") != null) {
            parts.add(
                    "namespace:" + mapAt(peer, "namespaceSelector.matchLabels").get("kubernetes.io/metadata.name"));
        }
        if (peer.get("podSelector") != null) {
            Map<String, Object> labels = mapAt(peer, "podSelector.matchLabels");
            Object name = labels.getOrDefault("app.kubernetes.io/name", labels.get("k8s-app"));
            parts.add("pod:" + (name != null ? name : firstLabel(labels)));
        }
        return String.join("+", parts);
    }

    private static String firstLabel(Map<String, Object> labels) {
        Map.Entry<String, Object> first = labels.entrySet().iterator().next();
        return first.getKey() + "=" + first.getValue();
    }

    /** Environment variable names the container receives, resolving envFrom ConfigMaps. */
    private static Set<String> providedVariables(List<Map<String, Object>> docs, Service service) {
        Map<String, Object> container = singleContainer(deploymentOf(docs, service.name()));
        Set<String> names = new TreeSet<>();
        env(container).forEach(e -> names.add(string(e.get("name"))));
        names.addAll(configMapData(docs, service).keySet());
        return names;
    }

    private static Map<String, Object> configMapData(List<Map<String, Object>> docs, Service service) {
        Map<String, Object> container = singleContainer(deploymentOf(docs, service.name()));
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object source : listAt(container, "envFrom")) {
            Map<String, Object> from = map(source, "envFrom entry");
            if (from.containsKey("configMapRef")) {
                String ref = string(mapAt(from, "configMapRef").get("name"));
                data.putAll(mapAt(named(docs, "ConfigMap", ref), "data"));
            }
        }
        return data;
    }

    private static void assertProbe(Map<String, Object> container, String probe, String path) {
        Map<String, Object> httpGet = mapAt(container, probe + ".httpGet");
        assertEquals(path, httpGet.get("path"), probe + " path");
        assertEquals(
                Service.MANAGEMENT_PORT,
                resolvePort(container, httpGet.get("port")),
                probe + " port: the management interface (ADR 0075)");
    }

    /** A probe/targetPort may be a number or the name of a container port. */
    private static int resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Number n) {
            return n.intValue();
        }
        return containerPort(container, string(port));
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return listAt(container, "ports").stream()
                .map(p -> map(p, "container port"))
                .filter(p -> name.equals(p.get("name")))
                .map(p -> ((Number) p.get("containerPort")).intValue())
                .findFirst()
                .orElseGet(() -> fail("no container port named " + name));
    }
}
