package com.newsmell.contract;

import java.util.Optional;

/**
 * High-level category of a {@link InteractionEventType}. The eleven values of the data model plus
 * {@link #RECOMMENDATION} (added for recommendation feedback events, ADR 0002) and {@link #ACCOUNT} (added for the
 * user's signup, ADR 0020).
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
    RECOMMENDATION,
    ACCOUNT;

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
