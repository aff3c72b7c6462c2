package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.decodeViolations;
import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #21, "Accepted means stored": "Strings with NUL are rejected at the collector with a 400 naming the field
 * (rule {@code no-nul}) … A test sends a corpus of awkward strings (NUL, lone surrogates, 4-byte characters,
 * right-to-left marks, 10,000 combining marks)". Before, an event with {@code \u0000} in a string was valid here,
 * accepted (202), then refused by PostgreSQL in the raw store and session-service while profile-service counted it.
 * The same check runs when a consumer decodes, so such a record is put aside before its batch is applied.
 */
class StorableTextTest {

    private static final String NUL = "\u0000";
    private static final String HIGH = "\uD83D"; // the first half of 😀 alone
    private static final String LOW = "\uDE00"; // the second half alone

    /** Where an unstorable string can sit, with the pointer it is reported at. */
    static Stream<Arguments> placements() {
        return Stream.of(
                        Arguments.of("sessionId", "sessionId=%s", "/sessionId"),
                        Arguments.of("path", "path=%s", "/path"),
                        Arguments.of("userId", "userId=%s", "/userId"),
                        Arguments.of("perfumeId", "perfumeId=%s", "/perfumeId"),
                        Arguments.of("userAgent", "userAgent=%s", "/userAgent"),
                        Arguments.of("referrer", "referrer=%s", "/referrer"),
                        Arguments.of("an unknown top-level field", "extra=%s", "/extra"),
                        Arguments.of("eventData.query", "eventData/query=%s", "/eventData/query"),
                        Arguments.of(
                                "a filter value in an array",
                                "eventData/filters={\"houses\":[\"h\",%s]}",
                                "/eventData/filters/houses/1"),
                        Arguments.of("an unknown eventData field", "eventData/note=%s", "/eventData/note"),
                        Arguments.of("an eventData member name", "eventData/x=%s", "/eventData/x"))
                .flatMap(p -> Stream.of(
                        Arguments.of(p.get()[0], p.get()[1], p.get()[2], "NUL", NUL, Violation.RULE_NO_NUL),
                        Arguments.of(
                                p.get()[0], p.get()[1], p.get()[2], "lone high surrogate", HIGH, Violation.RULE_UTF_16),
                        Arguments.of(
                                p.get()[0], p.get()[1], p.get()[2], "lone low surrogate", LOW, Violation.RULE_UTF_16),
                        Arguments.of(
                                p.get()[0],
                                p.get()[1],
                                p.get()[2],
                                "surrogates in the wrong order",
                                LOW + HIGH,
                                Violation.RULE_UTF_16)));
    }

    @ParameterizedTest(name = "{3} in {0}: {2} {5}")
    @MethodSource("placements")
    void anUnstorableStringIsRejectedAtItsPointer(
            String where, String edit, String pointer, String what, String bad, String rule) {
        ObjectNode node = withString(edit, "a" + bad + "b");
        assertEquals(List.of(pointer + " " + rule), violations(node), "submitted");
        assertEquals(List.of(pointer + " " + rule), decodeViolations(node), "decoded");
        InvalidEventException decoding =
                assertThrows(InvalidEventException.class, () -> EventCodec.fromJson(node.toString()));
        assertEquals(rule, decoding.violations().get(0).rule());
        assertFalse(decoding.getMessage().contains(bad), "no message repeats the string");
    }

    /** {@code edit} with its {@code %s} replaced by the JSON string {@code value} (or an object keyed by it). */
    private static ObjectNode withString(String edit, String value) {
        String text = EventCodec.mapper().getNodeFactory().textNode(value).toString();
        String json = edit.endsWith("x=%s") ? edit.replace("x=%s", "x={" + text + ":1}") : edit.formatted(text);
        return event("SEARCH_PERFORMED", "{}", json);
    }

    @Test
    @DisplayName("an escaped \\u0000 in the JSON text is a NUL too")
    void anEscapedNulInTheJsonText() {
        String json =
                event("SEARCH_PERFORMED", "{}").toString().replace("\"query\":\"oud\"", "\"query\":\"o\\u0000ud\"");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> EventCodec.fromJson(json));
        assertEquals(
                List.of(new Violation(
                        "/eventData/query", "no-nul", e.violations().get(0).message())),
                e.violations());
    }

    @Test
    @DisplayName("only the unstorable strings are reported: no other rule's message can repeat them")
    void onlyTheUnstorableStringsAreReported() {
        ObjectNode node = event("SEARCH_PERFORMED", "{}");
        node.put("eventType", "SEARCH" + NUL);
        ((ObjectNode) node.get("eventData")).put("query", LOW);
        assertEquals(List.of("/eventType no-nul", "/eventData/query utf-16"), violations(node));
    }

    /** Awkward strings that are text: each is accepted and comes back exactly. */
    static Stream<Arguments> storable() {
        return Stream.of(
                Arguments.of("4-byte characters (surrogate pairs)", "𝄞 😀 𠜎 👩‍👩‍👧"),
                Arguments.of("right-to-left marks and overrides", "\u200Fعطر\u200E rose \u202Eoud\u202C \u2067x\u2069"),
                Arguments.of("combining marks", "e" + "\u0301".repeat(2_000)),
                Arguments.of("a byte order mark and a zero-width joiner", "\uFEFFrose\u200Doud"),
                Arguments.of("the largest code point", new String(Character.toChars(0x10FFFF))));
    }

    @ParameterizedTest(name = "{0}: accepted and kept exactly")
    @MethodSource("storable")
    void awkwardTextIsAcceptedAndKept(String what, String text) {
        String json = EventCodec.mapper().getNodeFactory().textNode(text).toString();
        ObjectNode node = event("SEARCH_PERFORMED", "{}", "eventData/query=" + json, "referrer=" + json);
        assertEquals(List.of(), violations(node));
        UserInteractionEvent stored =
                EventCodec.fromJson(EventCodec.toJson(EventParser.parse(node).event()));
        assertEquals(text, stored.eventData().get("query").textValue());
        assertEquals(text, stored.referrer());
    }

    // ADR 0002's limits stay: "2,048 characters per string", "eventData is at most 32 KB".
    @Test
    @DisplayName("10,000 combining marks (five strings of 2,000 in one eventData) are accepted and kept exactly")
    void tenThousandCombiningMarks() {
        String marks = "a" + "\u0301\u0302\u0303\u0304".repeat(500);
        StringBuilder data = new StringBuilder("{");
        for (int i = 0; i < 5; i++) {
            data.append(i == 0 ? "" : ",")
                    .append("\"m")
                    .append(i)
                    .append("\":\"")
                    .append(marks)
                    .append('"');
        }
        ObjectNode node = event("NOTES_EXPANDED", data.append('}').toString());
        assertEquals(List.of(), violations(node));
        UserInteractionEvent stored =
                EventCodec.fromJson(EventCodec.toJson(EventParser.parse(node).event()));
        int combining = 0;
        for (int i = 0; i < 5; i++) {
            String kept = stored.eventData().get("m" + i).textValue();
            assertEquals(marks, kept);
            combining += (int) kept.chars()
                    .filter(c -> Character.getType(c) == Character.NON_SPACING_MARK)
                    .count();
        }
        assertEquals(10_000, combining);
    }

    @Test
    @DisplayName("10,000 combining marks in one string: over ADR 0002's 2,048 characters, a max-length 4xx, not a 5xx")
    void tenThousandCombiningMarksInOneString() {
        String json = "\"e" + "\u0301".repeat(10_000) + "\"";
        assertEquals(
                List.of("/eventData/note max-length"),
                violations(event("NOTES_EXPANDED", "{}", "eventData/note=" + json)));
    }

    @ParameterizedTest(name = "unstorableAt: {0}")
    @ValueSource(strings = {"", "plain", "😀", "a😀b", "\u200F", "e\u0301"})
    void textHasNoUnstorableCharacter(String text) {
        assertEquals(-1, StorableText.unstorableAt(text));
    }

    @Test
    @DisplayName("unstorableAt names the first bad character, and its rule")
    void unstorableAtNamesTheFirstBadCharacter() {
        assertEquals(2, StorableText.unstorableAt("ab" + NUL + LOW));
        assertEquals(Violation.RULE_NO_NUL, StorableText.rule("ab" + NUL, 2));
        assertEquals(1, StorableText.unstorableAt("x" + "😀".charAt(0)));
        assertEquals(Violation.RULE_UTF_16, StorableText.rule(HIGH + "x", 0));
        assertEquals(2, StorableText.unstorableAt("😀" + LOW));
        assertEquals(0, StorableText.unstorableAt(HIGH));
    }
}
