package com.newsmell.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object every overlay renders is valid against its schema, strictly (ManifestSchemas); unknown fields fail. */
class ManifestSchemaTest {

    private static final Path FIXTURES =
            Service.repoRoot().resolve("deployment-tests/src/test/resources/fixtures/unknown-field");
    private static final Pattern UNKNOWN = Pattern.compile("^# The unknown field: (\\w+)", Pattern.MULTILINE);

    @ParameterizedTest(name = "{0}: every object is valid against its schema")
    @MethodSource("com.newsmell.deployment.Kustomize#overlays")
    void everyRenderedObjectIsValid(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : Kustomize.render(overlay)) {
            problems.addAll(ManifestSchemas.problems(doc));
        }
        assertEquals(List.of(), problems, overlay);
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "fixture {0}: its unknown field fails, and without it the object is valid")
    @MethodSource("fixtures")
    void unknownFieldFails(String fixture) throws IOException {
        String text = Files.readString(FIXTURES.resolve(fixture));
        Matcher m = UNKNOWN.matcher(text);
        assertTrue(m.find(), fixture + " names its unknown field in a '# The unknown field: X' comment");
        String field = m.group(1);
        Map<String, Object> doc = Yamls.loadAll(text).get(0);

        List<String> problems = ManifestSchemas.problems(doc);
        assertFalse(problems.isEmpty(), fixture + " was accepted with its unknown field " + field);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(field)),
                "the problem names the field " + field + ": " + problems);

        withoutField(doc, field);
        assertEquals(List.of(), ManifestSchemas.problems(doc), fixture + " without " + field);
    }

    @Test
    void anObjectOfAnUnknownKindFails() {
        Map<String, Object> scaledObject = Yamls.loadAll(
                        "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: lag}\nspec: {}\n")
                .get(0);
        assertEquals(
                List.of("ScaledObject/lag: no schema for keda.sh/v1alpha1 ScaledObject (add its model class to"
                        + " ManifestSchemas)"),
                ManifestSchemas.problems(scaledObject));
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        Map<String, Object> topic = Yamls.loadAll("apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\n"
                        + "metadata: {name: t}\nspec: {partitions: twelve}\n")
                .get(0);
        assertFalse(ManifestSchemas.problems(topic).isEmpty(), "partitions: twelve");
    }

    /** Removes every key named {@code field}, at any depth. */
    private static void withoutField(Object node, String field) {
        if (node instanceof Map<?, ?> map) {
            map.remove(field);
            map.values().forEach(v -> withoutField(v, field));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> withoutField(v, field));
        }
    }
}
