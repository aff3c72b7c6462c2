package com.newsmell.profile.calculation;

import java.util.List;
import java.util.Map;

/**
 * A note's (house's) engagement sum, the numerator of its preference weight (issue #11): the engagement of every perfume
 * the catalog lists with the note (house), any sign, added in the engagement map's perfume order, so that the same
 * inputs give bit-identical sums. One definition for preferredNotes / preferredHouses ({@link PreferenceWeights}) and
 * the feature vector's note and house slots.
 *
 * <p>The keys are numbered by a {@link StringTable} (see there why not a {@code HashMap}), the sums kept by number.
 */
public final class KeySums {

    private final StringTable keys;
    private double[] totals;

    private KeySums(int expected) {
        keys = new StringTable(expected);
        totals = new double[Math.max(8, expected)];
    }

    /** Every note's sum, by noteId. */
    public static KeySums notes(Map<String, Double> engagement, Map<String, ProfileInputs.CatalogFacts> catalog) {
        KeySums sums = new KeySums(engagement.size() * 4);
        engagement.forEach((perfumeId, value) -> {
            ProfileInputs.CatalogFacts facts = catalog.get(perfumeId);
            if (facts != null) {
                List<String> notes = facts.noteIds();
                for (int i = 0; i < notes.size(); i++) {
                    sums.add(notes.get(i), value);
                }
            }
        });
        return sums;
    }

    /** Every house's sum, by houseId. */
    public static KeySums houses(Map<String, Double> engagement, Map<String, ProfileInputs.CatalogFacts> catalog) {
        KeySums sums = new KeySums(engagement.size());
        engagement.forEach((perfumeId, value) -> {
            ProfileInputs.CatalogFacts facts = catalog.get(perfumeId);
            if (facts != null) {
                sums.add(facts.houseId(), value);
            }
        });
        return sums;
    }

    /** A key's sum, or 0 when no perfume carries it. */
    public double get(String key) {
        int number = keys.numberOf(key);
        return number < 0 ? 0 : totals[number];
    }

    /** The largest sum, or 0 when none is positive. */
    public double max() {
        double max = 0;
        for (int i = 0; i < keys.size(); i++) {
            max = Math.max(max, totals[i]);
        }
        return max;
    }

    /** Each key and its sum, in the order the keys first appeared (the same for the same inputs). */
    public void forEach(KeyTotal each) {
        for (int i = 0; i < keys.size(); i++) {
            each.accept(keys.key(i), totals[i]);
        }
    }

    /** What {@link #forEach} hands each key to. */
    @FunctionalInterface
    public interface KeyTotal {
        void accept(String key, double total);
    }

    public int size() {
        return keys.size();
    }

    private void add(String key, double value) {
        int number = keys.add(key);
        if (number == totals.length) {
            totals = java.util.Arrays.copyOf(totals, number * 2);
        }
        totals[number] += value;
    }
}
