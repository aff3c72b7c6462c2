package com.newsmell.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One of the five deployable services, as described in the deployment files. */
record Service(String name, int port, String database) {

    static final List<Service> ALL = List.of(
            new Service("event-collector", 8080, "collector"),
            new Service("session-service", 8081, "session"),
            new Service("profile-service", 8082, "profile"),
            new Service("perfume-stats-service", 8083, "perfume_stats"),
            new Service("recommendation-feedback-service", 8084, "recommendation_feedback"));

    /** The management interface's port in a container: /q/health and /q/metrics (Quarkus' default, ADR 0075). */
    static final int MANAGEMENT_PORT = 9000;

    /** Variables every service reads, whether or not its application.properties exists yet. */
    static final Set<String> COMMON_VARIABLES = Set.of(
            "PG_HOST",
            "PG_PORT",
            "PG_USER",
            "PG_PASSWORD",
            "PG_DATABASE",
            "KAFKA_BOOTSTRAP_SERVERS",
            "INTERACTIONS_TOPIC",
            "DEAD_LETTER_TOPIC");

    /** {@code ${NAME} or ${NAME:default}} with an UPPER_SNAKE_CASE name (also inside defaults). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");

    /** Source for {@code @MethodSource("com.newsmell.deployment.Service#all")}. */
    static Stream<Service> all() {
        return ALL.stream();
    }

    /** The services whose application.properties already exists (the others are still being written). */
    static Stream<Service> withApplicationProperties() {
        return ALL.stream().filter(s -> Files.isRegularFile(s.applicationProperties()));
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    }

    Path moduleDir() {
        return repoRoot().resolve(name);
    }

    Path applicationProperties() {
        return moduleDir().resolve("src/main/resources/application.properties");
    }

    /**
     * Every environment variable the service reads: the common ones plus each {@code ${NAME[:default]}}
     * placeholder in its application.properties (comments and %dev/%test profile lines excluded).
     */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>(COMMON_VARIABLES);
        names.addAll(placeholdersInApplicationProperties());
        return names;
    }

    Set<String> placeholdersInApplicationProperties() {
        Set<String> names = new TreeSet<>();
        Path file = applicationProperties();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
                    continue;
                }
                if (trimmed.startsWith("%") && !trimmed.startsWith("%prod.")) {
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(trimmed);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    @Override
    public String toString() {
        return name;
    }
}
