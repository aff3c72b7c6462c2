package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.minimalData;
import static com.newsmell.contract.TestEvents.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's event types and categories, quoted verbatim, against the contract: every seed type exists, maps to its
 * category, and the parser derives and checks {@code eventCategory} from it.
 */
class SeedEventTypesTest {

    /** user-interaction-data-model.md, "1. UserInteractionEvent", verbatim. */
    static final String SEED_EVENT_TYPES = """
            enum InteractionEventType {
              // View Events
              PAGE_VIEW
              PERFUME_VIEW
              HOUSE_VIEW
              COLLECTION_VIEW

              // Search Events
              SEARCH_PERFORMED
              SEARCH_RESULT_CLICKED
              SEARCH_REFINED
              SEARCH_NO_RESULTS

              // Filter Events
              FILTER_APPLIED
              FILTER_REMOVED
              FILTER_CLEARED

              // Interaction Events
              RATING_STARTED
              RATING_COMPLETED
              RATING_UPDATED
              REVIEW_STARTED
              REVIEW_SUBMITTED
              REVIEW_UPDATED

              // Collection Events
              WISHLIST_ADD
              WISHLIST_REMOVE
              COLLECTION_ADD
              COLLECTION_UPDATE
              COLLECTION_REMOVE

              // Engagement Events
              IMAGE_VIEWED
              IMAGE_ZOOMED
              NOTES_EXPANDED
              NOTES_COLLAPSED
              SIMILAR_CLICKED
              HOUSE_LINK_CLICKED

              // Social Events
              PROFILE_VIEWED
              COLLECTION_SHARED
              TRADE_INQUIRY

              // Navigation Events
              NAVIGATION_CLICK
              BACK_BUTTON
              EXTERNAL_LINK

              // Conversion Events
              TRADE_OFFERED
              TRADE_ACCEPTED
              TRADE_DECLINED
              PURCHASE_INITIATED
              PURCHASE_COMPLETED
            }
            """;

    /** user-interaction-data-model.md, "1. UserInteractionEvent", verbatim. */
    static final String SEED_CATEGORIES = """
            enum InteractionCategory {
              VIEW
              SEARCH
              FILTER
              RATING
              REVIEW
              COLLECTION
              WISHLIST
              ENGAGEMENT
              SOCIAL
              NAVIGATION
              CONVERSION
            }
            """;

    /**
     * The seed gives no explicit type → category table; its groups are the mapping. A group "X Events" maps to
     * category X. Two groups are not named after one category: "Interaction Events" holds the RATING_* and
     * REVIEW_* types, which go to the categories of those names; "Collection Events" also holds WISHLIST_ADD and
     * WISHLIST_REMOVE, which go to the seed's separate WISHLIST category (the only types that can fill it).
     */
    static InteractionCategory seedCategory(String group, String type) {
        for (String prefix : List.of("RATING", "REVIEW", "WISHLIST")) {
            if (type.startsWith(prefix + "_")) {
                return InteractionCategory.valueOf(prefix);
            }
        }
        return InteractionCategory.valueOf(group.replace(" Events", "").toUpperCase(Locale.ROOT));
    }

    /** The seed's types in order, each with the comment heading of its group. */
    static Map<String, String> seedTypesWithGroup() {
        Map<String, String> types = new LinkedHashMap<>();
        String group = null;
        for (String line : SEED_EVENT_TYPES.lines().map(String::strip).toList()) {
            if (line.startsWith("// ")) {
                group = line.substring(3);
            } else if (!line.isEmpty() && !line.startsWith("enum") && !line.equals("}")) {
                types.put(line, group);
            }
        }
        return types;
    }

    static List<String> seedCategories() {
        return SEED_CATEGORIES
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("enum") && !l.equals("}"))
                .toList();
    }

    static Stream<Arguments> seedTypes() {
        return seedTypesWithGroup().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    @DisplayName("ADR 0002: \"The specification defines 39 event types, 11 categories\"")
    void theQuotedSeedHas39TypesIn11Categories() {
        assertEquals(39, seedTypesWithGroup().size());
        assertEquals(11, seedCategories().size());
    }

    @ParameterizedTest(name = "{0} ({1}) → its category")
    @MethodSource("seedTypes")
    void everySeedTypeMapsToItsCategory(String type, String group) {
        InteractionEventType contract = InteractionEventType.fromName(type).orElseThrow();
        assertEquals(seedCategory(group, type), contract.category());
    }

    @ParameterizedTest(name = "{0}: eventCategory is derived when absent, accepted when equal")
    @MethodSource("seedTypes")
    void parserDerivesAndAcceptsTheCategory(String type, String group) {
        InteractionEventType t = InteractionEventType.valueOf(type);
        InteractionCategory category = seedCategory(group, type);

        ParseResult derived = EventParser.parse(event(type, minimalData(t)));
        assertEquals(category, derived.event().eventCategory());
        assertEquals(List.of(), violations(event(type, minimalData(t), "eventCategory=\"" + category + "\"")));
    }

    @ParameterizedTest(name = "{0}: any other eventCategory fails with mismatch")
    @MethodSource("seedTypes")
    void parserRejectsEveryOtherCategory(String type, String group) {
        InteractionEventType t = InteractionEventType.valueOf(type);
        for (InteractionCategory other : EnumSet.complementOf(EnumSet.of(seedCategory(group, type)))) {
            assertEquals(
                    List.of("/eventCategory mismatch"),
                    violations(event(type, minimalData(t), "eventCategory=\"" + other + "\"")),
                    other::toString);
        }
    }

    @Test
    @DisplayName(
            "the contract's categories are the seed's eleven plus RECOMMENDATION (ADR 0002) and ACCOUNT (ADR 0020)")
    void categoriesAreTheSeedsPlusRecommendationAndAccount() {
        List<String> expected = new ArrayList<>(seedCategories());
        expected.add("RECOMMENDATION");
        expected.add("ACCOUNT");
        assertEquals(
                expected,
                Arrays.stream(InteractionCategory.values()).map(Enum::name).toList());
    }

    @Test
    @DisplayName("ADR 0002: \"category RECOMMENDATION with RECOMMENDATION_SHOWN, RECOMMENDATION_CLICKED,"
            + " RECOMMENDATION_FEEDBACK\", and ADR 0020's USER_REGISTERED (ACCOUNT) — the only types the contract adds")
    void theContractAddsOnlyTheRecommendationTypesAndTheSignup() {
        Set<String> seed = seedTypesWithGroup().keySet();
        Map<String, InteractionCategory> added = Arrays.stream(InteractionEventType.values())
                .filter(t -> !seed.contains(t.name()))
                .collect(Collectors.toMap(Enum::name, InteractionEventType::category));
        assertEquals(
                Map.of(
                        "RECOMMENDATION_SHOWN", InteractionCategory.RECOMMENDATION,
                        "RECOMMENDATION_CLICKED", InteractionCategory.RECOMMENDATION,
                        "RECOMMENDATION_FEEDBACK", InteractionCategory.RECOMMENDATION,
                        "USER_REGISTERED", InteractionCategory.ACCOUNT),
                added);
    }

    @Test
    @DisplayName("the contract keeps the seed's order, then the three recommendation types and USER_REGISTERED")
    void theContractKeepsTheSeedsOrder() {
        List<String> contract =
                Arrays.stream(InteractionEventType.values()).map(Enum::name).toList();
        assertEquals(List.copyOf(seedTypesWithGroup().keySet()), contract.subList(0, 39));
    }
}
