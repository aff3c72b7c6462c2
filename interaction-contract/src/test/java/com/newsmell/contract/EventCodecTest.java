package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.data.RatingData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecTest {

    static UserInteractionEvent full() {
        ObjectNode data = EventCodec.mapper().createObjectNode();
        data.putObject("ratings").put("overall", 5).put("sillage", 3);
        data.put("timeToComplete", 17).put("edited", false).put("source", "prompt");
        data.putArray("unknownList").add("x").add(2.5).addNull();
        return UserInteractionEvent.builder()
                .eventId("0f8fad5b-d9cb-469f-a165-70867728950e")
                .userId("u-1")
                .sessionId("sess-1")
                .eventType(InteractionEventType.RATING_COMPLETED)
                .timestamp(Instant.parse("2024-05-01T12:00:00.123456789Z"))
                .clientTimestamp(Instant.parse("2024-05-01T11:59:58.100Z"))
                .sentAt(Instant.parse("2024-05-01T11:59:59Z"))
                .receivedAt(Instant.parse("2024-05-01T12:00:00.200Z"))
                .perfumeId("p-1")
                .houseId("h-1")
                .noteId("n-1")
                .recommendationId("rec-1")
                .eventData(data)
                .deviceType("mobile")
                .browser("Safari")
                .os("iOS")
                .isBot(true)
                .botReason("headless")
                .userAgent("Mozilla/5.0 (iPhone)")
                .referrer("https://www.google.com/")
                .path("/perfumes/p-1?tab=ratings")
                .ipPrefix("203.0.113.0/24")
                .location("FR")
                .duration(17000)
                .value(5.0)
                .build();
    }

    @Test
    void roundTripFullEvent() {
        UserInteractionEvent e = full();
        String json = EventCodec.toJson(e);
        assertEquals(e, EventCodec.fromJson(json));
        assertEquals(json, EventCodec.toJson(EventCodec.fromJson(json)), "serialization is stable");
        assertEquals(new RatingData.Ratings(5.0, null, 3.0, null, null), ((RatingData) e.data()).ratings());
    }

    @Test
    void roundTripMinimalEvent() {
        UserInteractionEvent e = UserInteractionEvent.builder()
                .sessionId("s")
                .path("/")
                .eventType(InteractionEventType.BACK_BUTTON)
                .timestamp(Instant.parse("2024-01-01T00:00:00Z"))
                .build();
        assertEquals(InteractionCategory.NAVIGATION, e.eventCategory(), "category derived from type");
        UserInteractionEvent back = EventCodec.fromJson(EventCodec.toJson(e));
        // clientTimestamp is absent in e, so parsing fills it in from timestamp
        assertEquals(e.toBuilder().clientTimestamp(e.timestamp()).build(), back);
        assertEquals(back, EventCodec.fromJson(EventCodec.toJson(back)));
    }

    @ParameterizedTest
    @EnumSource(InteractionEventType.class)
    void roundTripParsedClientEvents(InteractionEventType type) {
        String data = switch (type) {
            case SEARCH_RESULT_CLICKED -> "{\"position\":2,\"searchId\":\"q\"}";
            case RECOMMENDATION_SHOWN ->
                "{\"algorithm\":\"a\",\"source\":\"search\",\"position\":1,\"confidence\":0.25}";
            case PAGE_VIEW -> "{\"viewport\":{\"width\":390,\"height\":844},\"scrollDepth\":100}";
            default -> "{\"n\":1,\"big\":12345678901234,\"f\":0.1,\"s\":\"\\u00e9\\u2603\",\"o\":{\"a\":[true,null]}}";
        };
        UserInteractionEvent parsed = EventParser.parse(event(type.name(), data, "value=-3.75", "duration=0"))
                .event();
        assertEquals(parsed, EventCodec.fromJson(EventCodec.toJson(parsed)));
        assertEquals(parsed, EventCodec.fromJsonNode(EventCodec.toJsonNode(parsed)));
    }

    @Test
    void wireFormat() {
        UserInteractionEvent e = full().toBuilder().userId(null).value(null).build();
        ObjectNode node = EventCodec.toJsonNode(e);
        assertFalse(node.has("userId"), "null fields are omitted");
        assertFalse(node.has("value"));
        assertEquals("2024-05-01T12:00:00.123456789Z", node.get("timestamp").textValue());
        assertEquals("2024-05-01T11:59:59Z", node.get("sentAt").textValue());
        assertEquals("RATING_COMPLETED", node.get("eventType").textValue());
        assertEquals("RATING", node.get("eventCategory").textValue());
        assertEquals(
                UserInteractionEvent.CURRENT_SCHEMA_VERSION,
                node.get("schemaVersion").intValue());
        assertTrue(node.get("isBot").booleanValue());
        assertEquals(17000, node.get("duration").intValue());
        List<String> names = iterable(node);
        assertEquals("eventId", names.get(0));
        assertEquals("schemaVersion", names.get(1));
        assertEquals("duration", names.get(names.size() - 1));
    }

    @Test
    void toJsonNodeCopiesEventData() {
        UserInteractionEvent e = full();
        ObjectNode node = EventCodec.toJsonNode(e);
        assertNotSame(e.eventData(), node.get("eventData"));
        ((ObjectNode) node.get("eventData")).put("edited", true);
        assertFalse(e.eventData().get("edited").booleanValue());
    }

    @Test
    void fromJsonRejectsInvalidEvents() {
        InvalidEventException ex = assertThrows(
                InvalidEventException.class,
                () -> EventCodec.fromJson("{\"sessionId\":\"s\",\"path\":\"/\",\"eventType\":\"RATING_COMPLETED\","
                        + "\"timestamp\":\"2024-01-01T00:00:00Z\",\"perfumeId\":\"p\","
                        + "\"eventData\":{\"ratings\":{\"overall\":7}}}"));
        assertEquals(
                List.of(new Violation(
                        "/eventData/ratings/overall",
                        "range",
                        ex.violations().get(0).message())),
                ex.violations());
        assertTrue(ex.getMessage().contains("/eventData/ratings/overall"));
    }

    @Test
    void fromJsonRejectsNonJson() {
        for (String bad : new String[] {"{not json", "{} trailing", "", "42", "null"}) {
            InvalidEventException ex = assertThrows(InvalidEventException.class, () -> EventCodec.fromJson(bad), bad);
            assertEquals(1, ex.violations().size(), bad);
            assertEquals("", ex.violations().get(0).pointer(), bad);
        }
        assertEquals(
                "format",
                assertThrows(InvalidEventException.class, () -> EventCodec.fromJson("{oops"))
                        .violations()
                        .get(0)
                        .rule());
        assertThrows(InvalidEventException.class, () -> EventCodec.fromJson(null));
    }

    @Test
    void sharedMapper() {
        assertSame(EventCodec.mapper(), EventCodec.mapper());
        assertFalse(EventCodec.mapper().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    @Test
    void builderDefaultsAndToBuilder() {
        UserInteractionEvent e = UserInteractionEvent.builder().build();
        assertEquals(UserInteractionEvent.CURRENT_SCHEMA_VERSION, e.schemaVersion());
        assertTrue(e.eventData().isEmpty());
        UserInteractionEvent f = full();
        UserInteractionEvent copy = f.toBuilder().build();
        assertEquals(f, copy);
        assertNotSame(f.eventData(), copy.eventData(), "toBuilder copies eventData");
        assertEquals("s-2", f.toBuilder().sessionId("s-2").build().sessionId());
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
