package com.newsmell.contract;

import java.util.Optional;

/**
 * All interaction event types: the 39 values of the data model plus the three {@code RECOMMENDATION_*} events
 * (ADR 0002) and {@link #USER_REGISTERED} (ADR 0020). Each type belongs to exactly one {@link InteractionCategory}.
 */
public enum InteractionEventType {
    // View events
    PAGE_VIEW(InteractionCategory.VIEW),
    PERFUME_VIEW(InteractionCategory.VIEW),
    HOUSE_VIEW(InteractionCategory.VIEW),
    COLLECTION_VIEW(InteractionCategory.VIEW),

    // Search events
    SEARCH_PERFORMED(InteractionCategory.SEARCH),
    SEARCH_RESULT_CLICKED(InteractionCategory.SEARCH),
    SEARCH_REFINED(InteractionCategory.SEARCH),
    SEARCH_NO_RESULTS(InteractionCategory.SEARCH),

    // Filter events
    FILTER_APPLIED(InteractionCategory.FILTER),
    FILTER_REMOVED(InteractionCategory.FILTER),
    FILTER_CLEARED(InteractionCategory.FILTER),

    // Interaction events
    RATING_STARTED(InteractionCategory.RATING),
    RATING_COMPLETED(InteractionCategory.RATING),
    RATING_UPDATED(InteractionCategory.RATING),
    REVIEW_STARTED(InteractionCategory.REVIEW),
    REVIEW_SUBMITTED(InteractionCategory.REVIEW),
    REVIEW_UPDATED(InteractionCategory.REVIEW),

    // Collection events
    WISHLIST_ADD(InteractionCategory.WISHLIST),
    WISHLIST_REMOVE(InteractionCategory.WISHLIST),
    COLLECTION_ADD(InteractionCategory.COLLECTION),
    COLLECTION_UPDATE(InteractionCategory.COLLECTION),
    COLLECTION_REMOVE(InteractionCategory.COLLECTION),

    // Engagement events
    IMAGE_VIEWED(InteractionCategory.ENGAGEMENT),
    IMAGE_ZOOMED(InteractionCategory.ENGAGEMENT),
    NOTES_EXPANDED(InteractionCategory.ENGAGEMENT),
    NOTES_COLLAPSED(InteractionCategory.ENGAGEMENT),
    SIMILAR_CLICKED(InteractionCategory.ENGAGEMENT),
    HOUSE_LINK_CLICKED(InteractionCategory.ENGAGEMENT),

    // Social events
    PROFILE_VIEWED(InteractionCategory.SOCIAL),
    COLLECTION_SHARED(InteractionCategory.SOCIAL),
    TRADE_INQUIRY(InteractionCategory.SOCIAL),

    // Navigation events
    NAVIGATION_CLICK(InteractionCategory.NAVIGATION),
    BACK_BUTTON(InteractionCategory.NAVIGATION),
    EXTERNAL_LINK(InteractionCategory.NAVIGATION),

    // Conversion events
    TRADE_OFFERED(InteractionCategory.CONVERSION),
    TRADE_ACCEPTED(InteractionCategory.CONVERSION),
    TRADE_DECLINED(InteractionCategory.CONVERSION),
    PURCHASE_INITIATED(InteractionCategory.CONVERSION),
    PURCHASE_COMPLETED(InteractionCategory.CONVERSION),

    // Recommendation events (added)
    RECOMMENDATION_SHOWN(InteractionCategory.RECOMMENDATION),
    RECOMMENDATION_CLICKED(InteractionCategory.RECOMMENDATION),
    RECOMMENDATION_FEEDBACK(InteractionCategory.RECOMMENDATION),

    // Account events (added, ADR 0020): the user signed up; its timestamp is the signup time (the seed's accountAge)
    USER_REGISTERED(InteractionCategory.ACCOUNT);

    private final InteractionCategory category;

    InteractionEventType(InteractionCategory category) {
        this.category = category;
    }

    /** The category this event type belongs to. */
    public InteractionCategory category() {
        return category;
    }

    /** Looks up an event type by its exact (case-sensitive) name; empty for null or unknown names. */
    public static Optional<InteractionEventType> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (InteractionEventType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
