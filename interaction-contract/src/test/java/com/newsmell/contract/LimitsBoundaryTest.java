package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.json;
import static com.newsmell.contract.TestEvents.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each {@link Limits} value at its boundary: the limit itself passes, one more fails with the limit's rule and the
 * exact pointer.
 *
 * <p>The seed's model declares the envelope's identifiers and texts as plain {@code String} columns
 * ({@code sessionId String}, {@code path String}, {@code userAgent String?}, {@code referrer String?}) with no
 * length; the limits are the contract's, recorded in ADR 0002: "eventData is at most 32 KB, 8 levels deep, 500
 * items per array, 2,048 characters per string."
 */
class LimitsBoundaryTest {

    @Test
    @DisplayName("ADR 0002: \"eventData is at most 32 KB, 8 levels deep, 500 items per array, 2,048 characters"
            + " per string\"")
    void eventDataLimitsAreTheAdrNumbers() {
        assertEquals(32 * 1024, Limits.MAX_EVENT_DATA_BYTES);
        assertEquals(8, Limits.MAX_EVENT_DATA_DEPTH);
        assertEquals(500, Limits.MAX_EVENT_DATA_ARRAY_ITEMS);
        assertEquals(2048, Limits.MAX_EVENT_DATA_STRING_LENGTH);
    }

    /** Every bounded envelope string with its limit (see the field comments of {@link Limits}). */
    static Stream<Arguments> envelopeStrings() {
        return Stream.of(
                        limited(Limits.MAX_ID_LENGTH, "sessionId", "userId", "perfumeId", "houseId", "noteId"),
                        limited(Limits.MAX_ID_LENGTH, "recommendationId"),
                        limited(Limits.MAX_URL_LENGTH, "path", "referrer"),
                        limited(Limits.MAX_USER_AGENT_LENGTH, "userAgent"),
                        limited(Limits.MAX_SHORT_TEXT_LENGTH, "browser", "os", "botReason", "ipPrefix", "location"))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> limited(int limit, String... fields) {
        return Stream.of(fields).map(field -> Arguments.of(field, limit));
    }

    @ParameterizedTest(name = "{0}: {1} characters pass")
    @MethodSource("envelopeStrings")
    void envelopeStringAtItsLimitPasses(String field, int limit) {
        assertEquals(List.of(), violations(event("PAGE_VIEW", "{}", field + "=\"" + "a".repeat(limit) + "\"")));
    }

    @ParameterizedTest(name = "{0}: {1} + 1 characters fail with max-length")
    @MethodSource("envelopeStrings")
    void envelopeStringOverItsLimitFails(String field, int limit) {
        assertEquals(
                List.of("/" + field + " max-length"),
                violations(event("PAGE_VIEW", "{}", field + "=\"" + "a".repeat(limit + 1) + "\"")));
    }

    @ParameterizedTest(name = "a {0}-character string inside eventData passes")
    @ValueSource(ints = {0, Limits.MAX_EVENT_DATA_STRING_LENGTH})
    @DisplayName("ADR 0002: \"2,048 characters per string\"")
    void eventDataStringAtTheLimitPasses(int length) {
        assertEquals(
                List.of(),
                violations(event(
                        "FILTER_APPLIED",
                        "{\"s\":\"" + "x".repeat(length) + "\",\"a\":[\"" + "x".repeat(length) + "\"]}")));
    }

    @Test
    @DisplayName("ADR 0002: \"2,048 characters per string\" — 2,049 fails, at any depth, pointer to the string")
    void eventDataStringOverTheLimitFails() {
        String tooLong = "x".repeat(Limits.MAX_EVENT_DATA_STRING_LENGTH + 1);
        assertEquals(
                List.of("/eventData/s max-length"), violations(event("FILTER_APPLIED", "{\"s\":\"" + tooLong + "\"}")));
        assertEquals(
                List.of("/eventData/a/1/t max-length"),
                violations(event("FILTER_APPLIED", "{\"a\":[\"ok\",{\"t\":\"" + tooLong + "\"}]}")));
    }

    @Test
    @DisplayName("ADR 0002: \"8 levels deep\" — eventData itself is level 1, the 8th nested object passes")
    void eventDataAtTheDepthLimitPasses() {
        assertEquals(List.of(), violations(event("FILTER_APPLIED", nestedObjects(Limits.MAX_EVENT_DATA_DEPTH))));
    }

    @Test
    @DisplayName("ADR 0002: \"8 levels deep\" — a 9th level fails with max-depth at the 9th container")
    void eventDataOverTheDepthLimitFails() {
        assertEquals(
                List.of("/eventData" + "/n".repeat(Limits.MAX_EVENT_DATA_DEPTH) + " max-depth"),
                violations(event("FILTER_APPLIED", nestedObjects(Limits.MAX_EVENT_DATA_DEPTH + 1))));
    }

    @Test
    @DisplayName("ADR 0002: \"8 levels deep\" — a scalar inside the 8th level is no 9th level")
    void scalarInsideTheDeepestLevelPasses() {
        String eightLevelsWithAScalar =
                nestedObjects(Limits.MAX_EVENT_DATA_DEPTH).replace("{}", "{\"leaf\":1}");
        assertEquals(List.of(), violations(event("FILTER_APPLIED", eightLevelsWithAScalar)));
    }

    @Test
    @DisplayName("ADR 0002: \"8 levels deep\" — arrays are levels too")
    void arraysCountAsLevels() {
        // eventData (1) → "a": [ (2) → 6 more arrays (3..8) passes; one more array is the 9th level.
        String eight = "{\"a\":" + "[".repeat(7) + "]".repeat(7) + "}";
        String nine = "{\"a\":" + "[".repeat(8) + "]".repeat(8) + "}";
        assertEquals(List.of(), violations(event("FILTER_APPLIED", eight)));
        assertEquals(
                List.of("/eventData/a" + "/0".repeat(7) + " max-depth"), violations(event("FILTER_APPLIED", nine)));
    }

    @Test
    @DisplayName("ADR 0002: \"500 items per array\" — 500 pass")
    void arrayAtTheItemLimitPasses() {
        assertEquals(List.of(), violations(event("FILTER_APPLIED", arrayOf(Limits.MAX_EVENT_DATA_ARRAY_ITEMS))));
    }

    @Test
    @DisplayName("ADR 0002: \"500 items per array\" — 501 fail with max-size at the array")
    void arrayOverTheItemLimitFails() {
        assertEquals(
                List.of("/eventData/ids max-size"),
                violations(event("FILTER_APPLIED", arrayOf(Limits.MAX_EVENT_DATA_ARRAY_ITEMS + 1))));
    }

    @Test
    @DisplayName("ADR 0002: \"eventData is at most 32 KB\" — exactly 32,768 serialized bytes pass")
    void eventDataOfExactlyTheByteLimitPasses() {
        ObjectNode event = event("PURCHASE_COMPLETED", "{}");
        event.set("eventData", dataOfBytes(Limits.MAX_EVENT_DATA_BYTES));
        assertEquals(List.of(), violations(event));
    }

    @Test
    @DisplayName("ADR 0002: \"eventData is at most 32 KB\" — 32,769 serialized bytes fail with max-size")
    void eventDataOneByteOverTheLimitFails() {
        ObjectNode event = event("PURCHASE_COMPLETED", "{}");
        event.set("eventData", dataOfBytes(Limits.MAX_EVENT_DATA_BYTES + 1));
        assertEquals(List.of("/eventData max-size"), violations(event));
    }

    @Test
    @DisplayName("Limits: \"Max serialized size of eventData, in UTF-8 bytes\" — bytes, not characters")
    void sizeIsCountedInUtf8Bytes() {
        // 9 strings of 2,000 'é': 18,000 characters (under 32,768) but 36,000 UTF-8 bytes (over).
        String data = IntStream.range(0, 9)
                .mapToObj(i -> "\"f" + i + "\":\"" + "é".repeat(2000) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        assertTrue(data.length() < Limits.MAX_EVENT_DATA_BYTES);
        assertEquals(List.of("/eventData max-size"), violations(event("PURCHASE_COMPLETED", data)));
    }

    @ParameterizedTest(name = "schemaVersion {0} passes")
    @ValueSource(ints = {1, UserInteractionEvent.CURRENT_SCHEMA_VERSION})
    @DisplayName(
            "ADR 0002: \"a consumer rejects a higher version it does not know\"; ADR 0014: versions 1 and 2 are known")
    void knownSchemaVersionsPass(int version) {
        assertEquals(List.of(), violations(event("PAGE_VIEW", "{}", "schemaVersion=" + version)));
    }

    @ParameterizedTest(name = "schemaVersion {0} fails with range")
    @ValueSource(ints = {0, -1, UserInteractionEvent.CURRENT_SCHEMA_VERSION + 1})
    void unknownSchemaVersionsFail(int version) {
        assertEquals(List.of("/schemaVersion range"), violations(event("PAGE_VIEW", "{}", "schemaVersion=" + version)));
    }

    /** {@code levels} nested objects: 1 is {@code {}}, 2 is {@code {"n":{}}}, ... */
    private static String nestedObjects(int levels) {
        return "{\"n\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    private static String arrayOf(int items) {
        return IntStream.range(0, items)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "{\"ids\":[", "]}"));
    }

    /** An eventData object whose serialized form (the codec's mapper) is exactly {@code bytes} UTF-8 bytes. */
    private static ObjectNode dataOfBytes(int bytes) {
        ObjectNode data = (ObjectNode) json("{}");
        String lastFieldFrame = ",\"z\":\"\"";
        int lastFieldMax = lastFieldFrame.length() + Limits.MAX_EVENT_DATA_STRING_LENGTH;
        int field = 0;
        // Fill with 2,000-character fields (each at most 2,009 bytes) until one last field of at most 2,048
        // characters makes up the rest.
        while (bytes - size(data) > lastFieldMax) {
            data.put("f" + field++, "x".repeat(2000));
        }
        data.put("z", "x".repeat(bytes - size(data) - lastFieldFrame.length()));
        assertEquals(bytes, size(data), "fixture size");
        return data;
    }

    private static int size(ObjectNode data) {
        try {
            return EventCodec.mapper().writeValueAsBytes(data).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
