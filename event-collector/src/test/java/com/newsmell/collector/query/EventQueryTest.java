package com.newsmell.collector.query;

import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The read API's parameters, pure: strings in, an {@link EventQuery} or a 400 problem naming the parameter. */
class EventQueryTest {

    private static Violation rejected(
            String userId, String sessionId, String perfumeId, String type, String limit, String cursor) {
        ProblemException problem = catchThrowableOfType(
                ProblemException.class,
                () -> EventQuery.of(userId, sessionId, perfumeId, type, null, null, limit, cursor));
        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).hasSize(1);
        return problem.problem().errors().get(0);
    }

    // Seed, UserInteractionEvent: "@@index([userId, timestamp]) @@index([sessionId, timestamp])
    // @@index([perfumeId, timestamp])": a read is by one of these subjects; without one it is 400 required.
    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"null, null, null", "'', ' ', null", "' ', '', '  '"})
    void oneSubjectIsRequired(String userId, String sessionId, String perfumeId) {
        assertThat(rejected(userId, sessionId, perfumeId, null, null, null))
                .isEqualTo(new Violation("?userId", "required", "Give one of userId, sessionId or perfumeId."));
    }

    // Seed, UserInteractionEvent: "@@index([sessionId, timestamp])": values trimmed, blank ones absent.
    @Test
    void subjectsAreTrimmedAndBlankOnesAbsent() {
        EventQuery query = EventQuery.of(" ", " s-1 ", "", null, null, null, null, null);
        assertThat(query.userId()).isNull();
        assertThat(query.sessionId()).isEqualTo("s-1");
        assertThat(query.perfumeId()).isNull();
    }

    // ADR 0007: "the page size (limit, 1–1000, default 100)"; no type, no range, no cursor when absent.
    @Test
    void withOnlyASubjectTheDefaultsApply() {
        assertThat(EventQuery.of("u-1", null, null, null, null, null, null, null))
                .isEqualTo(new EventQuery("u-1", null, null, null, null, null, 100, null));
    }

    // ADR 0007: "the page size (limit, 1–1000, default 100)".
    @ParameterizedTest
    @CsvSource({"1, 1", "1000, 1000", "' 50 ', 50"})
    void limitsInRange(String limit, int size) {
        assertThat(EventQuery.of("u-1", null, null, null, null, null, limit, null)
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
        assertThat(EventQuery.of("u-1", null, null, " RATING_COMPLETED ", null, null, null, null)
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
                EventQuery.of("u-1", null, null, null, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", null, null);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        ProblemException bad = catchThrowableOfType(
                ProblemException.class, () -> EventQuery.of("u-1", null, null, null, "yesterday", null, null, null));
        assertThat(bad.problem().errors().get(0).pointer()).isEqualTo("?from");
        assertThat(bad.problem().errors().get(0).rule()).isEqualTo("format");
    }

    // ADR 0007: "the opaque keyset cursors": the cursor handed out reads back as the same position.
    @Test
    void aCursorReadsBackAsItsPosition() {
        EventQuery.Cursor position =
                new EventQuery.Cursor(Instant.parse("2026-03-01T12:00:00.123Z"), UUID.randomUUID());
        assertThat(EventQuery.of("u-1", null, null, null, null, null, null, position.encode())
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
}
