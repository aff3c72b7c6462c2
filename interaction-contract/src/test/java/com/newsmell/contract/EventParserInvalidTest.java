package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventParserInvalidTest {

    private static Arguments c(String name, JsonNode input, String pointer, String rule) {
        return Arguments.of(name, input, pointer, rule);
    }

    static Stream<Arguments> invalidEvents() {
        String longText = "x".repeat(Limits.MAX_EVENT_DATA_STRING_LENGTH + 1);
        String bigData = IntStream.range(0, 40)
                .mapToObj(i -> "\"f" + i + "\":\"" + "y".repeat(1000) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        String manyIds = IntStream.range(0, Limits.MAX_EVENT_DATA_ARRAY_ITEMS + 1)
                .mapToObj(i -> "\"p" + i + "\"")
                .collect(Collectors.joining(",", "{\"resultPerfumeIds\":[", "]}"));
        return Stream.of(
                // envelope
                c("not an object", json("[1,2]"), "", "type"),
                c("missing sessionId", event("PAGE_VIEW", "{}", "-sessionId"), "/sessionId", "required"),
                c("sessionId 42", event("PAGE_VIEW", "{}", "sessionId=42"), "/sessionId", "type"),
                c("blank sessionId", event("PAGE_VIEW", "{}", "sessionId=\"   \""), "/sessionId", "required"),
                c(
                        "sessionId too long",
                        event("PAGE_VIEW", "{}", "sessionId=\"" + "s".repeat(129) + "\""),
                        "/sessionId",
                        "max-length"),
                c("missing path", event("PAGE_VIEW", "{}", "-path"), "/path", "required"),
                c("path not a string", event("PAGE_VIEW", "{}", "path={}"), "/path", "type"),
                c("missing eventType", event("PAGE_VIEW", "{}", "-eventType"), "/eventType", "required"),
                c("unknown eventType", event("PAGE_EXPLODED", "{}"), "/eventType", "enum"),
                c("lower-case eventType", event("page_view", "{}"), "/eventType", "enum"),
                c("eventType number", event("PAGE_VIEW", "{}", "eventType=5"), "/eventType", "type"),
                c(
                        "category mismatch",
                        event("PAGE_VIEW", "{}", "eventCategory=\"SEARCH\""),
                        "/eventCategory",
                        "mismatch"),
                c("unknown category", event("PAGE_VIEW", "{}", "eventCategory=\"FUN\""), "/eventCategory", "enum"),
                c("bad uuid eventId", event("PAGE_VIEW", "{}", "eventId=\"not-a-uuid\""), "/eventId", "format"),
                c("missing timestamp", event("PAGE_VIEW", "{}", "-timestamp"), "/timestamp", "required"),
                c("timestamp not ISO", event("PAGE_VIEW", "{}", "timestamp=\"yesterday\""), "/timestamp", "format"),
                c("timestamp epoch number", event("PAGE_VIEW", "{}", "timestamp=1714564800000"), "/timestamp", "type"),
                c(
                        "receivedAt without offset",
                        event("PAGE_VIEW", "{}", "receivedAt=\"2024-05-01T12:00:00\""),
                        "/receivedAt",
                        "format"),
                c("sentAt bad", event("PAGE_VIEW", "{}", "sentAt=\"2024-13-01T00:00:00Z\""), "/sentAt", "format"),
                c("userId number", event("PAGE_VIEW", "{}", "userId=42"), "/userId", "type"),
                c(
                        "perfumeId too long",
                        event("PAGE_VIEW", "{}", "perfumeId=\"" + "p".repeat(129) + "\""),
                        "/perfumeId",
                        "max-length"),
                c("bad deviceType", event("PAGE_VIEW", "{}", "deviceType=\"watch\""), "/deviceType", "enum"),
                c("negative duration", event("PAGE_VIEW", "{}", "duration=-1"), "/duration", "range"),
                c("fractional duration", event("PAGE_VIEW", "{}", "duration=1.5"), "/duration", "type"),
                c("value string", event("PAGE_VIEW", "{}", "value=\"4\""), "/value", "type"),
                c("isBot string", event("PAGE_VIEW", "{}", "isBot=\"yes\""), "/isBot", "type"),
                c(
                        "future schemaVersion",
                        event("PAGE_VIEW", "{}", "schemaVersion=" + (UserInteractionEvent.CURRENT_SCHEMA_VERSION + 1)),
                        "/schemaVersion",
                        "range"),
                c("eventData array", event("PAGE_VIEW", "[]"), "/eventData", "type"),
                // per-type envelope requirements
                c(
                        "PERFUME_VIEW without perfumeId",
                        event("PERFUME_VIEW", "{}", "-perfumeId"),
                        "/perfumeId",
                        "required"),
                c(
                        "RATING_COMPLETED blank perfumeId",
                        event("RATING_COMPLETED", "{}", "perfumeId=\"\""),
                        "/perfumeId",
                        "required"),
                c(
                        "WISHLIST_ADD without perfumeId",
                        event("WISHLIST_ADD", "{}", "-perfumeId"),
                        "/perfumeId",
                        "required"),
                c(
                        "RECOMMENDATION_CLICKED without recommendationId",
                        event("RECOMMENDATION_CLICKED", "{}", "-recommendationId"),
                        "/recommendationId",
                        "required"),
                c(
                        "SEARCH_RESULT_CLICKED without any perfumeId",
                        event("SEARCH_RESULT_CLICKED", "{\"position\":1}", "-perfumeId"),
                        "/perfumeId",
                        "required"),
                // eventData schemas
                c("scrollDepth 150", event("PAGE_VIEW", "{\"scrollDepth\":150}"), "/eventData/scrollDepth", "range"),
                c("bad page source", event("PAGE_VIEW", "{\"source\":\"tv\"}"), "/eventData/source", "enum"),
                c(
                        "negative viewport width",
                        event("HOUSE_VIEW", "{\"viewport\":{\"width\":-5,\"height\":10}}"),
                        "/eventData/viewport/width",
                        "range"),
                c(
                        "rating 7",
                        event("RATING_COMPLETED", "{\"ratings\":{\"overall\":7}}"),
                        "/eventData/ratings/overall",
                        "range"),
                c(
                        "rating 0 (sillage)",
                        event("RATING_UPDATED", "{\"ratings\":{\"sillage\":0}}"),
                        "/eventData/ratings/sillage",
                        "range"),
                c(
                        "rating 5.01",
                        event("RATING_COMPLETED", "{\"ratings\":{\"overall\":5.01}}"),
                        "/eventData/ratings/overall",
                        "range"),
                c(
                        "rating as string",
                        event("RATING_COMPLETED", "{\"ratings\":{\"longevity\":\"5\"}}"),
                        "/eventData/ratings/longevity",
                        "type"),
                c("bad rating source", event("RATING_STARTED", "{\"source\":\"email\"}"), "/eventData/source", "enum"),
                c("review rating 6", event("REVIEW_SUBMITTED", "{\"rating\":6}"), "/eventData/rating", "range"),
                c(
                        "bad searchType",
                        event("SEARCH_PERFORMED", "{\"searchType\":\"random\"}"),
                        "/eventData/searchType",
                        "enum"),
                c(
                        "bad queryType",
                        event("SEARCH_PERFORMED", "{\"queryType\":\"gesture\"}"),
                        "/eventData/queryType",
                        "enum"),
                c(
                        "queryWords with a number",
                        event("SEARCH_PERFORMED", "{\"queryWords\":[\"a\",1]}"),
                        "/eventData/queryWords/1",
                        "type"),
                c(
                        "negative resultsCount",
                        event("SEARCH_NO_RESULTS", "{\"resultsCount\":-1}"),
                        "/eventData/resultsCount",
                        "range"),
                c(
                        "filters not an object",
                        event("SEARCH_PERFORMED", "{\"filters\":\"x\"}"),
                        "/eventData/filters",
                        "type"),
                c(
                        "priceRange min > max",
                        event("SEARCH_PERFORMED", "{\"filters\":{\"priceRange\":{\"min\":50,\"max\":10}}}"),
                        "/eventData/filters/priceRange",
                        "range"),
                c(
                        "negative price",
                        event("SEARCH_PERFORMED", "{\"filters\":{\"priceRange\":{\"min\":-1,\"max\":5}}}"),
                        "/eventData/filters/priceRange/min",
                        "range"),
                c(
                        "houses filter not strings",
                        event("SEARCH_REFINED", "{\"filters\":{\"houses\":\"h-1\"}}"),
                        "/eventData/filters/houses",
                        "type"),
                c(
                        "availability not boolean",
                        event("SEARCH_PERFORMED", "{\"filters\":{\"availability\":1}}"),
                        "/eventData/filters/availability",
                        "type"),
                c(
                        "search click without position",
                        event("SEARCH_RESULT_CLICKED", "{\"searchId\":\"s\"}", "-eventData/position"),
                        "/eventData/position",
                        "required"),
                c(
                        "bad tradePreference",
                        event("COLLECTION_ADD", "{\"tradePreference\":\"barter\"}"),
                        "/eventData/tradePreference",
                        "enum"),
                c(
                        "bad collection source",
                        event("WISHLIST_REMOVE", "{\"source\":\"ads\"}"),
                        "/eventData/source",
                        "enum"),
                c(
                        "negative timeInWishlist",
                        event("COLLECTION_ADD", "{\"timeInWishlist\":-3}"),
                        "/eventData/timeInWishlist",
                        "range"),
                c("bad noteType", event("NOTES_EXPANDED", "{\"noteType\":\"top\"}"), "/eventData/noteType", "enum"),
                c("zoomed not boolean", event("IMAGE_ZOOMED", "{\"zoomed\":\"true\"}"), "/eventData/zoomed", "type"),
                c(
                        "negative imageIndex",
                        event("IMAGE_VIEWED", "{\"imageIndex\":-1}"),
                        "/eventData/imageIndex",
                        "range"),
                c(
                        "recommendation shown without algorithm",
                        event("RECOMMENDATION_SHOWN", "{}", "-eventData/algorithm"),
                        "/eventData/algorithm",
                        "required"),
                c(
                        "recommendation bad source",
                        event("RECOMMENDATION_CLICKED", "{\"source\":\"billboard\"}"),
                        "/eventData/source",
                        "enum"),
                c(
                        "confidence 1.5",
                        event("RECOMMENDATION_CLICKED", "{\"confidence\":1.5}"),
                        "/eventData/confidence",
                        "range"),
                // limits
                c(
                        "eventData too deep",
                        event("FILTER_APPLIED", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{}}}}}}}}}"),
                        "/eventData/a/b/c/d/e/f/g/h",
                        "max-depth"),
                c(
                        "eventData string too long (escaped pointer)",
                        event("FILTER_APPLIED", "{\"a/b~c\":\"" + longText + "\"}"),
                        "/eventData/a~1b~0c",
                        "max-length"),
                c("eventData too big", event("PURCHASE_COMPLETED", bigData), "/eventData", "max-size"),
                c(
                        "eventData array too long",
                        event("SEARCH_PERFORMED", manyIds),
                        "/eventData/resultPerfumeIds",
                        "max-size"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("invalidEvents")
    void rejectsWithExactPointerAndRule(String name, JsonNode input, String pointer, String rule) {
        ParseResult result = EventParser.parse(input);
        assertFalse(result.valid());
        assertNull(result.event());
        assertEquals(
                List.of(pointer + " " + rule),
                result.violations().stream()
                        .map(v -> v.pointer() + " " + v.rule())
                        .toList(),
                () -> "violations: " + result.violations());
        assertFalse(result.violations().get(0).message().isBlank());
    }

    @Test
    void tableIsLargeEnough() {
        assertTrue(invalidEvents().count() >= 25);
    }

    @Test
    void collectsAllViolations() {
        ParseResult r = EventParser.parse(json("{\"sessionId\":7,\"eventType\":\"RATING_COMPLETED\","
                + "\"eventCategory\":\"VIEW\",\"timestamp\":\"nope\",\"deviceType\":\"fridge\","
                + "\"eventData\":{\"ratings\":{\"overall\":9,\"gender\":0},\"source\":\"x\"}}"));
        Set<String> got =
                r.violations().stream().map(v -> v.pointer() + " " + v.rule()).collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "/sessionId type",
                        "/path required",
                        "/eventCategory mismatch",
                        "/timestamp format",
                        "/deviceType enum",
                        "/perfumeId required",
                        "/eventData/ratings/overall range",
                        "/eventData/ratings/gender range",
                        "/eventData/source enum",
                        "/eventData/timeToComplete required",
                        "/eventData/categoriesRated required",
                        "/eventData/edited required",
                        "/eventData/hadPreviousRating required"),
                got);
    }

    @Test
    void nullNode() {
        ParseResult r = EventParser.parse(null);
        assertEquals(
                List.of(""), r.violations().stream().map(Violation::pointer).toList());
    }
}
