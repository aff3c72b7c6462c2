package com.newsmell.collector.query;

import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.ProblemException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The read API's parameters, pure: strings in, an {@link EventQuery} or a 400 problem naming the parameter. */
class EventQueryTest {

    private static EventQuery query(
            String userId,
            String sessionId,
            String perfumeId,
            String eventType,
            String type,
            String from,
            String to,
            String tz,
            String limit,
            String cursor) {
        return EventQuery.of(
                userId,
                sessionId,
                perfumeId,
                eventType,
                type,
                new WindowParams(from, to, tz),
                new PageParams(limit, cursor));
    }

    private static Violation rejected(
            String userId, String sessionId, String perfumeId, String type, String limit, String cursor) {
        ProblemException problem = catchThrowableOfType(
                ProblemException.class,
                () -> query(userId, sessionId, perfumeId, null, type, null, null, null, limit, cursor));
        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).hasSize(1);
        return problem.problem().errors().get(0);
    }

    // Seed, UserInteractionEvent: "@@index([userId, timestamp]) @@index([sessionId, timestamp])
    // @@index([perfumeId, timestamp])"; ADR 0015: "a list bounded by time alone (raw events ...) 93 days": without a
    // subject, from and to are required, the missing one named.
    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"null, null, from", "'', 2026-03-02, from", "2026-03-01, ' ', to"})
    void withoutASubjectFromAndToAreRequired(String from, String to, String missing) {
        ProblemException problem = catchThrowableOfType(
                ProblemException.class, () -> query(" ", "", null, null, null, from, to, null, null, null));
        Violation error = problem.problem().errors().get(0);
        assertThat(error.pointer()).isEqualTo("?" + missing);
        assertThat(error.rule()).isEqualTo("required");
        assertThat(error.message()).contains("userId, sessionId or perfumeId");
    }

    // ADR 0015: a list bounded by time alone, at most 93 days: eventType and a window of exactly 93 days is a query.
    @Test
    void byTypeAndTimeAloneUpToNinetyThreeDays() {
        EventQuery query =
                query(null, null, null, "PERFUME_VIEW", null, "2026-01-01", "2026-04-04T00:00:00Z", null, null, null);
        assertThat(query.type()).isEqualTo(InteractionEventType.PERFUME_VIEW);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-04-04T00:00:00Z"));
        assertThat(query.bounded()).isTrue();
        Violation tooLong = catchThrowableOfType(
                        ProblemException.class,
                        () -> query(
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2026-01-01",
                                "2026-04-04T00:00:00.001Z",
                                null,
                                null,
                                null))
                .problem()
                .errors()
                .get(0);
        assertThat(tooLong.pointer()).isEqualTo("?to");
        assertThat(tooLong.rule()).isEqualTo("max-range");
    }

    // ADR 0015: "after-from (on to: a reversed or empty range)", with or without a subject.
    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"u-1, 2026-03-02, 2026-03-01", "null, 2026-03-02, 2026-03-01", "u-1, 2026-03-01, 2026-03-01"})
    void aReversedOrEmptyRangeIsRejected(String userId, String from, String to) {
        Violation error = catchThrowableOfType(
                        ProblemException.class, () -> query(userId, null, null, null, null, from, to, null, null, null))
                .problem()
                .errors()
                .get(0);
        assertThat(error.pointer()).isEqualTo("?to");
        assertThat(error.rule()).isEqualTo("after-from");
    }

    // ADR 0015: "a date (2026-12-06 = the start of that day in tz)".
    @Test
    void datesAreTheStartOfTheDayInTz() {
        EventQuery query = query("u-1", null, null, null, null, "2026-07-01", null, "Europe/Berlin", null, null);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(query.to()).isNull();
        assertThat(query.window().tz()).isEqualTo("Europe/Berlin");
    }

    // ADR 0015: "a renamed parameter (top) is still accepted, deprecated": type reads as eventType; both is repeated.
    @Test
    void typeIsTheDeprecatedNameOfEventType() {
        assertThat(EventQuery.eventType(null, "SEARCH_PERFORMED")).isEqualTo(InteractionEventType.SEARCH_PERFORMED);
        assertThat(EventQuery.eventType("SEARCH_PERFORMED", null)).isEqualTo(InteractionEventType.SEARCH_PERFORMED);
        assertThat(EventQuery.eventType(" ", null)).isNull();
        Violation both = catchThrowableOfType(
                        ProblemException.class, () -> EventQuery.eventType("PAGE_VIEW", "PAGE_VIEW"))
                .problem()
                .errors()
                .get(0);
        assertThat(both.pointer()).isEqualTo("?type");
        assertThat(both.rule()).isEqualTo("repeated");
        Violation bad = catchThrowableOfType(ProblemException.class, () -> EventQuery.eventType("VIEW", null))
                .problem()
                .errors()
                .get(0);
        assertThat(bad)
                .isEqualTo(new Violation(
                        "?eventType", "enum", "eventType must be one of the InteractionEventType values."));
    }

    // Seed, UserInteractionEvent: "@@index([sessionId, timestamp])": values trimmed, blank ones absent.
    @Test
    void subjectsAreTrimmedAndBlankOnesAbsent() {
        EventQuery query = query(" ", " s-1 ", "", null, null, null, null, null, null, null);
        assertThat(query.userId()).isNull();
        assertThat(query.sessionId()).isEqualTo("s-1");
        assertThat(query.perfumeId()).isNull();
    }

    // ADR 0007: "the page size (limit, 1–1000, default 100)"; no type, no range, no cursor when absent.
    @Test
    void withOnlyASubjectTheDefaultsApply() {
        assertThat(query("u-1", null, null, null, null, null, null, null, null, null))
                .isEqualTo(new EventQuery(
                        "u-1", null, null, null, new TimeWindow(null, null, ZoneOffset.UTC, null), 100, null));
    }

    // ADR 0007: "the page size (limit, 1–1000, default 100)".
    @ParameterizedTest
    @CsvSource({"1, 1", "1000, 1000", "' 50 ', 50"})
    void limitsInRange(String limit, int size) {
        assertThat(query("u-1", null, null, null, null, null, null, null, limit, null)
                        .limit())
                .isEqualTo(size);
    }

    // ADR 0007: "bounds (range)", "whole numbers ... (type)".
    @ParameterizedTest
    @CsvSource({"0, range", "1001, range", "-5, range", "ten, type", "1.5, type"})
    void limitsOutOfRangeOrNotWhole(String limit, String rule) {
        Violation error = rejected("u-1", null, null, null, limit, null);
        assertThat(error.pointer()).isEqualTo("?limit");
        assertThat(error.rule()).isEqualTo(rule);
    }

    // Seed: "enum InteractionEventType { ... RATING_COMPLETED ... }": the type by its name, trimmed.
    @Test
    void aTypeIsOneOfTheEventTypes() {
        assertThat(query("u-1", null, null, null, " RATING_COMPLETED ", null, null, null, null, null)
                        .type())
                .isEqualTo(RATING_COMPLETED);
    }

    // Seed: "enum InteractionEventType": anything else is 400 enum ("closed sets (enum)", ADR 0007).
    @ParameterizedTest
    @ValueSource(strings = {"RATING", "rating_completed", "VIEW"})
    void anyOtherTypeIsRejected(String type) {
        assertThat(rejected("u-1", null, null, type, null, null))
                .isEqualTo(new Violation("?type", "enum", "type must be one of the InteractionEventType values."));
    }

    // Seed, UserInteractionEvent: "timestamp DateTime": from and to are ISO-8601 instants ("instants (format)").
    @Test
    void fromAndToAreInstants() {
        EventQuery query =
                query("u-1", null, null, null, null, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", null, null, null);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        ProblemException bad = catchThrowableOfType(
                ProblemException.class,
                () -> query("u-1", null, null, null, null, "yesterday", null, null, null, null));
        assertThat(bad.problem().errors().get(0).pointer()).isEqualTo("?from");
        assertThat(bad.problem().errors().get(0).rule()).isEqualTo("format");
    }

    // ADR 0007: "the opaque keyset cursors": the cursor handed out reads back as the same position.
    @Test
    void aCursorReadsBackAsItsPosition() {
        EventQuery.Cursor position =
                new EventQuery.Cursor(Instant.parse("2026-03-01T12:00:00.123Z"), UUID.randomUUID());
        assertThat(query("u-1", null, null, null, null, null, null, null, null, position.encode())
                        .after())
                .isEqualTo(position);
    }

    // ADR 0007: "the opaque keyset cursors": one this API did not return is 400 format.
    @ParameterizedTest
    @ValueSource(
            strings = {"not-a-cursor", "MjAyNi0wMy0wMVQxMjowMDowMFoKbm90LWEtdXVpZA", "MjAyNi0wMy0wMVQxMjowMDowMFo"})
    void anyOtherCursorIsRejected(String cursor) {
        assertThat(rejected("u-1", null, null, null, null, cursor))
                .isEqualTo(new Violation("?cursor", "format", "cursor is not one this API returned."));
    }

    // ADR 0015: "types every parameter (date-time, enums, integer bounds)": the OpenAPI's event types are the
    // contract's, written out in the annotation (an annotation cannot compute them); this keeps the two equal.
    @Test
    void theOpenApiEnumerationsOfEventTypeAreTheContracts() {
        java.lang.reflect.Method find = java.util.Arrays.stream(EventQueryResource.class.getMethods())
                .filter(m -> m.getName().equals("find"))
                .findFirst()
                .orElseThrow();
        List<String> contract = java.util.Arrays.stream(InteractionEventType.values())
                .map(Enum::name)
                .toList();
        int checked = 0;
        for (java.lang.reflect.Parameter parameter : find.getParameters()) {
            jakarta.ws.rs.QueryParam name = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class);
            if (name != null
                    && (name.value().equals("eventType") || name.value().equals("type"))) {
                org.eclipse.microprofile.openapi.annotations.parameters.Parameter doc = parameter.getAnnotation(
                        org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
                assertThat(doc.schema().enumeration()).as(name.value()).containsExactlyElementsOf(contract);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }
}
