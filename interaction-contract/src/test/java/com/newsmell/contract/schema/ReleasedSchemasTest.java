package com.newsmell.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The evolution check in {@code ./mvnw verify} (ADR 0040): the published schemas against the released set kept in
 * the repository, {@code interaction-contract/released-schemas.json}. Releasing new versions rewrites that file:
 * {@code ./mvnw -o test -pl interaction-contract -Dtest=ReleasedSchemasTest -Dnewsmell.schemas.release=true}.
 */
class ReleasedSchemasTest {

    static final Path RELEASED = Path.of("released-schemas.json");

    @Test
    void thePublishedSchemasKeepTheReleasedOnesAndBumpEveryChange() throws IOException {
        var published = SchemaReleaseCheck.of(EventSchemas.published());
        if (Boolean.getBoolean("newsmell.schemas.release")) {
            ObjectNode file = EventCodec.mapper().createObjectNode();
            file.put(
                    "$comment",
                    "The released schemas (ADR 0040), annotations left out. Written by ReleasedSchemasTest"
                            + " with -Dnewsmell.schemas.release=true; never edited by hand.");
            SchemaReleaseCheck.release(published).forEach(file.putObject("released")::set);
            Files.writeString(
                    RELEASED,
                    EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n");
        }
        Map<String, JsonNode> released = new TreeMap<>();
        EventCodec.mapper()
                .readTree(RELEASED.toFile())
                .path("released")
                .fields()
                .forEachRemaining(e -> released.put(e.getKey(), e.getValue()));

        assertThat(released).as("the released set").hasSizeGreaterThanOrEqualTo(published.size());
        assertThat(SchemaReleaseCheck.problems(released, published)).isEmpty();
    }
}
