package com.newsmell.profile.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One user's relation with one perfume, over their whole life (table {@code user_perfume}): perfume views and their
 * duration (ms), the views' sources and device types, first and last interaction with the perfume, wishlist and
 * collection membership and the current rating ({@link Latest}: set semantics, order-independent), and whether
 * they reviewed it. A batch's delta has the same shape; the database merges it (sums, least/greatest, latest wins).
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
        boolean reviewed) {

    static PerfumeState empty(String userId, String perfumeId) {
        return new PerfumeState(
                userId, perfumeId, 0, 0, new TreeMap<>(), new TreeMap<>(), null, null, null, null, null, false);
    }

    public boolean inWishlist() {
        return wishlist != null && wishlist.value();
    }

    public boolean inCollection() {
        return collection != null && collection.value();
    }
}
