package com.newsmell.profile.features;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * What the vector's slots mean, frozen with a schema version, so that a slot means the same for every user: the noteId
 * of each note slot and the houseId of each house slot (fewer than the slots when the catalog had fewer: the rest are
 * empty and always 0), the perfume types of perfumeTypeMix (the last slot, "other", takes every other type), and the
 * catalog's price points (its prices at evenly spaced quantiles, lowest first) that pricePointIndex places a price
 * among.
 */
public record Vocabulary(
        List<String> notes, List<String> houses, List<String> perfumeTypes, List<BigDecimal> pricePoints) {

    public Vocabulary {
        notes = List.copyOf(notes);
        houses = List.copyOf(houses);
        perfumeTypes = List.copyOf(perfumeTypes);
        pricePoints = List.copyOf(pricePoints);
        if (notes.size() > FeatureLayout.NOTE_SLOTS || houses.size() > FeatureLayout.HOUSE_SLOTS) {
            throw new IllegalArgumentException(
                    "at most " + FeatureLayout.NOTE_SLOTS + " notes and " + FeatureLayout.HOUSE_SLOTS + " houses");
        }
        if (new HashSet<>(notes).size() != notes.size() || new HashSet<>(houses).size() != houses.size()) {
            throw new IllegalArgumentException("a note or house is named twice");
        }
        for (int i = 1; i < pricePoints.size(); i++) {
            if (pricePoints.get(i).compareTo(pricePoints.get(i - 1)) < 0) {
                throw new IllegalArgumentException("price points must not decrease");
            }
        }
        if (pricePoints.size() == 1) {
            throw new IllegalArgumentException("price points: none, or at least two");
        }
    }
}
