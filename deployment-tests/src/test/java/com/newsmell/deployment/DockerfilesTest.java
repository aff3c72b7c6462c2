package com.newsmell.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks each service's src/main/docker/Dockerfile.jvm and Dockerfile.native. */
class DockerfilesTest {

    static final String JVM_BASE = "registry.access.redhat.com/ubi9/openjdk-17-runtime";
    static final String MANDREL_BUILDER = "quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21";
    static final String NATIVE_RUNTIME = "quay.io/quarkus/ubi9-quarkus-micro-image:2.0";

    @ParameterizedTest(name = "{0}: Dockerfile.jvm runs the fast-jar on the ubi9 OpenJDK 17 runtime as user 185")
    @MethodSource("com.newsmell.deployment.Service#all")
    void jvmDockerfile(Service service) throws IOException {
        List<String> lines = instructions(service, "Dockerfile.jvm");
        List<String> froms = withKeyword(lines, "FROM");
        assertEquals(1, froms.size(), "single-stage: " + froms);
        assertTrue(froms.get(0).startsWith("FROM " + JVM_BASE + ":"), froms.get(0));

        for (String part : List.of(
                "lib/ /deployments/lib/",
                "*.jar /deployments/",
                "app/ /deployments/app/",
                "quarkus/ /deployments/quarkus/")) {
            assertTrue(
                    withKeyword(lines, "COPY").stream().anyMatch(c -> c.endsWith("target/quarkus-app/" + part)),
                    "copies target/quarkus-app/" + part);
        }
        assertTrue(
                lines.contains("EXPOSE " + service.port() + " " + Service.MANAGEMENT_PORT),
                "EXPOSE " + service.port() + " " + Service.MANAGEMENT_PORT + " (the API, the management interface)");
        assertEquals("USER 185", last(withKeyword(lines, "USER")), "runs as 185");
        assertTrue(
                withKeyword(lines, "ENTRYPOINT").stream().anyMatch(e -> e.contains("run-java.sh")),
                "starts with run-java.sh");
    }

    @ParameterizedTest(name = "{0}: Dockerfile.native builds with Mandrel and runs the runner as non-root")
    @MethodSource("com.newsmell.deployment.Service#all")
    void nativeDockerfile(Service service) throws IOException {
        List<String> lines = instructions(service, "Dockerfile.native");
        List<String> froms = withKeyword(lines, "FROM");
        assertEquals(2, froms.size(), "multi-stage: " + froms);
        assertTrue(
                froms.get(0).toLowerCase(Locale.ROOT).startsWith("from " + MANDREL_BUILDER + " as "),
                "builder stage on Mandrel: " + froms.get(0));
        assertEquals("FROM " + NATIVE_RUNTIME, froms.get(1), "runtime stage");

        String build = String.join(" ", withKeyword(lines, "RUN"));
        assertTrue(build.contains("./mvnw"), "builds with the Maven wrapper");
        assertTrue(build.contains("-pl " + service.name() + " -am"), "builds only " + service.name() + " and deps");
        assertTrue(build.contains("-Dnative"), "native profile");
        assertTrue(build.contains("-Dquarkus.native.container-build=false"), "no nested container build");

        assertTrue(
                withKeyword(lines, "COPY").stream()
                        .anyMatch(c -> c.contains("--from=") && c.contains("/" + service.name() + "/target/*-runner")),
                "copies the native runner from the builder stage");
        assertTrue(
                lines.contains("EXPOSE " + service.port() + " " + Service.MANAGEMENT_PORT),
                "EXPOSE " + service.port() + " " + Service.MANAGEMENT_PORT + " (the API, the management interface)");
        String user =
                last(withKeyword(lines, "USER")).substring("USER ".length()).strip();
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), "non-root user: " + user);
    }

    /** Instructions with comments removed and backslash continuations joined. */
    private static List<String> instructions(Service service, String file) throws IOException {
        Path path = service.moduleDir().resolve("src/main/docker").resolve(file);
        assertTrue(Files.isRegularFile(path), path + " is missing");
        StringBuilder joined = new StringBuilder();
        for (String line : Files.readAllLines(path)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                joined.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                joined.append(trimmed).append('\n');
            }
        }
        return joined.toString()
                .lines()
                .map(l -> l.strip().replaceAll("\\s+", " "))
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static List<String> withKeyword(List<String> lines, String keyword) {
        return lines.stream()
                .filter(l -> l.toUpperCase(Locale.ROOT).startsWith(keyword + " "))
                .toList();
    }

    private static String last(List<String> lines) {
        assertFalse(lines.isEmpty(), "instruction missing");
        return lines.get(lines.size() - 1);
    }
}
