package com.newsmell.profile.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.profile.rollup.PerfumeDay;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #11's preference weight, pure. */
class PreferenceWeightsTest {

    private static final ProfileRules RULES = ProfileRules.defaults();
    private static final ProfileWindow WINDOW = ProfileWindow.of(Instant.parse("2024-06-30T02:00:00Z"), RULES);

    private static PerfumeDay day(
            String perfumeId, String day, long views, long notes, long reviews, long wl, long coll) {
        return new PerfumeDay("u", perfumeId, LocalDate.parse(day), views, notes, reviews, wl, coll);
    }

    private static Map<String, ProfileInputs.CatalogFacts> catalog(Object... perfumes) {
        java.util.HashMap<String, ProfileInputs.CatalogFacts> catalog = new java.util.HashMap<>();
        for (Object p : perfumes) {
            ProfileInputs.CatalogFacts f = (ProfileInputs.CatalogFacts) p;
            catalog.put(f.perfumeId(), f);
        }
        return catalog;
    }

    private static ProfileInputs.CatalogFacts perfume(String id, String house, String... notes) {
        return new ProfileInputs.CatalogFacts(id, house, List.of(notes), "Eau de Parfum", BigDecimal.TEN);
    }

    @Test
    @DisplayName("each signal weighs its type's weight: view 1, notes expanded 1.5, review 2, wishlist 3, collection 4")
    void typeWeights() {
        Map<String, Double> e =
                PreferenceWeights.engagement(List.of(day("p", "2024-06-30", 1, 1, 1, 1, 1)), List.of(), WINDOW, RULES);
        assertThat(e).containsExactly(Map.entry("p", 11.5));
    }

    @Test
    @DisplayName("a contribution one half-life (14 days) older weighs half; the top note and house weigh exactly 1")
    void decayAndNormalisation() {
        Map<String, Double> e = PreferenceWeights.engagement(
                List.of(day("new", "2024-06-30", 1, 0, 0, 0, 0), day("old", "2024-06-16", 1, 0, 0, 0, 0)),
                List.of(),
                WINDOW,
                RULES);
        assertThat(e.get("new") / e.get("old")).isEqualTo(2.0);
        var catalog = catalog(perfume("new", "h1", "rose"), perfume("old", "h2", "rose", "oud"));
        assertThat(PreferenceWeights.notes(e, catalog, 25))
                .containsExactly(new Weighted("rose", 1.0), new Weighted("oud", 0.3333));
        assertThat(PreferenceWeights.houses(e, catalog, 15))
                .containsExactly(new Weighted("h1", 1.0), new Weighted("h2", 0.5));
    }

    @Test
    @DisplayName("days outside the window count nothing; a note in two layers of a perfume counts once")
    void windowAndDistinctNotes() {
        Map<String, Double> e = PreferenceWeights.engagement(
                List.of(day("p", "2024-05-31", 100, 0, 0, 0, 0), day("q", "2024-06-01", 1, 0, 0, 0, 0)),
                List.of(),
                WINDOW,
                RULES);
        assertThat(e).containsOnlyKeys("q");
        var catalog = catalog(perfume("q", "h", "rose", "rose", "musk"));
        assertThat(PreferenceWeights.notes(e, catalog, 25))
                .containsExactly(new Weighted("musk", 1.0), new Weighted("rose", 1.0));
    }

    @Test
    @DisplayName("a rating weighs value − 3 on its day; negative sums count as 0 and drop out")
    void ratingsAndNegativeSums() {
        var rated = new com.newsmell.profile.rollup.PerfumeState(
                "u",
                "bad",
                0,
                0,
                Map.of(),
                Map.of(),
                null,
                null,
                null,
                null,
                new com.newsmell.profile.rollup.Latest<>(BigDecimal.ONE, Instant.parse("2024-06-30T01:00:00Z"), "e1"),
                false);
        Map<String, Double> e = PreferenceWeights.engagement(
                List.of(day("bad", "2024-06-30", 1, 0, 0, 0, 0), day("good", "2024-06-30", 1, 0, 0, 0, 0)),
                List.of(rated),
                WINDOW,
                RULES);
        assertThat(e).containsEntry("bad", -1.0).containsEntry("good", 1.0);
        var catalog = catalog(perfume("bad", "h-bad", "oud"), perfume("good", "h-good", "rose"));
        assertThat(PreferenceWeights.notes(e, catalog, 25)).containsExactly(new Weighted("rose", 1.0));
        assertThat(PreferenceWeights.houses(Map.of("bad", -1.0), catalog, 15)).isEmpty();
    }

    @Test
    @DisplayName("only the top N are kept, ties by id; the same content gives the same weights on any later day")
    void topNAndDayInvariance() {
        List<PerfumeDay> days = List.of(
                day("a", "2024-06-10", 3, 0, 0, 0, 0),
                day("b", "2024-06-20", 1, 0, 0, 0, 0),
                day("c", "2024-06-25", 1, 1, 0, 0, 0));
        var catalog = catalog(perfume("a", "ha", "n1"), perfume("b", "hb", "n2"), perfume("c", "hc", "n3"));
        List<Weighted> today =
                PreferenceWeights.notes(PreferenceWeights.engagement(days, List.of(), WINDOW, RULES), catalog, 2);
        ProfileWindow later = ProfileWindow.of(Instant.parse("2024-07-05T02:00:00Z"), RULES);
        List<Weighted> fiveDaysLater =
                PreferenceWeights.notes(PreferenceWeights.engagement(days, List.of(), later, RULES), catalog, 2);
        assertThat(today).hasSize(2).isEqualTo(fiveDaysLater);
        assertThat(today.get(0).weight()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("rounding is BigDecimal's half-even of the shortest decimal form, ties included")
    void roundingMatchesBigDecimal() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double value = i % 4 == 0 ? random.nextInt(1_000_000) / 100_000.0 + 0.000005 : random.nextDouble() * 1e6;
            int decimals = 1 + i % 4;
            assertThat(PreferenceWeights.round(value, decimals))
                    .as("%s to %d decimals", value, decimals)
                    .isEqualTo(BigDecimal.valueOf(value)
                            .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                            .doubleValue());
        }
        assertThat(PreferenceWeights.round(0.12345, 4)).isEqualTo(0.1234);
        assertThat(PreferenceWeights.round(0.12355, 4)).isEqualTo(0.1236);
        assertThat(PreferenceWeights.round(2.5, 0)).isEqualTo(2.0);
    }

    @Test
    @DisplayName("the top list keeps the heaviest positive sums, ties by id, whatever the number of candidates")
    void topOfMany() {
        Map<String, ProfileInputs.CatalogFacts> catalog = new java.util.HashMap<>();
        Map<String, Double> engagement = new java.util.TreeMap<>();
        for (int i = 0; i < 300; i++) {
            String id = "p" + i;
            catalog.put(id, perfume(id, "h" + (i % 40), "n" + i));
            engagement.put(id, i % 7 == 0 ? -1.0 : (double) (i % 50));
        }
        List<Weighted> top = PreferenceWeights.notes(engagement, catalog, 25);
        assertThat(top).hasSize(25);
        assertThat(top.get(0)).isEqualTo(new Weighted("n149", 1.0));
        assertThat(top.get(1)).isEqualTo(new Weighted("n199", 1.0));
        assertThat(top.get(2)).isEqualTo(new Weighted("n249", 1.0));
        assertThat(top.get(3)).isEqualTo(new Weighted("n299", 1.0));
        assertThat(top).extracting(Weighted::weight).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
