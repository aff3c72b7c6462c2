package com.newsmell.profile.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The layout and a schema version: every position defined once, the seed's group sizes, a lossless JSON form. */
class FeatureSchemaTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(
            List.of("rose", "oud"),
            List.of("h1"),
            FeatureLayout.PERFUME_TYPES,
            List.of(new BigDecimal("10.00"), new BigDecimal("20.50"), new BigDecimal("99.99")));

    @Test
    void everyPositionHasOneUniquelyNamedDescribedFeature() {
        List<FeatureDefinition> features = FeatureLayout.defaults();
        assertThat(features).hasSize(111);
        for (int i = 0; i < features.size(); i++) {
            FeatureDefinition f = features.get(i);
            assertThat(f.position()).isEqualTo(i);
            assertThat(f.name()).matches("[a-z][A-Za-z0-9]*");
            assertThat(f.description()).as(f.name()).isNotBlank();
            assertThat(f.normalisation()).as(f.name()).isNotNull();
        }
        assertThat(new HashSet<>(features.stream().map(FeatureDefinition::name).toList()))
                .hasSize(features.size());
    }

    @Test
    void theGroupsHaveTheSeedsSizesInTheSeedsOrder() {
        Map<FeatureGroup, Long> sizes = FeatureLayout.defaults().stream()
                .collect(Collectors.groupingBy(FeatureDefinition::group, Collectors.counting()));
        assertThat(sizes)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        FeatureGroup.demographic, 1L,
                        FeatureGroup.engagement, 20L,
                        FeatureGroup.collection, 15L,
                        FeatureGroup.preferences, 50L,
                        FeatureGroup.behaviour, 15L,
                        FeatureGroup.temporal, 10L));
        List<FeatureGroup> order =
                FeatureLayout.defaults().stream().map(FeatureDefinition::group).toList();
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i).ordinal())
                    .isGreaterThanOrEqualTo(order.get(i - 1).ordinal());
        }
        assertThat(FeatureLayout.defaults().stream().map(FeatureDefinition::name))
                .contains(
                        "accountAge",
                        "perfumeViewRate",
                        "searchRate",
                        "interactionRate",
                        "collectionGrowthRate",
                        "note01",
                        "note25",
                        "house15",
                        "pricePointIndex",
                        "typeOther",
                        "explorationScore",
                        "tradingActivity",
                        "socialActivity",
                        "contentCreation",
                        "responseTime",
                        "dayOfWeekSunday",
                        "hourOfDayEvening");
    }

    @Test
    void aVersionSurvivesItsJsonUnchanged() {
        FeatureSchema schema = FeatureSchema.of(
                3, VOCABULARY, Map.of("totalSessions", 100.0), Instant.parse("2024-06-30T03:00:00.123Z"), "command");

        FeatureSchema back = FeatureSchema.fromJson(schema.toJson().toString());

        assertThat(back).isEqualTo(schema);
        assertThat(back.features().get(back.positions().get("totalSessions")).normalisation())
                .isEqualTo(Normalisation.log(100));
        assertThat(schema.toJson().get("vocabulary").get("notes")).hasSize(FeatureLayout.NOTE_SLOTS);
        assertThat(schema.toJson()
                        .get("vocabulary")
                        .get("notes")
                        .get(1)
                        .get("noteId")
                        .asText())
                .isEqualTo("oud");
        assertThat(schema.toJson().get("vocabulary").get("notes").get(2).has("noteId"))
                .isFalse();
        assertThat(schema.toJson()
                        .get("features")
                        .get(1)
                        .get("normalisation")
                        .get("formula")
                        .asText())
                .isEqualTo("min(ln(1 + x) / ln(1 + 100), 1)");
    }

    @Test
    void aCapForNoCappedFeatureIsRefused() {
        assertThatThrownBy(() -> FeatureLayout.withCaps(Map.of("nope", 3.0))).hasMessageContaining("no such feature");
        assertThatThrownBy(() -> FeatureLayout.withCaps(Map.of("explorationScore", 3.0)))
                .hasMessageContaining("has no cap");
        assertThatThrownBy(() -> FeatureLayout.withCaps(Map.of("totalSessions", 0.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVocabularyKeepsItsSlotsAndOrder() {
        assertThatThrownBy(() -> new Vocabulary(List.of("a", "a"), List.of(), List.of(), List.of()))
                .hasMessageContaining("twice");
        assertThatThrownBy(
                        () -> new Vocabulary(List.of(), List.of(), List.of(), List.of(BigDecimal.TEN, BigDecimal.ONE)))
                .hasMessageContaining("decrease");
        assertThatThrownBy(() -> new Vocabulary(
                        java.util.stream.IntStream.range(0, 26)
                                .mapToObj(i -> "n" + i)
                                .toList(),
                        List.of(),
                        List.of(),
                        List.of()))
                .hasMessageContaining("at most");
    }

    @Test
    void aVectorsTextIsItsShortestDecimalForm() {
        double[] values = {0, 1, 0.25, 0.0001, 0.3333};
        String text = VectorText.write(values);
        assertThat(text).isEqualTo("[0,1,0.25,0.0001,0.3333]");
        assertThat(VectorText.read(text)).containsExactly(values);
        assertThat(VectorText.read("[]")).isEmpty();
    }
}
