package com.newsmell.deployment;

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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders k8s/base and k8s/overlays/dev with {@code kubectl kustomize} and checks the output. */
class KustomizeRenderTest {

    static final String BASE = "k8s/base";
    static final String DEV = "k8s/overlays/dev";
    static final String DEV_NAMESPACE = "newsmell-dev";
    static final String PART_OF = "newsmell-analytics";

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    static Stream<Arguments> overlaysAndServices() {
        return Stream.of(BASE, DEV).flatMap(dir -> Service.ALL.stream().map(s -> Arguments.of(dir, s)));
    }

    static Stream<Arguments> overlaysAndServicesWithApplicationProperties() {
        return Stream.of(BASE, DEV)
                .flatMap(dir -> Service.withApplicationProperties().map(s -> Arguments.of(dir, s)));
    }

    @ParameterizedTest(
            name =
                    "{0} renders 6 Deployments (the five services and the GraphQL gateway), 6 Services, their ConfigMaps,"
                            + " the PG Secret and the training-key Secret")
    @ValueSource(strings = {BASE, DEV})
    void rendersAllResources(String dir) {
        List<Map<String, Object>> docs = render(dir);
        assertEquals(6, ofKind(docs, "Deployment").size(), "Deployments in " + dir);
        assertEquals(6, ofKind(docs, "Service").size(), "Services in " + dir);
        assertTrue(ofKind(docs, "ConfigMap").size() >= 5, "at least one ConfigMap per service in " + dir);
        assertEquals(
                2,
                ofKind(docs, "Secret").size(),
                "the PostgreSQL credentials and recommendation training-key (ADR 0023) Secrets in " + dir);
        for (Map<String, Object> doc : docs) {
            if (!"Namespace".equals(doc.get("kind"))) {
                assertEquals(
                        PART_OF,
                        string(mapAt(doc, "metadata.labels").get("app.kubernetes.io/part-of")),
                        "part-of label on " + describe(doc));
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} Deployment has probes, port, resources and a non-root securityContext")
    @MethodSource("overlaysAndServices")
    void deploymentIsProductionReady(String dir, Service service) {
        Map<String, Object> deployment = deploymentOf(render(dir), service);
        Map<String, Object> podTemplate = mapAt(deployment, "spec.template");
        assertEquals(
                service.name(), string(mapAt(podTemplate, "metadata.labels").get("app.kubernetes.io/name")));
        assertEquals(PART_OF, string(mapAt(podTemplate, "metadata.labels").get("app.kubernetes.io/part-of")));

        Map<String, Object> container = singleContainer(deployment);
        assertTrue(
                string(container.get("image")).startsWith("newsmell/" + service.name() + ":"),
                "image " + container.get("image"));
        assertEquals(service.port(), containerPort(container, "http"), "containerPort named http");

        assertProbe(container, "livenessProbe", "/q/health/live", service);
        assertProbe(container, "readinessProbe", "/q/health/ready", service);

        for (String bound : List.of("requests", "limits")) {
            Map<String, Object> resources = mapAt(container, "resources." + bound);
            assertNotNull(resources.get("cpu"), bound + ".cpu");
            assertNotNull(resources.get("memory"), bound + ".memory");
            assertTrue(
                    Quantities.memory(resources.get("memory"))
                            <= Quantities.memory(
                                    mapAt(container, "resources.limits").get("memory")),
                    "memory " + bound + " within limits");
        }

        Map<String, Object> podSecurity = mapAt(podTemplate, "spec.securityContext");
        Map<String, Object> containerSecurity = mapAt(container, "securityContext");
        assertEquals(true, podSecurity.get("runAsNonRoot"), "pod runAsNonRoot");
        assertEquals(185, podSecurity.get("runAsUser"), "pod runAsUser");
        assertEquals(
                "RuntimeDefault", string(mapAt(podSecurity, "seccompProfile").get("type")));
        assertEquals(false, containerSecurity.get("allowPrivilegeEscalation"), "allowPrivilegeEscalation");
        assertEquals(true, containerSecurity.get("readOnlyRootFilesystem"), "readOnlyRootFilesystem");
        assertEquals(List.of("ALL"), listAt(containerSecurity, "capabilities.drop"), "capabilities.drop");

        String tmpVolume = list(container.get("volumeMounts"), "volumeMounts").stream()
                .map(m -> map(m, "volumeMount"))
                .filter(m -> "/tmp".equals(m.get("mountPath")))
                .map(m -> string(m.get("name")))
                .findFirst()
                .orElseGet(() -> fail("no volume mounted on /tmp (needed with a read-only root filesystem)"));
        Map<String, Object> volume = listAt(podTemplate, "spec.volumes").stream()
                .map(v -> map(v, "volume"))
                .filter(v -> tmpVolume.equals(v.get("name")))
                .findFirst()
                .orElseGet(() -> fail("volume " + tmpVolume + " not declared"));
        assertTrue(volume.containsKey("emptyDir"), "/tmp is an emptyDir");
    }

    @ParameterizedTest(name = "{0}: {1} Service selects the pods and targets the http port")
    @MethodSource("overlaysAndServices")
    void serviceRoutesToDeployment(String dir, Service service) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> deployment = deploymentOf(docs, service);
        Map<String, Object> svc = ofKind(docs, "Service").stream()
                .filter(d -> service.name().equals(mapAt(d, "metadata.labels").get("app.kubernetes.io/name")))
                .findFirst()
                .orElseGet(() -> fail("no Service labelled " + service.name()));
        Map<String, Object> selector = mapAt(svc, "spec.selector");
        Map<String, Object> podLabels = mapAt(deployment, "spec.template.metadata.labels");
        selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), "pod label " + k + " for the Service selector"));
        assertEquals(selector, mapAt(deployment, "spec.selector.matchLabels"), "Deployment selector");

        Map<String, Object> port = map(listAt(svc, "spec.ports").get(0), "Service port");
        assertEquals(service.port(), port.get("port"), "Service port");
        assertEquals(service.port(), resolvePort(singleContainer(deployment), port.get("targetPort")), "targetPort");
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

    @ParameterizedTest(name = "{0}: {1} gets the common variables with the right values")
    @MethodSource("overlaysAndServices")
    void environmentHasCommonVariables(String dir, Service service) {
        List<Map<String, Object>> docs = render(dir);
        Set<String> provided = providedVariables(docs, service);
        Set<String> missing = new TreeSet<>(Service.COMMON_VARIABLES);
        missing.removeAll(provided);
        assertTrue(missing.isEmpty(), service.name() + " lacks " + missing + " in " + dir);

        Map<String, Object> config = configMapData(docs, service);
        assertEquals(service.database(), string(config.get("PG_DATABASE")), "PG_DATABASE");
        assertEquals("postgres", string(config.get("PG_HOST")), "PG_HOST");
        assertEquals("kafka:9092", string(config.get("KAFKA_BOOTSTRAP_SERVERS")), "KAFKA_BOOTSTRAP_SERVERS");
        assertFalse(config.containsKey("PG_PASSWORD"), "PG_PASSWORD must come from the Secret, not the ConfigMap");
        Map<String, Object> passwordVar = env(singleContainer(deploymentOf(docs, service))).stream()
                .filter(e -> "PG_PASSWORD".equals(e.get("name")))
                .findFirst()
                .orElseGet(() -> fail("PG_PASSWORD not set from a secretKeyRef"));
        assertNotNull(at(passwordVar, "valueFrom.secretKeyRef"), "PG_PASSWORD via secretKeyRef");
    }

    @ParameterizedTest(name = "dev overlay: {0} is in namespace newsmell-dev with 1 replica and smaller resources")
    @MethodSource("com.newsmell.deployment.Service#all")
    void devOverlayShrinksAndNamespaces(Service service) {
        List<Map<String, Object>> dev = render(DEV);
        for (Map<String, Object> doc : dev) {
            if (!"Namespace".equals(doc.get("kind"))) {
                assertEquals(DEV_NAMESPACE, mapAt(doc, "metadata").get("namespace"), "namespace of " + describe(doc));
            }
        }
        Map<String, Object> devDeployment = deploymentOf(dev, service);
        Map<String, Object> baseDeployment = deploymentOf(render(BASE), service);
        assertEquals(1, at(devDeployment, "spec.replicas"), "dev replicas");
        assertTrue(string(at(devDeployment, "metadata.name")).startsWith("dev-"), "dev name prefix");
        Map<String, Object> devLimits = mapAt(singleContainer(devDeployment), "resources.limits");
        Map<String, Object> baseLimits = mapAt(singleContainer(baseDeployment), "resources.limits");
        assertTrue(
                Quantities.memory(devLimits.get("memory")) <= Quantities.memory(baseLimits.get("memory")),
                "dev memory limit not above base");
        assertTrue(
                Quantities.cpu(devLimits.get("cpu")) <= Quantities.cpu(baseLimits.get("cpu")),
                "dev cpu limit not above base");
    }

    // --- helpers

    /** Environment variable names the container receives, resolving envFrom ConfigMaps and secretKeyRefs. */
    private static Set<String> providedVariables(List<Map<String, Object>> docs, Service service) {
        Map<String, Object> container = singleContainer(deploymentOf(docs, service));
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> e : env(container)) {
            Object valueFrom = e.get("valueFrom");
            if (valueFrom != null) {
                Map<String, Object> ref = map(valueFrom, "valueFrom");
                if (ref.containsKey("secretKeyRef")) {
                    assertKeyExists(docs, "Secret", mapAt(ref, "secretKeyRef"), e.get("name"));
                } else if (ref.containsKey("configMapKeyRef")) {
                    assertKeyExists(docs, "ConfigMap", mapAt(ref, "configMapKeyRef"), e.get("name"));
                }
            }
            names.add(string(e.get("name")));
        }
        Object envFrom = container.get("envFrom");
        if (envFrom != null) {
            for (Object source : list(envFrom, "envFrom")) {
                Map<String, Object> from = map(source, "envFrom entry");
                String kind = from.containsKey("configMapRef") ? "ConfigMap" : "Secret";
                String ref = string(mapAt(from, kind.equals("ConfigMap") ? "configMapRef" : "secretRef")
                        .get("name"));
                Map<String, Object> target = named(docs, kind, ref);
                Object data = target.get("data");
                if (data != null) {
                    names.addAll(map(data, kind + " " + ref + " data").keySet());
                }
            }
        }
        return names;
    }

    private static Map<String, Object> configMapData(List<Map<String, Object>> docs, Service service) {
        Map<String, Object> container = singleContainer(deploymentOf(docs, service));
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (Object source : listAt(container, "envFrom")) {
            Map<String, Object> from = map(source, "envFrom entry");
            if (from.containsKey("configMapRef")) {
                String ref = string(mapAt(from, "configMapRef").get("name"));
                data.putAll(mapAt(named(docs, "ConfigMap", ref), "data"));
            }
        }
        return data;
    }

    private static void assertKeyExists(
            List<Map<String, Object>> docs, String kind, Map<String, Object> keyRef, Object variable) {
        String name = string(keyRef.get("name"));
        String key = string(keyRef.get("key"));
        Map<String, Object> target = named(docs, kind, name);
        assertTrue(
                mapAt(target, "data").containsKey(key),
                variable + " refers to key " + key + " missing from " + kind + " " + name);
    }

    private static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return ofKind(docs, kind).stream()
                .filter(d -> name.equals(at(d, "metadata.name")))
                .findFirst()
                .orElseGet(() -> fail(kind + " " + name + " is referenced but not rendered"));
    }

    private static List<Map<String, Object>> env(Map<String, Object> container) {
        Object env = container.get("env");
        List<Map<String, Object>> result = new ArrayList<>();
        if (env != null) {
            list(env, "env").forEach(e -> result.add(map(e, "env entry")));
        }
        return result;
    }

    private static void assertProbe(Map<String, Object> container, String probe, String path, Service service) {
        Map<String, Object> httpGet = mapAt(container, probe + ".httpGet");
        assertEquals(path, httpGet.get("path"), probe + " path");
        assertEquals(service.port(), resolvePort(container, httpGet.get("port")), probe + " port");
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

    private static Map<String, Object> singleContainer(Map<String, Object> deployment) {
        List<Object> containers = listAt(deployment, "spec.template.spec.containers");
        assertEquals(1, containers.size(), "containers in " + describe(deployment));
        return map(containers.get(0), "container");
    }

    private static Map<String, Object> deploymentOf(List<Map<String, Object>> docs, Service service) {
        return ofKind(docs, "Deployment").stream()
                .filter(d -> service.name().equals(mapAt(d, "metadata.labels").get("app.kubernetes.io/name")))
                .findFirst()
                .orElseGet(() -> fail("no Deployment labelled app.kubernetes.io/name=" + service.name()));
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static String describe(Map<String, Object> doc) {
        Object metadata = doc.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        return doc.get("kind") + "/" + name;
    }

    static List<Map<String, Object>> render(String dir) {
        return RENDERED.computeIfAbsent(dir, KustomizeRenderTest::kustomize);
    }

    private static List<Map<String, Object>> kustomize(String dir) {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        Path root = Service.repoRoot();
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir)
                        .directory(root.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail(kubectl + " kustomize " + dir + " did not finish within 2 minutes");
                }
                assertEquals(
                        0,
                        process.exitValue(),
                        kubectl + " kustomize " + dir + " failed:\n" + Files.readString(stderr));
                return Yamls.loadAll(out);
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            return fail(
                    "could not run `" + kubectl + " kustomize " + dir + "` in " + root
                            + " (is kubectl on the PATH? set KUBECTL to its path otherwise)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while rendering " + dir, e);
        }
    }
}
