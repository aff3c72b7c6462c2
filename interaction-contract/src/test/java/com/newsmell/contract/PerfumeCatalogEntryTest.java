package com.newsmell.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.PerfumeCatalogEntry.Concentration;
import com.newsmell.contract.PerfumeCatalogEntry.Note;
import com.newsmell.contract.PerfumeCatalogEntry.NoteCategory;
import com.newsmell.contract.PerfumeCatalogEntry.NoteLayer;
import com.newsmell.contract.PerfumeCatalogEntry.Price;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue #11, the perfume catalog: the contract type, its strict parser and its wire format (ADR 0016). */
class PerfumeCatalogEntryTest {

    static final String VALID = "{\"perfumeId\":\"p-1\",\"name\":\"Velvet Oud\",\"houseId\":\"h-1\","
            + "\"houseName\":\"Maison Lumiere\",\"notes\":["
            + "{\"noteId\":\"note-bergamot\",\"name\":\"bergamot\",\"layer\":\"top\",\"category\":\"citrus\"},"
            + "{\"noteId\":\"note-oud\",\"name\":\"oud\",\"layer\":\"base\",\"category\":\"woody\"}],"
            + "\"perfumeType\":\"Eau de Parfum\",\"concentration\":\"eau-de-parfum\",\"launchYear\":2019,"
            + "\"price\":{\"amount\":92.5,\"currency\":\"EUR\"},\"version\":3}";

    static ObjectNode valid() {
        return (ObjectNode) read(VALID);
    }

    @Test
    void parsesAValidEntry() {
        PerfumeCatalogParser.Result result = PerfumeCatalogParser.parse(valid());

        assertThat(result.violations()).isEmpty();
        assertThat(result.entry())
                .isEqualTo(new PerfumeCatalogEntry(
                        "p-1",
                        "Velvet Oud",
                        "h-1",
                        "Maison Lumiere",
                        List.of(
                                new Note("note-bergamot", "bergamot", NoteLayer.TOP, NoteCategory.CITRUS),
                                new Note("note-oud", "oud", NoteLayer.BASE, NoteCategory.WOODY)),
                        "Eau de Parfum",
                        Concentration.EAU_DE_PARFUM,
                        2019,
                        new Price(new BigDecimal("92.50"), "EUR"),
                        null,
                        3));
    }

    @Test
    void launchYearIsOptionalAndNotesMayBeEmpty() {
        ObjectNode node = valid();
        node.remove("launchYear");
        node.putArray("notes");

        PerfumeCatalogEntry entry = PerfumeCatalogParser.parse(node).entry();

        assertThat(entry.launchYear()).isNull();
        assertThat(entry.notes()).isEmpty();
    }

    @Test
    void toJsonAndFromJsonRoundTrip() {
        PerfumeCatalogEntry entry = PerfumeCatalogParser.parse(valid())
                .entry()
                .withPrice(new Price(new BigDecimal("85.10"), "EUR"), new Price(new BigDecimal("92.5"), "USD"));

        String json = entry.toJson();

        assertThat(json)
                .isEqualTo("{\"perfumeId\":\"p-1\",\"name\":\"Velvet Oud\",\"houseId\":\"h-1\","
                        + "\"houseName\":\"Maison Lumiere\",\"notes\":["
                        + "{\"noteId\":\"note-bergamot\",\"name\":\"bergamot\",\"layer\":\"top\",\"category\":\"citrus\"},"
                        + "{\"noteId\":\"note-oud\",\"name\":\"oud\",\"layer\":\"base\",\"category\":\"woody\"}],"
                        + "\"perfumeType\":\"Eau de Parfum\",\"concentration\":\"eau-de-parfum\",\"launchYear\":2019,"
                        + "\"price\":{\"amount\":85.10,\"currency\":\"EUR\"},"
                        + "\"originalPrice\":{\"amount\":92.50,\"currency\":\"USD\"},\"version\":3}");
        assertThat(PerfumeCatalogEntry.fromJson(json)).isEqualTo(entry);
    }

    @Test
    void aSubmissionMayNotCarryOriginalPriceButAStoredRecordMay() {
        ObjectNode node = valid();
        node.putObject("originalPrice").put("amount", 100).put("currency", "USD");

        assertThat(PerfumeCatalogParser.parse(node).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/originalPrice", "unknown"));
        assertThat(PerfumeCatalogParser.decode(node).entry().originalPrice())
                .isEqualTo(new Price(new BigDecimal("100"), "USD"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // field to set (a JSON pointer into VALID) | JSON value | expected pointer | expected rule
                "/notes/0/layer|\"middle\"|/notes/0/layer|enum",
                "/notes/1/category|\"oriental\"|/notes/1/category|enum",
                "/notes/0/layer|null|/notes/0/layer|required",
                "/notes/1/noteId|\"\"|/notes/1/noteId|required",
                "/notes/0/colour|\"red\"|/notes/0/colour|unknown",
                "/price/amount|-1|/price/amount|range",
                "/price/amount|\"12\"|/price/amount|type",
                "/price/currency|\"eur\"|/price/currency|format",
                "/price/tax|0.2|/price/tax|unknown",
                "/price|12|/price|type",
                "/price|null|/price|required",
                "/perfumeId|null|/perfumeId|required",
                "/perfumeId|\" \"|/perfumeId|required",
                "/perfumeId|7|/perfumeId|type",
                "/name|null|/name|required",
                "/houseId|null|/houseId|required",
                "/houseName|null|/houseName|required",
                "/perfumeType|null|/perfumeType|required",
                "/concentration|\"edp\"|/concentration|enum",
                "/concentration|null|/concentration|required",
                "/launchYear|1200|/launchYear|range",
                "/launchYear|\"2019\"|/launchYear|type",
                "/version|-1|/version|range",
                "/version|1.5|/version|type",
                "/version|null|/version|required",
                "/notes|{}|/notes|type",
                "/notes/1|\"oud\"|/notes/1|type",
                "/colour|\"red\"|/colour|unknown",
                "/name|\"rose\\u0000oud\"|/name|no-nul",
            })
    void refusesABadFieldWithItsPointerAndRule(String field, String value, String pointer, String rule) {
        ObjectNode node = valid();
        set(node, field, read(value));

        PerfumeCatalogParser.Result result = PerfumeCatalogParser.parse(node);

        assertThat(result.entry()).isNull();
        assertThat(result.violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple(pointer, rule));
    }

    @Test
    void collectsEveryViolation() {
        ObjectNode node = valid();
        ((ObjectNode) node.get("notes").get(0)).put("layer", "middle");
        ((ObjectNode) node.get("price")).put("amount", -3);
        node.put("stock", 4);

        assertThat(PerfumeCatalogParser.parse(node).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactlyInAnyOrder(
                        tuple("/stock", "unknown"), tuple("/notes/0/layer", "enum"), tuple("/price/amount", "range"));
    }

    @Test
    void refusesTooManyNotesAndAnythingButAnObject() {
        ObjectNode node = valid();
        ArrayNode notes = node.putArray("notes");
        for (int i = 0; i <= PerfumeCatalogParser.MAX_NOTES; i++) {
            notes.addObject()
                    .put("noteId", "n" + i)
                    .put("name", "n")
                    .put("layer", "top")
                    .put("category", "fresh");
        }
        assertThat(PerfumeCatalogParser.parse(node).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/notes", "max-size"));
        assertThat(PerfumeCatalogParser.parse(read("[1]")).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("", "type"));
    }

    @Test
    void everyDocumentedCategoryAndLayerIsAccepted() {
        assertThat(NoteCategory.values())
                .extracting(NoteCategory::wireName)
                .containsExactly(
                        "floral",
                        "woody",
                        "citrus",
                        "amber",
                        "fresh",
                        "fruity",
                        "gourmand",
                        "spicy",
                        "green",
                        "aquatic",
                        "musky",
                        "leather",
                        "powdery",
                        "aromatic",
                        "chypre");
        for (NoteCategory category : NoteCategory.values()) {
            for (NoteLayer layer : NoteLayer.values()) {
                ObjectNode node = valid();
                ((ObjectNode) node.get("notes").get(0))
                        .put("layer", layer.wireName())
                        .put("category", category.wireName());
                assertThat(PerfumeCatalogParser.parse(node).valid()).isTrue();
            }
        }
    }

    @Test
    void fromJsonRefusesWhatIsNotAnEntry() {
        assertThatThrownBy(() -> PerfumeCatalogEntry.fromJson("not json"))
                .isInstanceOf(PerfumeCatalogEntry.Invalid.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PerfumeCatalogEntry.fromJson(null)).isInstanceOf(PerfumeCatalogEntry.Invalid.class);
        assertThatThrownBy(() -> PerfumeCatalogEntry.fromJson(VALID.replace("\"top\"", "\"middle\"")))
                .isInstanceOfSatisfying(
                        PerfumeCatalogEntry.Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/notes/0/layer"));
    }

    @Test
    void theTopicIsNamed() {
        assertThat(Topics.PERFUME_CATALOG).isEqualTo("perfume-catalog");
    }

    private static JsonNode read(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Sets the member at {@code pointer} (its parent must exist). */
    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
