package com.newsmell.profile.calculation;

import java.util.List;
import java.util.Map;

/**
 * A note's (house's) engagement sum, the numerator of its preference weight (issue #11): the engagement of every perfume
 * the catalog lists with the note (house), any sign, added in the engagement map's perfume order, so that the same
 * inputs give bit-identical sums. One definition for preferredNotes / preferredHouses ({@link PreferenceWeights}) and
 * the feature vector's note and house slots.
 *
 * <p>The sums live in an open-addressing table of their own: ids such as {@code note-17} and {@code note-170} have
 * {@code String} hash codes in arithmetic progressions, which a {@code HashMap} (low bits of the hash) piled into a few
 * buckets and turned into trees; a Fibonacci hash (high bits of the hash × 2^32/φ) spreads them.
 */
public final class KeySums {

    private String[] keys;
    private double[] totals;
    private int size;
    private int shift;

    private KeySums(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new String[capacity];
        totals = new double[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
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
        int slot = slot(key);
        return keys[slot] == null ? 0 : totals[slot];
    }

    /** The largest sum, or 0 when none is positive. */
    public double max() {
        double max = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                max = Math.max(max, totals[i]);
            }
        }
        return max;
    }

    /** Each key and its sum, in the table's order (the same for the same inputs). */
    public void forEach(KeyTotal each) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                each.accept(keys[i], totals[i]);
            }
        }
    }

    /** What {@link #forEach} hands each key to. */
    @FunctionalInterface
    public interface KeyTotal {
        void accept(String key, double total);
    }

    public int size() {
        return size;
    }

    private void add(String key, double value) {
        int slot = slot(key);
        if (keys[slot] == null) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
                slot = slot(key);
            }
        }
        totals[slot] += value;
    }

    /** The key's slot, or the empty slot where it belongs (linear probing). */
    private int slot(String key) {
        int mask = keys.length - 1;
        int slot = (key.hashCode() * 0x9E3779B9) >>> shift;
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        double[] oldTotals = totals;
        keys = new String[oldKeys.length * 2];
        totals = new double[oldKeys.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                totals[slot] = oldTotals[i];
            }
        }
    }
}
