package com.newsmell.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InteractionEventTypeTest {

    private static final Map<InteractionEventType, InteractionCategory> EXPECTED =
            new EnumMap<>(InteractionEventType.class);

    static {
        put(
                InteractionCategory.VIEW,
                InteractionEventType.PAGE_VIEW,
                InteractionEventType.PERFUME_VIEW,
                InteractionEventType.HOUSE_VIEW,
                InteractionEventType.COLLECTION_VIEW);
        put(
                InteractionCategory.SEARCH,
                InteractionEventType.SEARCH_PERFORMED,
                InteractionEventType.SEARCH_RESULT_CLICKED,
                InteractionEventType.SEARCH_REFINED,
                InteractionEventType.SEARCH_NO_RESULTS);
        put(
                InteractionCategory.FILTER,
                InteractionEventType.FILTER_APPLIED,
                InteractionEventType.FILTER_REMOVED,
                InteractionEventType.FILTER_CLEARED);
        put(
                InteractionCategory.RATING,
                InteractionEventType.RATING_STARTED,
                InteractionEventType.RATING_COMPLETED,
                InteractionEventType.RATING_UPDATED);
        put(
                InteractionCategory.REVIEW,
                InteractionEventType.REVIEW_STARTED,
                InteractionEventType.REVIEW_SUBMITTED,
                InteractionEventType.REVIEW_UPDATED);
        put(InteractionCategory.WISHLIST, InteractionEventType.WISHLIST_ADD, InteractionEventType.WISHLIST_REMOVE);
        put(
                InteractionCategory.COLLECTION,
                InteractionEventType.COLLECTION_ADD,
                InteractionEventType.COLLECTION_UPDATE,
                InteractionEventType.COLLECTION_REMOVE);
        put(
                InteractionCategory.ENGAGEMENT,
                InteractionEventType.IMAGE_VIEWED,
                InteractionEventType.IMAGE_ZOOMED,
                InteractionEventType.NOTES_EXPANDED,
                InteractionEventType.NOTES_COLLAPSED,
                InteractionEventType.SIMILAR_CLICKED,
                InteractionEventType.HOUSE_LINK_CLICKED);
        put(
                InteractionCategory.SOCIAL,
                InteractionEventType.PROFILE_VIEWED,
                InteractionEventType.COLLECTION_SHARED,
                InteractionEventType.TRADE_INQUIRY);
        put(
                InteractionCategory.NAVIGATION,
                InteractionEventType.NAVIGATION_CLICK,
                InteractionEventType.BACK_BUTTON,
                InteractionEventType.EXTERNAL_LINK);
        put(
                InteractionCategory.CONVERSION,
                InteractionEventType.TRADE_OFFERED,
                InteractionEventType.TRADE_ACCEPTED,
                InteractionEventType.TRADE_DECLINED,
                InteractionEventType.PURCHASE_INITIATED,
                InteractionEventType.PURCHASE_COMPLETED);
        put(
                InteractionCategory.RECOMMENDATION,
                InteractionEventType.RECOMMENDATION_SHOWN,
                InteractionEventType.RECOMMENDATION_CLICKED,
                InteractionEventType.RECOMMENDATION_FEEDBACK);
        put(InteractionCategory.ACCOUNT, InteractionEventType.USER_REGISTERED);
    }

    private static void put(InteractionCategory c, InteractionEventType... types) {
        for (InteractionEventType t : types) {
            EXPECTED.put(t, c);
        }
    }

    @Test
    void counts() {
        assertEquals(43, InteractionEventType.values().length);
        assertEquals(13, InteractionCategory.values().length);
        assertEquals(43, EXPECTED.size(), "expectation table covers every type");
    }

    @ParameterizedTest
    @EnumSource(InteractionEventType.class)
    void mapsToExpectedCategory(InteractionEventType type) {
        assertEquals(EXPECTED.get(type), type.category(), type.name());
    }

    @Test
    void everyCategoryIsUsed() {
        EnumSet<InteractionCategory> used = EnumSet.noneOf(InteractionCategory.class);
        for (InteractionEventType t : InteractionEventType.values()) {
            used.add(t.category());
        }
        assertEquals(EnumSet.allOf(InteractionCategory.class), used);
    }

    @Test
    void fromName() {
        assertEquals(
                Optional.of(InteractionEventType.RATING_COMPLETED), InteractionEventType.fromName("RATING_COMPLETED"));
        assertTrue(InteractionEventType.fromName("rating_completed").isEmpty());
        assertTrue(InteractionEventType.fromName("NOPE").isEmpty());
        assertTrue(InteractionEventType.fromName(null).isEmpty());
        for (InteractionEventType t : InteractionEventType.values()) {
            assertEquals(Optional.of(t), InteractionEventType.fromName(t.name()));
        }
        assertEquals(Optional.of(InteractionCategory.RECOMMENDATION), InteractionCategory.fromName("RECOMMENDATION"));
        assertEquals(Optional.of(InteractionCategory.ACCOUNT), InteractionCategory.fromName("ACCOUNT"));
        assertEquals(
                Optional.of(InteractionEventType.USER_REGISTERED), InteractionEventType.fromName("USER_REGISTERED"));
    }
}
