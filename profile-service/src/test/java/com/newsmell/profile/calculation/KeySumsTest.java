package com.newsmell.profile.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #11's note and house sums (the numerators of the preference weights), pure. */
class KeySumsTest {

    private static ProfileInputs.CatalogFacts perfume(String id, String house, String... notes) {
        return new ProfileInputs.CatalogFacts(id, house, List.of(notes), "Eau de Parfum", BigDecimal.TEN);
    }

    @Test
    @DisplayName(
            "a note's sum adds the engagement of every perfume carrying it, any sign; unknown perfumes add nothing")
    void sumsPerNote() {
        Map<String, ProfileInputs.CatalogFacts> catalog = Map.of(
                "p1", perfume("p1", "h1", "rose", "oud"),
                "p2", perfume("p2", "h1", "rose"),
                "p3", perfume("p3", "h2", "vanilla"));
        Map<String, Double> engagement = new TreeMap<>(Map.of("p1", 2.0, "p2", 0.5, "p3", -1.0, "unknown", 9.0));

        KeySums notes = KeySums.notes(engagement, catalog);
        KeySums houses = KeySums.houses(engagement, catalog);

        assertThat(notes.get("rose")).isEqualTo(2.5);
        assertThat(notes.get("oud")).isEqualTo(2.0);
        assertThat(notes.get("vanilla")).isEqualTo(-1.0);
        assertThat(notes.get("jasmine")).isZero();
        assertThat(notes.size()).isEqualTo(3);
        assertThat(notes.max()).isEqualTo(2.5);
        assertThat(houses.get("h1")).isEqualTo(2.5);
        assertThat(houses.get("h2")).isEqualTo(-1.0);
        assertThat(houses.max()).isEqualTo(2.5);
    }

    @Test
    @DisplayName("no positive sum: max is 0")
    void noPositiveSum() {
        KeySums notes = KeySums.notes(Map.of("p1", -1.0), Map.of("p1", perfume("p1", "h", "rose")));

        assertThat(notes.max()).isZero();
        assertThat(KeySums.notes(Map.of(), Map.of()).max()).isZero();
    }

    @Test
    @DisplayName("thousands of ids with clustered hash codes (note-1 … note-5000): every sum as a HashMap adds it")
    void manyClusteredIds() {
        Map<String, ProfileInputs.CatalogFacts> catalog = new HashMap<>();
        Map<String, Double> engagement = new LinkedHashMap<>();
        Map<String, Double> expected = new HashMap<>();
        for (int p = 0; p < 2_000; p++) {
            String[] notes = {"note-" + p, "note-" + (p * 7 % 5_000), "note--" + (p % 300)};
            catalog.put("perfume-" + p, perfume("perfume-" + p, "house-" + (p % 500), notes));
            double value = (p % 13) - 4.5;
            engagement.put("perfume-" + p, value);
            for (String note : new java.util.LinkedHashSet<>(List.of(notes))) {
                expected.merge(note, value, Double::sum);
            }
        }

        KeySums sums = KeySums.notes(engagement, catalog);

        assertThat(sums.size()).isEqualTo(expected.size());
        Map<String, Double> actual = new HashMap<>();
        sums.forEach(actual::put);
        assertThat(actual).isEqualTo(expected);
        expected.forEach((note, total) -> assertThat(sums.get(note)).isEqualTo(total));
    }

    @Test
    @DisplayName("the same inputs give the same sums in the same order")
    void deterministic() {
        Map<String, ProfileInputs.CatalogFacts> catalog = new HashMap<>();
        Map<String, Double> engagement = new TreeMap<>();
        for (int p = 0; p < 300; p++) {
            catalog.put("p" + p, perfume("p" + p, "h" + (p % 40), "n" + (p % 90), "n" + (p % 17)));
            engagement.put("p" + p, 0.1 * p);
        }
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();

        KeySums.notes(engagement, catalog)
                .forEach((k, v) -> first.append(k).append('=').append(v).append(';'));
        KeySums.notes(engagement, catalog)
                .forEach((k, v) -> second.append(k).append('=').append(v).append(';'));

        assertThat(first.toString()).isEqualTo(second.toString()).isNotEmpty();
    }
}
