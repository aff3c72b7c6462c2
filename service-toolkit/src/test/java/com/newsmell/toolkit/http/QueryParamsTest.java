package com.newsmell.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class QueryParamsTest {

    @Test
    void absentValuesFallBack() {
        assertNull(QueryParams.instant("from", " "));
        assertEquals(Instant.EPOCH, QueryParams.instant("now", null, Instant.EPOCH));
        assertEquals(QueryParams.DEFAULT_LIMIT, QueryParams.limit(null));
        assertFalse(QueryParams.bool("includeBots", ""));
        assertEquals("hour", QueryParams.oneOf("granularity", null, "hour", List.of("hour", "day")));
        assertNull(QueryParams.decodeCursor("", 2));
        assertNull(QueryParams.blankToNull("  "));
    }

    @Test
    void goodValuesAreParsedAndTrimmed() {
        assertEquals(Instant.parse("2026-01-31T12:00:00Z"), QueryParams.instant("from", " 2026-01-31T12:00:00Z "));
        assertEquals(1000, QueryParams.limit("1000"));
        assertTrue(QueryParams.bool("includeBots", "true"));
        assertEquals(7, QueryParams.oneOf("metric", "views", Map.of("views", 7), null));
        assertEquals("u1", QueryParams.blankToNull(" u1 "));
        String cursor = QueryParams.encodeCursor("2026-01-31T12:00:00Z", "s1", "q1");
        assertArrayEquals(new String[] {"2026-01-31T12:00:00Z", "s1", "q1"}, QueryParams.decodeCursor(cursor, 3));
    }

    @Test
    void eachBadValueNamesTheParameterAndTheRule() {
        assertViolation("from", "format", () -> QueryParams.instant("from", "yesterday"));
        assertViolation("to", "required", () -> QueryParams.requiredInstant("to", null));
        assertViolation("to", "range", () -> QueryParams.range(Instant.parse("2026-01-02T00:00:00Z"), Instant.EPOCH));
        assertViolation("limit", "type", () -> QueryParams.limit("ten"));
        assertViolation("limit", "range", () -> QueryParams.limit("1001"));
        assertViolation("limit", "range", () -> QueryParams.limit("0"));
        assertViolation("includeBots", "type", () -> QueryParams.bool("includeBots", "yes"));
        assertViolation("granularity", "enum", () -> QueryParams.oneOf("granularity", "week", "hour", List.of("hour")));
        assertViolation("metric", "required", () -> QueryParams.oneOf("metric", null, Map.of("views", 1), null));
        assertViolation("metric", "enum", () -> QueryParams.oneOf("metric", "likes", Map.of("views", 1), null));
        assertViolation("cursor", "format", () -> QueryParams.decodeCursor("not-a-cursor", 2));
        assertViolation(
                "cursor",
                "format",
                () -> QueryParams.decodeCursor(QueryParams.encodeCursor("2026-01-31T12:00:00Z", "s1"), 3));
    }

    @Test
    void aCursorCarriesAnyTextBack() {
        String cursor = QueryParams.encodeCursor("2026-12-06T04:00:00.123456Z", "user\nwith a line break", "a.b");
        assertThat(QueryParams.decodeCursor(cursor, 3))
                .containsExactly("2026-12-06T04:00:00.123456Z", "user\nwith a line break", "a.b");
        assertViolation("cursor", "format", () -> QueryParams.decodeCursor(cursor, 2));
        assertViolation("cursor", "format", () -> QueryParams.decodeCursor("bm90LWFuLWluc3RhbnQ", 1));
    }

    private static void assertViolation(String parameter, String rule, Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        String json = e.problem().toJson("/x").toString();
        assertEquals(400, e.problem().status(), json);
        assertTrue(json.contains("\"parameter\":\"" + parameter + "\""), json);
        assertTrue(json.contains("\"rule\":\"" + rule + "\""), json);
    }
}
