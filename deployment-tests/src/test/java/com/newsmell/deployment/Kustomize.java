package com.newsmell.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders the k8s/ overlays with {@code kubectl kustomize} (or the binary the KUBECTL environment variable names), once
 * per test run. Without kubectl the render tests are skipped, loudly; CI sets NEWSMELL_REQUIRE_KUBECTL so that they
 * fail there instead.
 */
final class Kustomize {

    static final String DEV = "k8s/overlays/dev";
    static final String PROD = "k8s/overlays/prod";
    static final List<String> OVERLAYS = List.of(DEV, PROD);

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** Source for {@code @MethodSource("com.newsmell.deployment.Kustomize#overlays")}. */
    static Stream<String> overlays() {
        return OVERLAYS.stream();
    }

    static List<Map<String, Object>> render(String dir) {
        assumeKubectl();
        return RENDERED.computeIfAbsent(dir, Kustomize::kustomize);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static String describe(Map<String, Object> doc) {
        Object metadata = doc.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        return doc.get("kind") + "/" + name;
    }

    private static String kubectl() {
        return System.getenv().getOrDefault("KUBECTL", "kubectl");
    }

    private static void assumeKubectl() {
        String kubectl = kubectl();
        boolean found = kubectl.contains(File.separator)
                ? Files.isExecutable(Path.of(kubectl))
                : Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, kubectl)));
        if (!found) {
            String message = "kubectl not found (PATH, or KUBECTL=<path>): the k8s/ manifests are NOT rendered nor"
                    + " validated in this run";
            if (System.getenv("NEWSMELL_REQUIRE_KUBECTL") != null) {
                fail(message + " (NEWSMELL_REQUIRE_KUBECTL is set, as in CI)");
            }
            System.err.println("WARNING: " + message);
            Assumptions.abort(message);
        }
    }

    private static List<Map<String, Object>> kustomize(String dir) {
        String kubectl = kubectl();
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
            return fail("could not run `" + kubectl + " kustomize " + dir + "` in " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while rendering " + dir, e);
        }
    }
}
