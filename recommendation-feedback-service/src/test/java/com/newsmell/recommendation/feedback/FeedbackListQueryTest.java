package com.newsmell.recommendation.feedback;

import static com.newsmell.recommendation.QueryProblems.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The impressions list's parameters and cursor, pure. */
class FeedbackListQueryTest {

    @Test
    @DisplayName("a list bounded by time alone: from and to required, at most 93 days, dates in tz")
    void theWindowIsRequiredAndBounded() {
        FeedbackListQuery q =
                FeedbackListQuery.of("2025-06-10", "2025-06-12", "Europe/Berlin", " trending ", "3", null);

        assertThat(q.window().from()).isEqualTo(Instant.parse("2025-06-09T22:00:00Z"));
        assertThat(q.window().to()).isEqualTo(Instant.parse("2025-06-11T22:00:00Z"));
        assertThat(q.window().tz()).isEqualTo("Europe/Berlin");
        assertThat(q.algorithm()).isEqualTo("trending");
        assertThat(q.limit()).isEqualTo(3);
        assertThat(q.after()).isNull();

        assertViolation("from", "required", () -> FeedbackListQuery.of(null, "2025-06-12", null, null, null, null));
        assertViolation("to", "required", () -> FeedbackListQuery.of("2025-06-10", "", null, null, null, null));
        assertViolation(
                "to", "max-range", () -> FeedbackListQuery.of("2025-01-01", "2025-04-05", null, null, null, null));
        assertViolation(
                "to", "after-from", () -> FeedbackListQuery.of("2025-06-12", "2025-06-10", null, null, null, null));
        assertViolation(
                "tz", "zone", () -> FeedbackListQuery.of("2025-06-10", "2025-06-12", "Mars/Base", null, null, null));
    }

    @Test
    @DisplayName("the cursor is the last row's (impressionTime, id); a cursor the API did not return is a 400")
    void theCursorIsTheLastRow() {
        RecommendationFeedback row = new RecommendationFeedback();
        row.id = 42L;
        row.impressionTime = Instant.parse("2025-06-10T08:00:00.123456Z");

        FeedbackListQuery q =
                FeedbackListQuery.of("2025-06-10", "2025-06-12", null, null, null, FeedbackListQuery.Cursor.of(row));

        assertThat(q.after()).isEqualTo(new FeedbackListQuery.Cursor(row.impressionTime, 42));
        assertViolation(
                "cursor", "format", () -> FeedbackListQuery.of("2025-06-10", "2025-06-12", null, null, null, "x"));
        String noId = com.newsmell.toolkit.http.QueryParams.encodeCursor("2025-06-10T08:00:00Z", "seven");
        assertViolation(
                "cursor", "format", () -> FeedbackListQuery.of("2025-06-10", "2025-06-12", null, null, null, noId));
    }
}
