package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.json;
import static com.newsmell.contract.TestEvents.minimalData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.data.CollectionData;
import com.newsmell.contract.data.EngagementData;
import com.newsmell.contract.data.EventData;
import com.newsmell.contract.data.GenericData;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.contract.data.RatingData;
import com.newsmell.contract.data.RecommendationData;
import com.newsmell.contract.data.ReviewData;
import com.newsmell.contract.data.SearchClickData;
import com.newsmell.contract.data.SearchData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventParserValidTest {

    private static UserInteractionEvent valid(JsonNode node) {
        ParseResult r = EventParser.parse(node);
        assertTrue(r.valid(), () -> "unexpected violations: " + r.violations());
        assertTrue(r.violations().isEmpty());
        return r.event();
    }

    @Test
    void minimalClientEvent() {
        UserInteractionEvent e = valid(
                json(
                        "{\"sessionId\":\"s1\",\"path\":\"/\",\"eventType\":\"BACK_BUTTON\",\"timestamp\":\"2024-05-01T12:00:00Z\"}"));
        assertNull(e.eventId(), "eventId is assigned by the server, never here");
        assertEquals(UserInteractionEvent.CURRENT_SCHEMA_VERSION, e.schemaVersion());
        assertEquals(InteractionEventType.BACK_BUTTON, e.eventType());
        assertEquals(InteractionCategory.NAVIGATION, e.eventCategory());
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), e.timestamp());
        assertEquals(e.timestamp(), e.clientTimestamp(), "clientTimestamp defaults to timestamp");
        assertNull(e.sentAt());
        assertNull(e.receivedAt());
        assertTrue(e.eventData().isEmpty());
        assertFalse(e.isBot());
        assertInstanceOf(GenericData.class, e.data());
    }

    @Test
    void fullEnvelope() {
        UserInteractionEvent e = valid(json("{"
                + "\"eventId\":\"7d444840-9dc0-11d1-b245-5ffdce74fad2\",\"schemaVersion\":1,\"userId\":\"u-9\","
                + "\"sessionId\":\"s1\",\"eventType\":\"PERFUME_VIEW\",\"eventCategory\":\"VIEW\","
                + "\"timestamp\":\"2024-05-01T12:00:00.250Z\",\"clientTimestamp\":\"2024-05-01T14:00:00+02:00\","
                + "\"sentAt\":\"2024-05-01T12:00:01Z\",\"receivedAt\":\"2024-05-01T12:00:01.500Z\","
                + "\"perfumeId\":\"p-1\",\"houseId\":\"h-1\",\"noteId\":\"n-1\",\"eventData\":{\"title\":\"Aventus\","
                + "\"viewDuration\":1200,\"scrollDepth\":40,\"source\":\"direct\",\"viewport\":{\"width\":800,\"height\":600}},"
                + "\"deviceType\":\"desktop\",\"browser\":\"Firefox\",\"os\":\"Linux\",\"isBot\":true,"
                + "\"botReason\":\"ua\",\"userAgent\":\"Mozilla/5.0\",\"referrer\":\"https://example.com/\","
                + "\"path\":\"/perfumes/p-1\",\"ipPrefix\":\"10.1.2.0/24\",\"location\":\"DE\",\"duration\":1200,"
                + "\"value\":4.5,\"someUnknownField\":{\"x\":1}}"));
        assertEquals("7d444840-9dc0-11d1-b245-5ffdce74fad2", e.eventId());
        assertEquals("u-9", e.userId());
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), e.clientTimestamp());
        assertEquals(Instant.parse("2024-05-01T12:00:01.500Z"), e.receivedAt());
        assertEquals("h-1", e.houseId());
        assertEquals("n-1", e.noteId());
        assertEquals("desktop", e.deviceType());
        assertTrue(e.isBot());
        assertEquals(1200, e.duration());
        assertEquals(4.5, e.value());
        assertEquals("DE", e.location());
    }

    @Test
    void nullsAreAbsentAndBlankOptionalIdsAreDropped() {
        UserInteractionEvent e = valid(event(
                "BACK_BUTTON", "{}", "userId=null", "duration=null", "houseId=\"  \"", "eventData=null", "isBot=null"));
        assertNull(e.userId());
        assertNull(e.duration());
        assertNull(e.houseId());
        assertTrue(e.eventData().isEmpty());
    }

    @Test
    void pageView() {
        UserInteractionEvent e = valid(event(
                "PERFUME_VIEW",
                "{\"title\":\"Aventus\",\"viewDuration\":45000,\"scrollDepth\":80,\"timeToInteraction\":1200,"
                        + "\"source\":\"search\",\"viewport\":{\"width\":1920,\"height\":1080},\"deviceType\":\"desktop\","
                        + "\"extra\":\"kept\"}"));
        PageViewData d = (PageViewData) e.data();
        assertEquals(
                new PageViewData(
                        "Aventus",
                        45000.0,
                        80.0,
                        1200.0,
                        "search",
                        new PageViewData.Viewport(1920.0, 1080.0),
                        "desktop"),
                d);
        assertEquals("kept", e.eventData().get("extra").asText(), "unknown eventData fields are kept raw");
    }

    @Test
    void search() {
        UserInteractionEvent e = valid(event(
                "SEARCH_PERFORMED",
                "{\"searchId\":\"srch-1\",\"query\":\"vanilla oud\",\"queryLength\":11,\"queryWords\":[\"vanilla\",\"oud\"],"
                        + "\"filters\":{\"houses\":[\"h-1\"],\"notes\":[\"n-1\"],\"priceRange\":{\"min\":10,\"max\":99.5},"
                        + "\"perfumeType\":[\"EDP\"],\"availability\":true,\"tradeable\":false},"
                        + "\"resultsCount\":42,\"resultsShown\":20,\"hasResults\":true,\"searchType\":\"initial\","
                        + "\"queryType\":\"text\",\"suggestionUsed\":false,\"resultPerfumeIds\":[\"p-1\",\"p-2\"]}",
                "-perfumeId"));
        SearchData d = (SearchData) e.data();
        assertEquals("srch-1", d.searchId());
        assertEquals(List.of("vanilla", "oud"), d.queryWords());
        assertEquals(99.5, d.filters().get("priceRange").get("max").asDouble());
        assertEquals(42.0, d.resultsCount());
        assertEquals("initial", d.searchType());
        assertEquals("text", d.queryType());
        assertNull(d.previousQuery());
        assertEquals(List.of("p-1", "p-2"), d.resultPerfumeIds());
    }

    @Test
    void searchNoResultsAndRefined() {
        SearchData d = (SearchData) valid(event(
                        "SEARCH_REFINED",
                        "{\"query\":\"oud\",\"previousQuery\":\"vanilla oud\",\"searchType\":\"refinement\","
                                + "\"queryType\":\"filter_only\",\"resultsCount\":0,\"hasResults\":false}"))
                .data();
        assertEquals("vanilla oud", d.previousQuery());
        assertInstanceOf(
                SearchData.class,
                valid(event("SEARCH_NO_RESULTS", "{\"query\":\"xyz\",\"resultsCount\":0}"))
                        .data());
    }

    @Test
    void searchClickTakesPerfumeIdFromEnvelopeOrData() {
        SearchClickData fromEnvelope =
                (SearchClickData) valid(event("SEARCH_RESULT_CLICKED", "{\"searchId\":\"srch-1\",\"position\":3}"))
                        .data();
        assertEquals(new SearchClickData("srch-1", 3, "p-1"), fromEnvelope);

        UserInteractionEvent e =
                valid(event("SEARCH_RESULT_CLICKED", "{\"position\":0,\"perfumeId\":\"p-7\"}", "-perfumeId"));
        assertNull(e.perfumeId());
        assertEquals(new SearchClickData(null, 0, "p-7"), e.data());
    }

    @Test
    void rating() {
        RatingData d = (RatingData) valid(
                        event(
                                "RATING_COMPLETED",
                                "{\"ratings\":{\"overall\":5,\"longevity\":4,\"sillage\":3,\"priceValue\":2,\"gender\":1},"
                                        + "\"timeToComplete\":12,\"categoriesRated\":5,\"edited\":true,"
                                        + "\"previousRatings\":{\"overall\":4},\"source\":\"detail_page\",\"hadPreviousRating\":true}"))
                .data();
        assertEquals(new RatingData.Ratings(5.0, 4.0, 3.0, 2.0, 1.0), d.ratings());
        assertEquals(12.0, d.timeToComplete());
        assertEquals(4, d.previousRatings().get("overall").asInt());
        assertEquals("detail_page", d.source());
        assertTrue(d.hadPreviousRating());

        RatingData started = (RatingData) valid(event("RATING_STARTED", "{}")).data();
        assertNull(started.ratings());
        RatingData whole = (RatingData) valid(event("RATING_UPDATED", "{\"ratings\":{\"overall\":3.0}}"))
                .data();
        assertEquals(3.0, whole.ratings().overall(), "integral floats are accepted");
    }

    @Test
    void review() {
        assertEquals(
                new ReviewData(240, 4.0),
                valid(event("REVIEW_SUBMITTED", "{\"reviewLength\":240,\"rating\":4}"))
                        .data());
        assertEquals(
                new ReviewData(null, null),
                valid(event("REVIEW_STARTED", "{}", "-perfumeId")).data());
    }

    @Test
    void collectionAndWishlist() {
        CollectionData d = (CollectionData) valid(event(
                        "COLLECTION_UPDATE",
                        "{\"amount\":\"50ml\",\"available\":25,\"price\":\"120.00\",\"tradePreference\":\"both\","
                                + "\"source\":\"wishlist_convert\",\"timeInWishlist\":86400000,"
                                + "\"changedFields\":[\"price\"],\"previousValues\":{\"price\":\"100.00\"}}"))
                .data();
        assertEquals("50ml", d.amount());
        assertEquals("25", d.available(), "numbers are accepted and kept as text");
        assertEquals("both", d.tradePreference());
        assertEquals(86400000.0, d.timeInWishlist());
        assertEquals(List.of("price"), d.changedFields());
        assertEquals("100.00", d.previousValues().get("price").asText());

        assertInstanceOf(
                CollectionData.class,
                valid(event("WISHLIST_ADD", "{\"source\":\"recommendation\"}")).data());
    }

    @Test
    void engagement() {
        UserInteractionEvent similar = valid(event(
                "SIMILAR_CLICKED",
                "{\"targetPerfumeId\":\"p-2\",\"position\":1,\"similarityReason\":\"shared notes\"}",
                "pageScrollPosition=812.5",
                "timeOnPage=30000"));
        assertEquals(new EngagementData(null, null, null, null, null, "p-2", 1.0, "shared notes"), similar.data());
        assertEquals(812.5, similar.pageScrollPosition());
        assertEquals(30000.0, similar.timeOnPage());
        EngagementData notes =
                (EngagementData) valid(event("NOTES_EXPANDED", "{\"noteType\":\"heart\",\"expandDuration\":1500}"))
                        .data();
        assertEquals("heart", notes.noteType());
        EngagementData img =
                (EngagementData) valid(event("IMAGE_ZOOMED", "{\"imageIndex\":2,\"viewDuration\":900,\"zoomed\":true}"))
                        .data();
        assertTrue(img.zoomed());
    }

    @Test
    void recommendation() {
        RecommendationData shown = (RecommendationData) valid(event(
                        "RECOMMENDATION_SHOWN",
                        "{\"algorithm\":\"collab-v2\",\"source\":\"homepage\",\"position\":0,\"confidence\":0.87,"
                                + "\"similarityScore\":1}"))
                .data();
        assertEquals(new RecommendationData("collab-v2", "homepage", 0, 0.87, 1.0, null, null, null, null), shown);
        RecommendationData feedback = (RecommendationData)
                valid(event("RECOMMENDATION_FEEDBACK", "{\"thumbsDown\":true,\"hidPerfume\":true}"))
                        .data();
        assertTrue(feedback.thumbsDown());
        assertTrue(feedback.hidPerfume());
        assertNull(feedback.algorithm(), "algorithm only required for SHOWN");
        assertNull(shown.randomized(), "randomized, algorithmVersion and reportReason are optional (ADR 0024)");
    }

    // ADR 0024: algorithmVersion (free text), randomized (a shuffled list) and reportReason (a closed list).
    @Test
    void recommendationAdditions() {
        RecommendationData shown = (RecommendationData) valid(event(
                        "RECOMMENDATION_SHOWN",
                        "{\"algorithm\":\"hybrid\",\"algorithmVersion\":\"2.3.1\",\"source\":\"search\","
                                + "\"position\":4,\"randomized\":true}"))
                .data();
        assertEquals(
                new RecommendationData("hybrid", "search", 4, null, null, null, null, null, null, "2.3.1", true, null),
                shown);
        RecommendationData report = (RecommendationData) valid(event(
                        "RECOMMENDATION_FEEDBACK", "{\"reportedIrrelevant\":true,\"reportReason\":\"already_owned\"}"))
                .data();
        assertTrue(report.reportedIrrelevant());
        assertEquals("already_owned", report.reportReason());
        assertEquals(
                java.util.Set.of(
                        "not_my_taste", "already_owned", "wrong_gender", "too_expensive", "inappropriate", "other"),
                RecommendationData.REPORT_REASONS);
        assertEquals(
                java.util.List.of("/eventData/randomized type", "/eventData/reportReason enum"),
                EventParser.parse(event(
                                "RECOMMENDATION_FEEDBACK",
                                "{\"reportedIrrelevant\":true,\"reportReason\":\"Already_Owned\","
                                        + "\"randomized\":\"yes\"}"))
                        .violations()
                        .stream()
                        .map(v -> v.pointer() + " " + v.rule())
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(
            value = InteractionEventType.class,
            names = {
                "FILTER_APPLIED",
                "FILTER_REMOVED",
                "FILTER_CLEARED",
                "COLLECTION_SHARED",
                "TRADE_INQUIRY",
                "NAVIGATION_CLICK",
                "BACK_BUTTON",
                "EXTERNAL_LINK",
                "TRADE_OFFERED",
                "TRADE_ACCEPTED",
                "TRADE_DECLINED",
                "PURCHASE_INITIATED",
                "PURCHASE_COMPLETED"
            })
    void genericTypes(InteractionEventType type) {
        UserInteractionEvent e = valid(event(type.name(), "{\"anything\":[1,{\"x\":true}]}"));
        EventData d = e.data();
        assertInstanceOf(GenericData.class, d);
        assertEquals(e.eventData(), ((GenericData) d).data());
        assertEquals(type.category(), e.eventCategory());
    }

    @ParameterizedTest
    @EnumSource(InteractionEventType.class)
    void everyTypeParsesWithEmptyDataWhenEnvelopeRequirementsAreMet(InteractionEventType type) {
        UserInteractionEvent e = valid(event(type.name(), minimalData(type)));
        assertEquals(type, e.eventType());
        assertEquals(type.category(), e.eventCategory());
    }

    @Test
    void parsedEventDataIsDetachedFromInput() {
        var node = event("PAGE_VIEW", "{\"title\":\"a\"}");
        UserInteractionEvent e = valid(node);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("eventData")).put("title", "b");
        assertEquals("a", e.eventData().get("title").asText());
    }
}
