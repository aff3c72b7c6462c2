package com.newsmell.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ADR 0013: a metrics range is whole buckets of its granularity, bounded, ordered and not too long. */
class TimeGridTest {

    private static ProblemException problem(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("no problem raised");
    }

    private static void assertRule(Runnable call, String parameter, String rule) {
        Problem problem = problem(call).problem();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("?" + parameter);
            assertThat(v.rule()).isEqualTo(rule);
        });
    }

    @Test
    void wholeHoursAreARange() {
        TimeGrid.Range range = TimeGrid.HOUR.range("2026-12-06T01:00:00Z", "2026-12-06T03:00:00Z", 744);
        assertThat(range.from()).isEqualTo(Instant.parse("2026-12-06T01:00:00Z"));
        assertThat(range.buckets()).isEqualTo(2);
    }

    @Test
    void issue21TenMinutesOffTheHourGridIsRefusedNotAnsweredWithZero() {
        // issue #21: "GET /v1/search/metrics?from=…01:40Z&to=…01:50Z gives 0 searches where the raw store has 5,240"
        assertRule(() -> TimeGrid.HOUR.range("2026-12-06T01:40:00Z", "2026-12-06T01:50:00Z", 744), "from", "grid");
        assertRule(() -> TimeGrid.HOUR.range("2026-12-06T01:00:00Z", "2026-12-06T01:30:00Z", 744), "to", "grid");
        assertRule(() -> TimeGrid.HOUR.range("2026-12-06T01:00:00.001Z", "2026-12-06T02:00:00Z", 744), "from", "grid");
    }

    @Test
    void aDayRangeIsWholeUtcDays() {
        assertThat(TimeGrid.DAY
                        .range("2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z", 731)
                        .buckets())
                .isEqualTo(7);
        assertRule(() -> TimeGrid.DAY.range("2026-12-01T00:00:00Z", "2026-12-06T13:00:00Z", 731), "to", "grid");
    }

    @Test
    void reversedEmptyAndTooLongRangesAreRefused() {
        assertRule(() -> TimeGrid.HOUR.range("2026-12-06T02:00:00Z", "2026-12-06T01:00:00Z", 744), "to", "range");
        assertRule(() -> TimeGrid.HOUR.range("2026-12-06T02:00:00Z", "2026-12-06T02:00:00Z", 744), "to", "range");
        assertRule(() -> TimeGrid.HOUR.range("2026-11-01T00:00:00Z", "2026-12-06T00:00:00Z", 744), "to", "range");
        assertThat(TimeGrid.HOUR
                        .range("2026-11-05T00:00:00Z", "2026-12-06T00:00:00Z", 744)
                        .buckets())
                .isEqualTo(744);
    }

    @Test
    void bothEndsAreRequired() {
        assertRule(() -> TimeGrid.HOUR.range(null, "2026-12-06T01:00:00Z", 744), "from", "required");
        assertRule(() -> TimeGrid.HOUR.range("2026-12-06T01:00:00Z", " ", 744), "to", "required");
    }

    @Test
    void instantsOutside1970To2100AreRefused() {
        // issue #21: "timeseries?to=-999999999-01-01T00:00:00Z" was a 500, "from=+999999999-12-31T23:59:59Z" answered
        assertRule(() -> QueryParams.instant("to", "-999999999-01-01T00:00:00Z"), "to", "range");
        assertRule(() -> QueryParams.instant("from", "+999999999-12-31T23:59:59Z"), "from", "range");
        assertRule(() -> QueryParams.instant("from", "1969-12-31T23:59:59.999Z"), "from", "range");
        assertRule(() -> QueryParams.instant("to", "2100-01-01T00:00:00Z"), "to", "range");
        assertThat(QueryParams.instant("from", "1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
        assertThat(QueryParams.instant("to", "2099-12-31T23:59:59.999Z")).isNotNull();
    }
}
