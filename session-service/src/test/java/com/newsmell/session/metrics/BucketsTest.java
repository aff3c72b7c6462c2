package com.newsmell.session.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.contract.Violation;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metrics windows on the UTC-hour grid of the rollups, and the buckets placed in them. */
class BucketsTest {

    static void assertBad(Runnable call, String parameter, String rule) {
        assertThatThrownBy(call::run)
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).problem().errors().get(0))
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly("?" + parameter, rule);
    }

    @Test
    @DisplayName("the days of Europe/Berlin are 24, 23 (2026-03-29) and 25 (2026-10-25) UTC hours, all on whole UTC"
            + " hours; width_bucket's thresholds are exactly TimeWindow's bucket starts")
    void berlinDaysAcrossDstAreWholeUtcHours() {
        TimeWindow march = TimeWindow.metrics("2026-03-28", "2026-03-31", "Europe/Berlin", TimeWindow.Granularity.DAY);
        TimeWindow october =
                TimeWindow.metrics("2026-10-25", "2026-10-26", "Europe/Berlin", TimeWindow.Granularity.DAY);

        assertThat(march.thresholds()).isEqualTo("{2026-03-27T23:00:00Z,2026-03-28T23:00:00Z,2026-03-29T22:00:00Z}");
        List<SessionMetricsBucket> buckets = Buckets.fill(
                march,
                List.of(new MetricsRepository.Grouped<>(2, null, SessionTotals.NONE)),
                SessionTotals.NONE,
                (start, end, t) -> new SessionMetricsBucket(start, end, SessionMetricsTotals.of(t)));
        assertThat(buckets)
                .extracting(SessionMetricsBucket::start, SessionMetricsBucket::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2026-03-27T23:00:00Z"), Instant.parse("2026-03-28T23:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2026-03-29T22:00:00Z"), Instant.parse("2026-03-30T22:00:00Z")));
        assertThat(october.thresholds()).isEqualTo("{2026-10-24T22:00:00Z}");
        assertThat(october.to()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    @DisplayName("every bucket of the window is answered, in order, 0 where the statement returned none; the whole"
            + " window's group is the one without bucket and value")
    void everyBucketIsFilled() {
        TimeWindow hours =
                TimeWindow.metrics("2026-03-01T10:00:00Z", "2026-03-01T13:00:00Z", null, TimeWindow.Granularity.HOUR);
        SessionTotals some = new SessionTotals(2, 1, 10, 10_000, 0, 2, 0, 0, 0, 0, 1, 2);
        List<MetricsRepository.Grouped<SessionTotals>> groups = List.of(
                new MetricsRepository.Grouped<>(null, null, some), new MetricsRepository.Grouped<>(3, null, some));

        List<SessionMetricsBucket> buckets = Buckets.fill(
                hours,
                groups,
                SessionTotals.NONE,
                (start, end, t) -> new SessionMetricsBucket(start, end, SessionMetricsTotals.of(t)));

        assertThat(buckets).extracting(b -> b.figures().sessions()).containsExactly(0L, 0L, 2L);
        assertThat(buckets.get(2).end()).isEqualTo(Instant.parse("2026-03-01T13:00:00Z"));
        assertThat(Buckets.whole(groups, SessionTotals.NONE)).isEqualTo(some);
        assertThat(Buckets.whole(List.of(), SessionTotals.NONE)).isEqualTo(SessionTotals.NONE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "Asia/Kolkata, day, 2026-03-01, 2026-03-02, tz",
        "Asia/Kolkata, hour, 2026-03-01T00:30:00Z, 2026-03-01T02:30:00Z, from",
        "Asia/Kathmandu, day, 2026-03-01, 2026-03-03, tz",
    })
    @DisplayName("a zone 30 or 45 minutes off UTC gets 400, rule grid: the rollups are UTC hours")
    void halfHourZonesAreOffTheGrid(String tz, String granularity, String from, String to, String parameter) {
        assertBad(
                () -> TimeWindow.metrics(
                        from, to, tz, TimeWindow.Granularity.parse(granularity, TimeWindow.Granularity.DAY)),
                parameter,
                "grid");
    }

    @Test
    @DisplayName("totals only: whole hours, dates in tz, after-from, at most 1098 days; no granularity")
    void totalsOnlyWindows() {
        TimeWindow w = TimeWindow.totals("2026-03-29", "2026-03-30", "Europe/Berlin");
        assertThat(w.from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(w.granularity()).isNull();
        assertThat(TimeWindow.totals("2020-01-01T00:00:00Z", "2023-01-03T00:00:00Z", null)
                        .to())
                .isEqualTo(Instant.parse("2023-01-03T00:00:00Z"));

        assertBad(() -> TimeWindow.totals(null, "2026-03-30", null), "from", "required");
        assertBad(() -> TimeWindow.totals("2026-03-29", "", null), "to", "required");
        assertBad(() -> TimeWindow.totals("2026-03-29T10:30:00Z", "2026-03-30", null), "from", "grid");
        assertBad(() -> TimeWindow.totals("2026-03-29", "2026-03-29", null), "to", "after-from");
        assertBad(() -> TimeWindow.totals("2026-03-30", "2026-03-29", null), "to", "after-from");
        assertBad(() -> TimeWindow.totals("2020-01-01", "2023-01-04", null), "to", "max-range");
        assertBad(() -> TimeWindow.totals("2026-03-29", "2026-03-30", "Mars/Olympus"), "tz", "zone");
        assertBad(() -> TimeWindow.totals("2026-03-01", "2026-03-02", "Asia/Kolkata"), "from", "grid");
    }
}
