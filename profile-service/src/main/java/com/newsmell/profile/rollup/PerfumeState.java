package com.newsmell.profile.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One user's relation with one perfume, over their whole life (table {@code user_perfume}): perfume views and their
 * duration (ms), the views' sources and device types, first and last interaction with the perfume, wishlist and
 * collection membership and the current rating ({@link Latest}: set semantics, order-independent), and whether
 * they reviewed it; since V8 (issue #12, the interaction features) also the number of events with the perfume
 * ({@code interactions}) and the latest PERFUME_VIEW ({@code lastViewedAt}, null without one). A batch's delta has
 * the same shape; the database merges it (sums, least/greatest, latest wins).
 */
public record PerfumeState(
        String userId,
        String perfumeId,
        long views,
        double viewDurationMs,
        Map<String, Long> sources,
        Map<String, Long> deviceTypes,
        Instant firstInteraction,
        Instant lastInteraction,
        Latest<Boolean> wishlist,
        Latest<Boolean> collection,
        Latest<BigDecimal> rating,
        boolean reviewed,
        long interactions,
        Instant lastViewedAt) {

    /**
     * The state without the V8 columns, for readers that do not load them (the profile job reads none of the two:
     * {@code interactions} 0, {@code lastViewedAt} null).
     */
    public PerfumeState(
            String userId,
            String perfumeId,
            long views,
            double viewDurationMs,
            Map<String, Long> sources,
            Map<String, Long> deviceTypes,
            Instant firstInteraction,
            Instant lastInteraction,
            Latest<Boolean> wishlist,
            Latest<Boolean> collection,
            Latest<BigDecimal> rating,
            boolean reviewed) {
        this(
                userId,
                perfumeId,
                views,
                viewDurationMs,
                sources,
                deviceTypes,
                firstInteraction,
                lastInteraction,
                wishlist,
                collection,
                rating,
                reviewed,
                0,
                null);
    }

    static PerfumeState empty(String userId, String perfumeId) {
        return new PerfumeState(
                userId,
                perfumeId,
                0,
                0,
                new TreeMap<>(),
                new TreeMap<>(),
                null,
                null,
                null,
                null,
                null,
                false,
                0,
                null);
    }

    public boolean inWishlist() {
        return wishlist != null && wishlist.value();
    }

    public boolean inCollection() {
        return collection != null && collection.value();
    }
}
