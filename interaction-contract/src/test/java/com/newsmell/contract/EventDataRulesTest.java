package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.data;
import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.minimalData;
import static com.newsmell.contract.TestEvents.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.newsmell.contract.data.CollectionData;
import com.newsmell.contract.data.EngagementData;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.contract.data.RatingData;
import com.newsmell.contract.data.RecommendationData;
import com.newsmell.contract.data.SearchData;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The boundaries of each typed eventData rule, with the seed's definition (user-interaction-data-model.md, "Detailed
 * Event Schemas") or ADR 0002's rule quoted next to the test that checks it: range ends pass, one step outside
 * fails with {@code range}; each closed set accepts exactly the seed's values; required fields.
 */
class EventDataRulesTest {

    // Seed, RatingEvent: "ratings: { overall?: number // 1-5  longevity?: number // 1-5  sillage?: number // 1-5
    //                     priceValue?: number // 1-5  gender?: number // 1-5 }"
    @ParameterizedTest(name = "ratings.{0} = {1} passes")
    @CsvSource({
        "overall, 1", "overall, 5",
        "longevity, 1", "longevity, 5",
        "sillage, 1", "sillage, 5",
        "priceValue, 1", "priceValue, 5",
        "gender, 1", "gender, 5"
    })
    void ratingAtEitherEndPasses(String field, int value) {
        assertEquals(
                List.of(), violations(event("RATING_COMPLETED", "{\"ratings\":{\"" + field + "\":" + value + "}}")));
    }

    @ParameterizedTest(name = "ratings.{0} = {1} fails with range")
    @CsvSource({
        "overall, 0", "overall, 6",
        "longevity, 0", "longevity, 6",
        "sillage, 0", "sillage, 6",
        "priceValue, 0", "priceValue, 6",
        "gender, 0", "gender, 6"
    })
    void ratingJustOutsideFails(String field, int value) {
        assertEquals(
                List.of("/eventData/ratings/" + field + " range"),
                violations(event("RATING_COMPLETED", "{\"ratings\":{\"" + field + "\":" + value + "}}")));
    }

    @Test
    @DisplayName("seed: \"// 1-5\" on every rating value — the contract's bounds are those numbers")
    void ratingBoundsAreOneToFive() {
        assertEquals(1, RatingData.MIN_RATING);
        assertEquals(5, RatingData.MAX_RATING);
    }

    @ParameterizedTest(name = "{0}: the rating schema applies (overall 6 fails)")
    @ValueSource(strings = {"RATING_STARTED", "RATING_COMPLETED", "RATING_UPDATED"})
    @DisplayName("every rating type reads the seed's RatingEvent schema")
    void everyRatingTypeChecksTheRange(String type) {
        assertEquals(
                List.of("/eventData/ratings/overall range"), violations(event(type, "{\"ratings\":{\"overall\":6}}")));
    }

    // ADR 0002: "ReviewData (reviewLength, rating) for review events"; "Rules: ratings 1–5".
    @ParameterizedTest(name = "review rating {0}: {1}")
    @CsvSource({"1, ''", "5, ''", "0, /eventData/rating range", "6, /eventData/rating range"})
    void reviewRatingEnds(int rating, String expected) {
        assertEquals(
                expectedViolations(expected), violations(event("REVIEW_SUBMITTED", "{\"rating\":" + rating + "}")));
    }

    // Seed, PageViewEvent: "scrollDepth: number // percentage (0-100)".
    @ParameterizedTest(name = "scrollDepth {0}: {1}")
    @CsvSource({"0, ''", "100, ''", "-1, /eventData/scrollDepth range", "101, /eventData/scrollDepth range"})
    void scrollDepthEnds(int depth, String expected) {
        assertEquals(expectedViolations(expected), violations(event("PAGE_VIEW", "{\"scrollDepth\":" + depth + "}")));
    }

    // Seed, PageViewEvent: "eventType: \"PAGE_VIEW\" | \"PERFUME_VIEW\" | \"HOUSE_VIEW\""; ADR 0002 adds
    // "PROFILE_VIEWED uses the page-view schema"; the contract reads COLLECTION_VIEW (category VIEW) with it too.
    @ParameterizedTest(name = "{0}: the page-view schema applies (scrollDepth 101 fails)")
    @ValueSource(strings = {"PAGE_VIEW", "PERFUME_VIEW", "HOUSE_VIEW", "COLLECTION_VIEW", "PROFILE_VIEWED"})
    void everyPageViewTypeChecksScrollDepth(String type) {
        assertEquals(List.of("/eventData/scrollDepth range"), violations(event(type, "{\"scrollDepth\":101}")));
    }

    // RecommendationFeedback: "confidence Float? // Algorithm confidence score",
    // "similarityScore Float? // Similarity to user preferences"; ADR 0002: "confidence and similarityScore 0–1".
    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource({
        "confidence, 0, ''",
        "confidence, 1, ''",
        "confidence, -0.001, /eventData/confidence range",
        "confidence, 1.001, /eventData/confidence range",
        "similarityScore, 0, ''",
        "similarityScore, 1, ''",
        "similarityScore, -0.001, /eventData/similarityScore range",
        "similarityScore, 1.001, /eventData/similarityScore range"
    })
    void scoreEnds(String field, String value, String expected) {
        assertEquals(
                expectedViolations(expected),
                violations(event("RECOMMENDATION_CLICKED", "{\"" + field + "\":" + value + "}")));
    }

    /**
     * ADR 0002: "every durations and counts ≥ 0". The seed's definitions of these fields: "viewDuration: number //
     * milliseconds", "timeToInteraction: number // milliseconds to first interaction", "viewport: { width: number;
     * height: number }", "queryLength: number", "resultsCount: number", "resultsShown: number", "timeToComplete:
     * number // seconds", "categoriesRated: number", "timeInWishlist?: number", "imageIndex?: number",
     * "expandDuration?: number", "position?: number", and on the envelope "duration Int? // Duration in milliseconds"
     * and EngagementEvent's "pageScrollPosition: number", "timeOnPage: number".
     */
    static Stream<Arguments> nonNegativeFields() {
        return Stream.of(
                Arguments.of("PAGE_VIEW", "viewDuration"),
                Arguments.of("PAGE_VIEW", "timeToInteraction"),
                Arguments.of("PAGE_VIEW", "viewport/width"),
                Arguments.of("PAGE_VIEW", "viewport/height"),
                Arguments.of("SEARCH_PERFORMED", "queryLength"),
                Arguments.of("SEARCH_PERFORMED", "resultsCount"),
                Arguments.of("SEARCH_PERFORMED", "resultsShown"),
                Arguments.of("SEARCH_RESULT_CLICKED", "position"),
                Arguments.of("RATING_COMPLETED", "timeToComplete"),
                Arguments.of("RATING_COMPLETED", "categoriesRated"),
                Arguments.of("REVIEW_SUBMITTED", "reviewLength"),
                Arguments.of("COLLECTION_ADD", "timeInWishlist"),
                Arguments.of("IMAGE_VIEWED", "imageIndex"),
                Arguments.of("IMAGE_VIEWED", "viewDuration"),
                Arguments.of("NOTES_EXPANDED", "expandDuration"),
                Arguments.of("SIMILAR_CLICKED", "position"),
                Arguments.of("RECOMMENDATION_CLICKED", "position"));
    }

    @ParameterizedTest(name = "{0}: {1} = 0 passes")
    @MethodSource("nonNegativeFields")
    void zeroPasses(String type, String field) {
        assertEquals(List.of(), violations(event(type, data(field, "0"))));
    }

    @ParameterizedTest(name = "{0}: {1} = -1 fails with range")
    @MethodSource("nonNegativeFields")
    void minusOneFails(String type, String field) {
        assertEquals(List.of("/eventData/" + field + " range"), violations(event(type, data(field, "-1"))));
    }

    @ParameterizedTest(name = "envelope duration {0}: {1}")
    @CsvSource({"0, ''", "-1, /duration range"})
    void envelopeDurationEnds(int duration, String expected) {
        assertEquals(expectedViolations(expected), violations(event("PAGE_VIEW", "{}", "duration=" + duration)));
    }

    // Seed, EngagementEvent: "pageScrollPosition: number", "timeOnPage: number" — on the event, beside eventData.
    @ParameterizedTest(name = "envelope {0} = {1}: {2}")
    @CsvSource({
        "pageScrollPosition, 0, ''",
        "pageScrollPosition, -0.5, /pageScrollPosition range",
        "timeOnPage, 0, ''",
        "timeOnPage, -1, /timeOnPage range"
    })
    void envelopeEngagementFieldsAreNonNegative(String field, String value, String expected) {
        assertEquals(expectedViolations(expected), violations(event("SIMILAR_CLICKED", "{}", field + "=" + value)));
    }

    // Seed, SearchEvent: "priceRange?: { min: number; max: number }"; the contract adds min >= 0 and min <= max.
    @ParameterizedTest(name = "priceRange {0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"min\":0,\"max\":0}                 | ''",
                "{\"min\":25.5,\"max\":25.5}           | ''",
                "{\"min\":25.5,\"max\":25.4}           | /eventData/filters/priceRange range",
                "{\"min\":0,\"max\":-0.01}             | /eventData/filters/priceRange/max range"
            })
    void priceRangeEnds(String priceRange, String expected) {
        assertEquals(
                expectedViolations(expected),
                violations(event("SEARCH_PERFORMED", "{\"filters\":{\"priceRange\":" + priceRange + "}}")));
    }

    /**
     * Each closed set of the seed, with the seed's text: the contract's set is exactly the seed's values (the
     * collection source is reported separately), every value passes, and a value outside fails with {@code enum}.
     */
    static Stream<Arguments> seedEnums() {
        return Stream.of(
                // PageViewEvent: source: "direct" | "search" | "recommendation" | "social" | "external"
                Arguments.of(
                        "PAGE_VIEW",
                        "source",
                        PageViewData.SOURCES,
                        List.of("direct", "search", "recommendation", "social", "external")),
                // PageViewEvent: deviceType: "mobile" | "tablet" | "desktop"
                Arguments.of(
                        "PAGE_VIEW", "deviceType", PageViewData.DEVICE_TYPES, List.of("mobile", "tablet", "desktop")),
                // SearchEvent: searchType: "initial" | "refinement" | "suggestion_click"
                Arguments.of(
                        "SEARCH_PERFORMED",
                        "searchType",
                        SearchData.SEARCH_TYPES,
                        List.of("initial", "refinement", "suggestion_click")),
                // SearchQuery: queryType String // 'text', 'voice', 'filter_only'
                Arguments.of(
                        "SEARCH_PERFORMED",
                        "queryType",
                        SearchData.QUERY_TYPES,
                        List.of("text", "voice", "filter_only")),
                // RatingEvent: source: "detail_page" | "collection" | "prompt"
                Arguments.of(
                        "RATING_COMPLETED",
                        "source",
                        RatingData.SOURCES,
                        List.of("detail_page", "collection", "prompt")),
                // CollectionEvent: tradePreference?: "cash" | "trade" | "both"
                Arguments.of(
                        "COLLECTION_ADD",
                        "tradePreference",
                        CollectionData.TRADE_PREFERENCES,
                        List.of("cash", "trade", "both")),
                // EngagementEvent: noteType?: "open" | "heart" | "base"
                Arguments.of("NOTES_EXPANDED", "noteType", EngagementData.NOTE_TYPES, List.of("open", "heart", "base")),
                // RecommendationFeedback: source String // 'homepage', 'detail_page', 'search', 'email'
                Arguments.of(
                        "RECOMMENDATION_CLICKED",
                        "source",
                        RecommendationData.SOURCES,
                        List.of("homepage", "detail_page", "search", "email")));
    }

    @ParameterizedTest(name = "{0}.{1}: exactly the seed's values {3}")
    @MethodSource("seedEnums")
    void closedSetIsTheSeeds(String type, String field, Set<String> contract, List<String> seed) {
        assertEquals(Set.copyOf(seed), contract);
    }

    @ParameterizedTest(name = "{0}.{1}: every one of {3} passes")
    @MethodSource("seedEnums")
    void everySeedValuePasses(String type, String field, Set<String> contract, List<String> seed) {
        for (String value : seed) {
            assertEquals(List.of(), violations(event(type, data(field, "\"" + value + "\""))), value);
        }
    }

    @ParameterizedTest(name = "{0}.{1}: a value outside {3}, or in another case, fails with enum")
    @MethodSource("seedEnums")
    void otherValuesFail(String type, String field, Set<String> contract, List<String> seed) {
        List<String> expected = List.of("/eventData/" + field + " enum");
        assertEquals(expected, violations(event(type, data(field, "\"other\""))));
        assertEquals(
                expected, violations(event(type, data(field, "\"" + seed.get(0).toUpperCase(Locale.ROOT) + "\""))));
    }

    @Test
    @DisplayName("seed, CollectionEvent: source: \"detail_page\" | \"wishlist_convert\" | \"import\" — all pass")
    void collectionSourcesOfTheSeedPass() {
        List<String> seed = List.of("detail_page", "wishlist_convert", "import");
        assertTrue(CollectionData.SOURCES.containsAll(seed), CollectionData.SOURCES::toString);
        for (String type : List.of("COLLECTION_ADD", "COLLECTION_UPDATE", "COLLECTION_REMOVE")) {
            for (String source : seed) {
                assertEquals(List.of(), violations(event(type, data("source", "\"" + source + "\""))), source);
            }
        }
        assertEquals(
                List.of("/eventData/source enum"), violations(event("COLLECTION_ADD", data("source", "\"other\""))));
    }

    @Test
    @DisplayName("the envelope's deviceType takes the seed's \"mobile\" | \"tablet\" | \"desktop\"")
    void envelopeDeviceType() {
        assertEquals(Set.of("mobile", "tablet", "desktop"), EventParser.DEVICE_TYPES);
        for (String device : EventParser.DEVICE_TYPES) {
            assertEquals(List.of(), violations(event("PAGE_VIEW", "{}", "deviceType=\"" + device + "\"")));
        }
        assertEquals(List.of("/deviceType enum"), violations(event("PAGE_VIEW", "{}", "deviceType=\"Mobile\"")));
    }

    // Seed, UserInteractionEvent: "sessionId String", "eventType InteractionEventType", "path String" (not
    // optional), "timestamp DateTime"; a JSON null is absent.
    @ParameterizedTest(name = "envelope {0} absent or null fails with required")
    @ValueSource(strings = {"sessionId", "path", "eventType", "timestamp"})
    void requiredEnvelopeFields(String field) {
        List<String> expected = List.of("/" + field + " required");
        assertEquals(expected, violations(event("PAGE_VIEW", "{}", "-" + field)));
        assertEquals(expected, violations(event("PAGE_VIEW", "{}", field + "=null")));
    }

    // Seed, UserInteractionEvent: "userId String? // Nullable for anonymous users", "perfumeId String?",
    // "houseId String?", "noteId String?", "deviceType String?", "userAgent String?", "referrer String?",
    // "duration Int?", "value Float?".
    @ParameterizedTest(name = "envelope {0} may be absent or null")
    @ValueSource(
            strings = {
                "userId",
                "perfumeId",
                "houseId",
                "noteId",
                "deviceType",
                "userAgent",
                "referrer",
                "duration",
                "value"
            })
    void optionalEnvelopeFields(String field) {
        assertEquals(List.of(), violations(event("PAGE_VIEW", "{}", "-" + field)));
        assertEquals(List.of(), violations(event("PAGE_VIEW", "{}", field + "=null")));
    }

    // Seed, RatingEvent and CollectionEvent: "perfumeId: string" (not optional); ADR 0002: the additions are
    // optional "except where a type needs them (perfumeId on perfume-scoped types, recommendationId on
    // recommendation types, position on result clicks)".
    @ParameterizedTest(name = "{0} without perfumeId fails with required")
    @MethodSource("perfumeScopedTypes")
    void perfumeScopedTypesNeedAPerfumeId(InteractionEventType type) {
        List<String> expected = List.of("/perfumeId required");
        assertEquals(expected, violations(event(type.name(), minimalData(type), "-perfumeId")));
        assertEquals(expected, violations(event(type.name(), minimalData(type), "perfumeId=\" \"")));
    }

    static Stream<InteractionEventType> perfumeScopedTypes() {
        return EventParser.REQUIRES_PERFUME_ID.stream();
    }

    @Test
    @DisplayName("seed: RatingEvent and CollectionEvent carry \"perfumeId: string\" — their types require it")
    void seedPerfumeScopedSchemasAreRequired() {
        assertTrue(EventParser.REQUIRES_PERFUME_ID.containsAll(List.of(
                InteractionEventType.RATING_COMPLETED,
                InteractionEventType.COLLECTION_ADD,
                InteractionEventType.COLLECTION_UPDATE,
                InteractionEventType.COLLECTION_REMOVE)));
    }

    // Seed, PageViewEvent: "perfumeId?: string", "houseId?: string".
    @ParameterizedTest(name = "{0} without perfumeId passes")
    @ValueSource(strings = {"PAGE_VIEW", "HOUSE_VIEW"})
    void pageViewsWithoutPerfumePass(String type) {
        assertEquals(List.of(), violations(event(type, "{}", "-perfumeId", "-recommendationId")));
    }

    @ParameterizedTest(name = "{0} without recommendationId fails with required")
    @ValueSource(strings = {"RECOMMENDATION_SHOWN", "RECOMMENDATION_CLICKED", "RECOMMENDATION_FEEDBACK"})
    void recommendationTypesNeedARecommendationId(String type) {
        InteractionEventType t = InteractionEventType.valueOf(type);
        assertEquals(
                List.of("/recommendationId required"), violations(event(type, minimalData(t), "-recommendationId")));
    }

    // RecommendationFeedback: "source String", "algorithm String", "position Int" (not optional): an impression
    // (RECOMMENDATION_SHOWN) must carry all three.
    @ParameterizedTest(name = "RECOMMENDATION_SHOWN without {0} fails with required")
    @ValueSource(strings = {"algorithm", "source", "position"})
    void shownNeedsAlgorithmSourceAndPosition(String field) {
        assertEquals(
                List.of("/eventData/" + field + " required"),
                violations(event("RECOMMENDATION_SHOWN", "{}", "-eventData/" + field)));
    }

    // ADR 0002: "position on result clicks"; positions are counts, so 0 is the first result.
    @ParameterizedTest(name = "SEARCH_RESULT_CLICKED {0}: {1}")
    @CsvSource({
        "eventData/position=0, ''",
        "-eventData/position, /eventData/position required",
        "eventData/position=null, /eventData/position required"
    })
    void resultClickPosition(String edit, String expected) {
        assertEquals(expectedViolations(expected), violations(event("SEARCH_RESULT_CLICKED", "{}", edit)));
    }

    /** The expected violations of a table row: none for {@code ''}, else the one given. */
    private static List<String> expectedViolations(String expected) {
        return expected.isEmpty() ? List.of() : List.of(expected);
    }
}
