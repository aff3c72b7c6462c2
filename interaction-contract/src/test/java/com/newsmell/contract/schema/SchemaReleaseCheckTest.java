package com.newsmell.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.schema.SchemaCompatibility.Kind;
import com.newsmell.contract.schema.SchemaReleaseCheck.Published;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ADR 0040's evolution rules on PERFUME_VIEW 2-0-0 and edited copies of it. Plain unit tests. */
class SchemaReleaseCheckTest {

    private static final SchemaVer V200 = new SchemaVer(2, 0, 0);
    private static final ObjectNode BASE =
            EventSchemas.published().schema("PERFUME_VIEW", V200).orElseThrow();

    private static ObjectNode eventData(ObjectNode schema) {
        return (ObjectNode) schema.path("properties").path("eventData");
    }

    /** PERFUME_VIEW with an optional eventData field {@code perfumeVariant}: an ADDITION. */
    static ObjectNode withVariant() {
        ObjectNode s = BASE.deepCopy();
        ((ObjectNode) eventData(s).path("properties"))
                .putObject("perfumeVariant")
                .put("description", "The variant viewed (added in 2-0-1).")
                .putArray("type")
                .add("string")
                .add("null");
        return s;
    }

    private static Map<String, JsonNode> released() {
        return SchemaReleaseCheck.release(List.of(new Published("PERFUME_VIEW", V200, BASE)));
    }

    private static List<String> check(SchemaVer version, ObjectNode schema) {
        List<Published> published = new ArrayList<>(List.of(new Published("PERFUME_VIEW", V200, BASE)));
        published.add(new Published("PERFUME_VIEW", version, schema));
        return SchemaReleaseCheck.problems(released(), published);
    }

    @Test
    void anOptionalFieldIsAnAdditionPublishedAs201() {
        assertThat(SchemaCompatibility.worst(SchemaCompatibility.changes(BASE, withVariant())))
                .hasValue(Kind.ADDITION);
        assertThat(check(new SchemaVer(2, 0, 1), withVariant())).isEmpty();
    }

    @Test
    void changingAReleasedVersionInPlaceFailsAndNamesTheVersionToPublish() {
        List<String> problems =
                SchemaReleaseCheck.problems(released(), List.of(new Published("PERFUME_VIEW", V200, withVariant())));
        assertThat(problems).singleElement().asString().contains("changed after its release", "2-0-1");
    }

    @Test
    void descriptionsAndExamplesMayImproveWithoutABump() {
        ObjectNode s = BASE.deepCopy();
        s.put("description", "Better words.");
        s.putArray("examples");
        assertThat(SchemaReleaseCheck.problems(released(), List.of(new Published("PERFUME_VIEW", V200, s))))
                .isEmpty();
    }

    @Test
    void aNewRequiredFieldNeedsANewModel() {
        ObjectNode s = withVariant();
        ((com.fasterxml.jackson.databind.node.ArrayNode) eventData(s).path("required")).add("perfumeVariant");
        assertThat(check(new SchemaVer(2, 0, 1), s))
                .singleElement()
                .asString()
                .contains("BREAKING", "'perfumeVariant' now required", "3-0-0");
        assertThat(check(new SchemaVer(3, 0, 0), s)).isEmpty();
    }

    @Test
    void loosenedConstraintsAreRevisionsAndNarrowedOnesBreak() {
        ObjectNode wider = BASE.deepCopy();
        ((ObjectNode) eventData(wider).path("properties").path("scrollDepth")).put("maximum", 200);
        assertThat(SchemaCompatibility.worst(SchemaCompatibility.changes(BASE, wider)))
                .hasValue(Kind.REVISION);
        assertThat(check(new SchemaVer(2, 0, 1), wider))
                .singleElement()
                .asString()
                .contains("2-1-0");
        assertThat(check(new SchemaVer(2, 1, 0), wider)).isEmpty();

        ObjectNode narrower = BASE.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        eventData(narrower).path("properties").path("source").path("enum"))
                .remove(0);
        assertThat(SchemaCompatibility.worst(SchemaCompatibility.changes(BASE, narrower)))
                .hasValue(Kind.BREAKING);
    }

    @Test
    void aReleasedVersionNeverDisappears() {
        assertThat(SchemaReleaseCheck.problems(released(), List.of()))
                .singleElement()
                .asString()
                .contains("is gone");
    }

    @Test
    void aPatternAddedWithTheStringTypeIsARevisionAndAloneItIsBreaking() {
        ObjectNode widened = BASE.deepCopy();
        ObjectNode before = BASE.deepCopy();
        ObjectNode property = ((ObjectNode) widened.path("properties")).putObject("schemaVersion");
        property.putArray("type").add("integer");
        ((ObjectNode) before.path("properties")).set("schemaVersion", property.deepCopy());
        property.withArray("type").add("string");
        property.put("pattern", "^[12]-[0-9]+-[0-9]+$");
        assertThat(SchemaCompatibility.worst(SchemaCompatibility.changes(before, widened)))
                .contains(Kind.REVISION);

        ObjectNode narrowed = before.deepCopy();
        ((ObjectNode) narrowed.path("properties").path("schemaVersion")).put("pattern", "^2$");
        assertThat(SchemaCompatibility.worst(SchemaCompatibility.changes(before, narrowed)))
                .contains(Kind.BREAKING);
    }
}
