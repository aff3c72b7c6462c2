package com.newsmell.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventParser;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final EventSchemas SCHEMAS = EventSchemas.published();
    private static final JsonSchemaValidation VALIDATION = new JsonSchemaValidation();

    @Test
    void oneSchemaPerEventTypeAndTheEnvelope() {
        List<String> expected = new ArrayList<>(List.of(EventSchemas.ENVELOPE));
        Arrays.stream(InteractionEventType.values()).map(Enum::name).forEach(expected::add);
        assertThat(SCHEMAS.names()).containsExactlyElementsOf(expected);
        for (String name : SCHEMAS.names()) {
            assertThat(SCHEMAS.current(name)).hasValue(new SchemaVer(2, 2, 0));
        }
    }

    @Test
    void theIndexListsExactlyTheFilesBesideIt() throws IOException {
        Path root = Path.of("src/main/resources", EventSchemas.RESOURCE_ROOT);
        Set<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")
                            && !p.getFileName().toString().equals("index.json"))
                    .map(p -> root.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> indexed = new TreeSet<>();
        SCHEMAS.names().forEach(n -> SCHEMAS.versions(n).forEach(v -> indexed.add(n + "/jsonschema/" + v + ".json")));
        assertThat(files).isEqualTo(indexed);
    }

    @Test
    void everySchemaNamesItsVersionDescribesEveryFieldAndHasAnExample() {
        for (String name : SCHEMAS.names()) {
            for (SchemaVer version : SCHEMAS.versions(name)) {
                ObjectNode schema = SCHEMAS.schema(name, version).orElseThrow();
                String where = name + " " + version;
                assertThat(schema.path("$schema").asText())
                        .as(where)
                        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
                assertThat(schema.path("$id").asText()).as(where).isEqualTo(EventSchemas.id(name, version));
                assertThat(schema.path("description").asText()).as(where).isNotBlank();
                assertThat(schema.path("examples").isArray()
                                && !schema.path("examples").isEmpty())
                        .as(where + " has examples")
                        .isTrue();
                List<String> undescribed = new ArrayList<>();
                undescribed(schema, "", undescribed);
                assertThat(undescribed)
                        .as(where + ": properties without a description")
                        .isEmpty();
            }
        }
    }

    @Test
    void everyExampleIsValidForTheSchemaAndTheCollectorsValidator() {
        int examples = 0;
        for (String name : SCHEMAS.names()) {
            for (SchemaVer version : SCHEMAS.versions(name)) {
                for (JsonNode example :
                        SCHEMAS.schema(name, version).orElseThrow().path("examples")) {
                    String where = name + " " + version + " example " + example;
                    assertThat(VALIDATION.errors(name, version, example.toString()))
                            .as(where)
                            .isEmpty();
                    ParseResult parsed =
                            version.model() == 2 ? EventParser.parse(example) : EventParser.decode(example);
                    assertThat(parsed.violations()).as(where).isEmpty();
                    examples++;
                }
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(2 * InteractionEventType.values().length);
    }

    @Test
    void schemaVerParsesOrdersAndBumps() {
        assertThat(SchemaVer.parse("2-0-1")).hasValue(new SchemaVer(2, 0, 1));
        assertThat(SchemaVer.parse("2-01-1")).isEmpty();
        assertThat(SchemaVer.parse("0-1-0")).isEmpty();
        assertThat(SchemaVer.parse("2.0.1")).isEmpty();
        assertThat(SchemaVer.parse(null)).isEmpty();
        assertThat(new SchemaVer(1, 9, 9)).isLessThan(new SchemaVer(2, 0, 0));
        assertThat(new SchemaVer(2, 0, 9)).isLessThan(new SchemaVer(2, 1, 0));
        assertThat(new SchemaVer(2, 1, 3).nextRevision()).isEqualTo(new SchemaVer(2, 2, 0));
        assertThat(new SchemaVer(2, 1, 3).nextAddition()).isEqualTo(new SchemaVer(2, 1, 4));
        assertThat(new SchemaVer(2, 1, 3)).hasToString("2-1-3");
    }

    @Test
    void unknownNamesAndVersionsAreEmpty() {
        assertThat(SCHEMAS.versions("PAGE_EXPLODED")).isEmpty();
        assertThat(SCHEMAS.schema("PAGE_VIEW", new SchemaVer(9, 0, 0))).isEmpty();
        assertThat(EventSchemas.resourceOf("https://example.com/x")).isEmpty();
    }

    /**
     * Collects the pointer of every entry of a {@code properties} object, at any depth, without a description (the
     * conditions of allOf / anyOf restate fields described above them).
     */
    private static void undescribed(JsonNode schema, String pointer, List<String> out) {
        if (schema.isObject()) {
            JsonNode properties = schema.get("properties");
            if (properties != null && properties.isObject()) {
                for (var it = properties.fields(); it.hasNext(); ) {
                    var e = it.next();
                    boolean constOnly =
                            e.getValue().has("const") || e.getValue().has("not");
                    if (!constOnly && !e.getValue().path("description").isTextual()) {
                        out.add(pointer + "/properties/" + e.getKey());
                    }
                }
            }
            for (var it = schema.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!Set.of("examples", "allOf", "anyOf").contains(e.getKey())) {
                    undescribed(e.getValue(), pointer + "/" + e.getKey(), out);
                }
            }
        } else if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                undescribed(schema.get(i), pointer + "/" + i, out);
            }
        }
    }
}
