package com.newsmell.deployment;

import static com.newsmell.deployment.Kustomize.PROD;
import static com.newsmell.deployment.Kustomize.ofKind;
import static com.newsmell.deployment.Kustomize.render;
import static com.newsmell.deployment.KustomizeRenderTest.deploymentOf;
import static com.newsmell.deployment.KustomizeRenderTest.env;
import static com.newsmell.deployment.KustomizeRenderTest.named;
import static com.newsmell.deployment.KustomizeRenderTest.singleContainer;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bearer tokens deployed (issue 16, ADR 0063): every service verifies them with the key and issuer of the deployment's
 * configuration (Kubernetes: the one ConfigMap newsmell-jwt-config and the public key of the Secret newsmell-jwt
 * mounted where NEWSMELL_JWT_PUBLIC_KEY_LOCATION points; docker compose: the development key pair's public key), and the
 * gateway, which forwards each caller's token, hands out none in a deployment.
 */
class JwtSettingsTest {

    private static final String CONFIG = "newsmell-jwt-config";
    private static final String SECRET = "newsmell-jwt";
    private static final String LOCAL_ISSUER = "https://newsmell.local";

    @ParameterizedTest(name = "{0}: {1} verifies tokens with the issuer and the key of " + CONFIG)
    @MethodSource("com.newsmell.deployment.KustomizeRenderTest#overlaysAndServices")
    void everyServiceTakesTheJwtSettings(String dir, Service service) {
        List<Map<String, Object>> docs = render(dir);
        Map<String, Object> pod = mapAt(deploymentOf(docs, service.name()), "spec.template.spec");
        Map<String, Object> container = singleContainer(deploymentOf(docs, service.name()));
        assertTrue(
                listAt(container, "envFrom").stream()
                        .map(e -> map(e, "envFrom entry"))
                        .anyMatch(e -> e.containsKey("configMapRef")
                                && CONFIG.equals(mapAt(e, "configMapRef").get("name"))),
                service.name() + " reads the ConfigMap " + CONFIG);
        assertTrue(
                env(container).stream().noneMatch(e -> string(e.get("name")).startsWith("MP_JWT")),
                "no second, per-service key setting");
        Map<String, Object> config = mapAt(named(docs, "ConfigMap", CONFIG), "data");
        String issuer = string(config.get("NEWSMELL_JWT_ISSUER"));
        String location = string(config.get("NEWSMELL_JWT_PUBLIC_KEY_LOCATION"));
        assertNotNull(issuer, "NEWSMELL_JWT_ISSUER");
        assertNotNull(location, "NEWSMELL_JWT_PUBLIC_KEY_LOCATION");
        if (dir.equals(PROD)) {
            assertFalse(issuer.equals(LOCAL_ISSUER), "prod takes its identity provider's issuer, not the local one");
        }
        assertTrue(location.startsWith("file:/") || location.startsWith("https://"), "a PEM file or a JWKS URL");
        if (location.startsWith("file:")) {
            Path file = Path.of(location.substring("file:".length()));
            Map<String, Object> mount = list(container.get("volumeMounts"), "volumeMounts").stream()
                    .map(v -> map(v, "volumeMount"))
                    .filter(v -> file.getParent().toString().equals(v.get("mountPath")))
                    .findFirst()
                    .orElseGet(() -> fail("nothing mounted at " + file.getParent()));
            assertEquals(true, mount.get("readOnly"), "read-only");
            Map<String, Object> volume = listAt(pod, "volumes").stream()
                    .map(v -> map(v, "volume"))
                    .filter(v -> mount.get("name").equals(v.get("name")))
                    .findFirst()
                    .orElseGet(() -> fail("no volume " + mount.get("name")));
            assertEquals(SECRET, string(mapAt(volume, "secret").get("secretName")), "the Secret " + SECRET);
            assertTrue(
                    listAt(volume, "secret.items").stream()
                            .map(i -> map(i, "item"))
                            .anyMatch(i -> "public-key".equals(i.get("key"))
                                    && file.getFileName().toString().equals(i.get("path"))),
                    "its key public-key as " + file.getFileName());
        }
    }

    @ParameterizedTest(name = "{0}: the gateway hands out no token")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void theDeployedGatewayHandsOutNoToken(String dir) {
        List<Map<String, Object>> docs = render(dir);
        for (Map<String, Object> doc : ofKind(docs, "ConfigMap")) {
            assertFalse(mapAt(doc, "data").containsKey("NEWSMELL_DASHBOARD_TOKEN"), Kustomize.describe(doc));
        }
        Map<String, Object> gateway = singleContainer(deploymentOf(docs, KustomizeRenderTest.GATEWAY));
        assertTrue(
                env(gateway).stream().noneMatch(e -> "NEWSMELL_DASHBOARD_TOKEN".equals(e.get("name"))),
                "NEWSMELL_DASHBOARD_TOKEN is for a gateway on a developer's machine only");
    }

    @ParameterizedTest(name = "docker compose: {0} verifies tokens with the development key pair's public key")
    @MethodSource("com.newsmell.deployment.Service#all")
    void composeServicesVerifyTheDevelopmentKey(Service service) throws IOException {
        Map<String, Object> svc = composeService(service.name());
        Map<String, Object> env = mapAt(svc, "environment");
        assertEquals(LOCAL_ISSUER, string(env.get("NEWSMELL_JWT_ISSUER")), "the issuer of local-infra's Tokens");
        String location = string(env.get("NEWSMELL_JWT_PUBLIC_KEY_LOCATION"));
        assertNotNull(location, "NEWSMELL_JWT_PUBLIC_KEY_LOCATION");
        assertTrue(location.startsWith("file:"), location);
        String target = location.substring("file:".length());
        assertTrue(
                list(svc.get("volumes"), "volumes").stream()
                        .map(Yamls::string)
                        .anyMatch(v -> v.matches(".*/jwt-public\\.pem:" + Pattern.quote(target) + ":ro")),
                "the public key of the key pair Tokens --dir .data/jwt makes, mounted read-only at " + target);
    }

    @Test
    void composeGatewayGivesTheDashboardOnlyTheCallersAnalystToken() throws IOException {
        Map<String, Object> env = mapAt(composeService(KustomizeRenderTest.GATEWAY), "environment");
        assertEquals("${NEWSMELL_ANALYST_TOKEN:-}", string(env.get("NEWSMELL_DASHBOARD_TOKEN")));
    }

    @Test
    void theGatewayImageHoldsEveryModuleItsConfigurationImports() throws IOException {
        Path dir = Service.repoRoot().resolve(KustomizeRenderTest.GATEWAY);
        Matcher imports =
                Pattern.compile("from '\\./([^']+)'").matcher(Files.readString(dir.resolve("gateway.config.mjs")));
        List<String> copied = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("Dockerfile"))) {
            if (line.startsWith("COPY ")) {
                copied.addAll(List.of(line.substring("COPY ".length()).split("\\s+")));
            }
        }
        List<String> modules = new ArrayList<>();
        while (imports.find()) {
            modules.add(imports.group(1));
        }
        assertTrue(modules.contains("access.mjs"), "the access rules (forwarding, 401): " + modules);
        for (String module : modules) {
            String top = module.contains("/") ? module.substring(0, module.indexOf('/')) : module;
            assertTrue(copied.contains(top), "the image copies " + top + " (COPY: " + copied + ")");
        }
    }

    private static Map<String, Object> composeService(String name) throws IOException {
        Path compose = Service.repoRoot().resolve("docker-compose.yml");
        Map<String, Object> doc = map(Yamls.parser().load(Files.readString(compose)), "docker-compose.yml");
        Map<String, Object> services = new LinkedHashMap<>(mapAt(doc, "services"));
        return map(services.get(name), "service " + name);
    }
}
