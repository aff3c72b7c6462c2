package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.data;
import static com.newsmell.contract.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.data.CollectionData;
import com.newsmell.contract.data.EngagementData;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.contract.data.RatingData;
import com.newsmell.contract.data.ReviewData;
import com.newsmell.contract.data.SearchData;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #21, "The seed's types": a field the seed types as {@code number} accepts a decimal and keeps it without loss
 * (ADR 0014). Before, every one of these was read as an integer and a decimal rejected the whole event ({@code
 * type}). Each row quotes the seed's declaration of the field.
 */
class SeedDecimalsTest {

    private static Arguments row(
            String seed, String type, String field, String decimal, Function<UserInteractionEvent, Double> typed) {
        return Arguments.of(seed, type, field, decimal, typed);
    }

    private static PageViewData page(UserInteractionEvent e) {
        return (PageViewData) e.data();
    }

    private static SearchData search(UserInteractionEvent e) {
        return (SearchData) e.data();
    }

    private static RatingData rating(UserInteractionEvent e) {
        return (RatingData) e.data();
    }

    private static EngagementData engagement(UserInteractionEvent e) {
        return (EngagementData) e.data();
    }

    static Stream<Arguments> seedNumbers() {
        return Stream.of(
                row(
                        "PageViewEvent: viewDuration: number // milliseconds",
                        "PAGE_VIEW",
                        "viewDuration",
                        "1234.5",
                        e -> page(e).viewDuration()),
                row(
                        "PageViewEvent: scrollDepth: number // percentage (0-100)",
                        "PERFUME_VIEW",
                        "scrollDepth",
                        "55.5",
                        e -> page(e).scrollDepth()),
                row(
                        "PageViewEvent: timeToInteraction: number // milliseconds to first interaction",
                        "HOUSE_VIEW",
                        "timeToInteraction",
                        "830.25",
                        e -> page(e).timeToInteraction()),
                row(
                        "PageViewEvent: viewport: { width: number; height: number }",
                        "PAGE_VIEW",
                        "viewport/width",
                        "412.5",
                        e -> page(e).viewport().width()),
                row(
                        "PageViewEvent: viewport: { width: number; height: number }",
                        "PAGE_VIEW",
                        "viewport/height",
                        "915.75",
                        e -> page(e).viewport().height()),
                row(
                        "SearchEvent: queryLength: number",
                        "SEARCH_PERFORMED",
                        "queryLength",
                        "11.5",
                        e -> search(e).queryLength()),
                row(
                        "SearchEvent: resultsCount: number",
                        "SEARCH_PERFORMED",
                        "resultsCount",
                        "42.5",
                        e -> search(e).resultsCount()),
                row(
                        "SearchEvent: resultsShown: number",
                        "SEARCH_PERFORMED",
                        "resultsShown",
                        "20.5",
                        e -> search(e).resultsShown()),
                row(
                        "RatingEvent: overall?: number // 1-5",
                        "RATING_COMPLETED",
                        "ratings/overall",
                        "4.5",
                        e -> rating(e).ratings().overall()),
                row(
                        "RatingEvent: longevity?: number // 1-5",
                        "RATING_COMPLETED",
                        "ratings/longevity",
                        "3.5",
                        e -> rating(e).ratings().longevity()),
                row(
                        "RatingEvent: sillage?: number // 1-5",
                        "RATING_UPDATED",
                        "ratings/sillage",
                        "1.5",
                        e -> rating(e).ratings().sillage()),
                row(
                        "RatingEvent: priceValue?: number // 1-5",
                        "RATING_COMPLETED",
                        "ratings/priceValue",
                        "2.25",
                        e -> rating(e).ratings().priceValue()),
                row(
                        "RatingEvent: gender?: number // 1-5",
                        "RATING_COMPLETED",
                        "ratings/gender",
                        "4.75",
                        e -> rating(e).ratings().gender()),
                row(
                        "RatingEvent: timeToComplete: number // seconds",
                        "RATING_COMPLETED",
                        "timeToComplete",
                        "12.5",
                        e -> rating(e).timeToComplete()),
                row(
                        "RatingEvent: categoriesRated: number",
                        "RATING_COMPLETED",
                        "categoriesRated",
                        "2.5",
                        e -> rating(e).categoriesRated()),
                row(
                        "CollectionEvent: timeInWishlist?: number",
                        "COLLECTION_ADD",
                        "timeInWishlist",
                        "86400000.5",
                        e -> ((CollectionData) e.data()).timeInWishlist()),
                row(
                        "EngagementEvent: imageIndex?: number",
                        "IMAGE_VIEWED",
                        "imageIndex",
                        "1.5",
                        e -> engagement(e).imageIndex()),
                row(
                        "EngagementEvent: viewDuration?: number",
                        "IMAGE_VIEWED",
                        "viewDuration",
                        "900.5",
                        e -> engagement(e).viewDuration()),
                row(
                        "EngagementEvent: expandDuration?: number",
                        "NOTES_EXPANDED",
                        "expandDuration",
                        "1500.5",
                        e -> engagement(e).expandDuration()),
                row(
                        "EngagementEvent: position?: number",
                        "SIMILAR_CLICKED",
                        "position",
                        "2.5",
                        e -> engagement(e).position()),
                row(
                        "ADR 0002: ReviewData rating, \"ratings 1–5\" like RatingEvent's",
                        "REVIEW_SUBMITTED",
                        "rating",
                        "4.5",
                        e -> ((ReviewData) e.data()).rating()));
    }

    @ParameterizedTest(name = "{1}.{2} = {3} is accepted and kept ({0})")
    @MethodSource("seedNumbers")
    void aDecimalIsAcceptedAndKeptExactly(
            String seed, String type, String field, String decimal, Function<UserInteractionEvent, Double> typed) {
        ParseResult parsed = EventParser.parse(event(type, data(field, decimal)));
        assertEquals(List.of(), parsed.violations(), seed);
        UserInteractionEvent event = parsed.event();
        assertEquals(Double.parseDouble(decimal), typed.apply(event), seed);

        String wire = EventCodec.toJson(event);
        assertEquals(
                0,
                new BigDecimal(decimal)
                        .compareTo(EventCodec.fromJson(wire)
                                .eventData()
                                .at("/" + field)
                                .decimalValue()),
                () -> "the wire keeps " + decimal + ": " + wire);
        UserInteractionEvent stored = EventCodec.fromJson(wire);
        assertEquals(event, stored);
        assertEquals(Double.parseDouble(decimal), typed.apply(stored), seed);
    }

    @ParameterizedTest(name = "{1}.{2} = 7 (a JSON integer) still reads as 7.0 ({0})")
    @MethodSource("seedNumbers")
    void aJsonIntegerStillWorks(
            String seed, String type, String field, String decimal, Function<UserInteractionEvent, Double> typed) {
        String whole = field.contains("ratings/") || field.equals("rating") ? "4" : "7";
        ParseResult parsed = EventParser.parse(event(type, data(field, whole)));
        assertEquals(List.of(), parsed.violations(), seed);
        assertEquals(Double.parseDouble(whole), typed.apply(parsed.event()), seed);
    }

    // ADR 0014: a `number` is what a JavaScript client holds, an IEEE-754 double; a decimal without an exact binary
    // form is that same double after the trip, written in its shortest form.
    @Test
    @DisplayName("scrollDepth 33.3 and viewDuration 0.1 come back as 33.3 and 0.1, not 33.29999…")
    void decimalsWithoutAnExactBinaryFormDoNotDrift() {
        UserInteractionEvent event = EventCodec.fromJson(
                EventCodec.toJson(EventParser.parse(event("PAGE_VIEW", "{\"scrollDepth\":33.3,\"viewDuration\":0.1}"))
                        .event()));
        assertEquals(33.3, page(event).scrollDepth());
        assertEquals("0.1", event.eventData().get("viewDuration").asText());
    }

    // Seed, EngagementEvent: "pageScrollPosition: number", "timeOnPage: number" (on the event).
    @Test
    @DisplayName(
            "EngagementEvent: pageScrollPosition: number, timeOnPage: number — 812.5 and 30000.25 kept on the event")
    void engagementEnvelopeDecimals() {
        UserInteractionEvent event = EventParser.parse(
                        event("NOTES_EXPANDED", "{}", "pageScrollPosition=812.5", "timeOnPage=30000.25"))
                .event();
        assertEquals(812.5, event.pageScrollPosition());
        assertEquals(30000.25, event.timeOnPage());
        ObjectNode wire = EventCodec.toJsonNode(event);
        assertEquals(812.5, wire.get("pageScrollPosition").doubleValue());
        assertEquals(event, EventCodec.fromJsonNode(wire));
    }

    // Seed, UserInteractionEvent: "value Float? // Numeric value (rating, price, etc.)".
    @Test
    @DisplayName("UserInteractionEvent: value Float? — a rating of 4.5 as the envelope's value is kept")
    void envelopeValueDecimal() {
        assertEquals(
                4.5,
                EventParser.parse(event("RATING_COMPLETED", "{\"ratings\":{\"overall\":4.5}}", "value=4.5"))
                        .event()
                        .value());
    }

    // Seed, UserInteractionEvent: "duration Int? // Duration in milliseconds" — the one Int of the envelope.
    @Test
    @DisplayName("UserInteractionEvent: duration Int? — stays an integer: 1.5 fails with type")
    void envelopeDurationStaysAnInteger() {
        assertEquals(List.of("/duration type"), TestEvents.violations(event("PAGE_VIEW", "{}", "duration=1.5")));
    }

    // Seed, RatingEvent: "overall?: number // 1-5": a decimal is bounded like an integer.
    @Test
    @DisplayName("RatingEvent: overall?: number // 1-5 — 0.99 and 5.01 fail with range, 1 and 5 pass")
    void decimalRatingsAreBounded() {
        for (String outside : List.of("0.99", "5.01")) {
            assertEquals(
                    List.of("/eventData/ratings/overall range"),
                    TestEvents.violations(event("RATING_COMPLETED", data("ratings/overall", outside))),
                    outside);
        }
    }
}
