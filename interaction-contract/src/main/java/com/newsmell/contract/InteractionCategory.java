package com.newsmell.contract;

import java.util.Optional;

/**
 * High-level category of a {@link InteractionEventType}. The eleven values of the data model plus
 * {@link #RECOMMENDATION} (added for recommendation feedback events).
 */
public enum InteractionCategory {
    VIEW,
    SEARCH,
    FILTER,
    RATING,
    REVIEW,
    COLLECTION,
    WISHLIST,
    ENGAGEMENT,
    SOCIAL,
    NAVIGATION,
    CONVERSION,
    RECOMMENDATION;

    /** Looks up a category by its exact (case-sensitive) name. */
    public static Optional<InteractionCategory> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (InteractionCategory c : values()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
