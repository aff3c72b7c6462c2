package com.newsmell.profile.features;

import java.util.Comparator;
import java.util.List;

/**
 * How a new schema version picks its note and house slots from the catalog copy and the rollups: the notes (houses)
 * of the catalog ranked by engagement across all users, the number of (user, perfume) relations in {@code
 * user_perfume} with a catalog perfume that carries the note (of the house): a view, a rating, a wishlist or collection
 * event, anything; then by the number of catalog perfumes that carry it (so that a new catalog without users still
 * fills the slots), then by id; the first {@link FeatureLayout#NOTE_SLOTS} notes and {@link FeatureLayout#HOUSE_SLOTS}
 * houses.
 */
public final class VocabularyRule {

    /**
     * A note's or house's standing.
     *
     * @param engagement the (user, perfume) relations with a perfume carrying it
     * @param perfumes the catalog perfumes carrying it
     */
    public record Standing(String id, long engagement, long perfumes) {}

    private VocabularyRule() {}

    /** The ids of the first {@code slots} standings in the rule's order. */
    public static List<String> top(List<Standing> standings, int slots) {
        return standings.stream()
                .sorted(Comparator.comparingLong(Standing::engagement)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingLong(Standing::perfumes).reversed())
                        .thenComparing(Standing::id))
                .limit(slots)
                .map(Standing::id)
                .toList();
    }
}
