package com.newsmell.perfumestats.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.perfumestats.timeseries.BucketSpans.Span;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #22: "top lists take from/to": a window is summed exactly from the daily and hourly buckets. */
class BucketSpansTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    @DisplayName("the whole UTC days inside the window from the daily buckets, the partial days at both ends hourly")
    void wholeDaysDailyEdgesHourly() {
        BucketSpans s = BucketSpans.of(t("2026-03-01T06:00:00Z"), t("2026-03-04T05:00:00Z"));
        assertThat(s.daily()).isEqualTo(new Span(t("2026-03-02T00:00:00Z"), t("2026-03-04T00:00:00Z")));
        assertThat(s.hourly())
                .containsExactly(
                        new Span(t("2026-03-01T06:00:00Z"), t("2026-03-02T00:00:00Z")),
                        new Span(t("2026-03-04T00:00:00Z"), t("2026-03-04T05:00:00Z")));
        assertThat(s.firstHour()).isEqualTo(t("2026-03-01T06:00:00Z"));
    }

    @Test
    @DisplayName("a window of whole UTC days reads no hourly bucket")
    void wholeDaysOnly() {
        BucketSpans s = BucketSpans.of(t("2026-03-01T00:00:00Z"), t("2026-03-03T00:00:00Z"));
        assertThat(s.daily()).isEqualTo(new Span(t("2026-03-01T00:00:00Z"), t("2026-03-03T00:00:00Z")));
        assertThat(s.hourly()).isEmpty();
        assertThat(s.firstHour()).isNull();
    }

    @Test
    @DisplayName("a window without a whole day (within one day, or across one midnight) is read from hourly buckets")
    void noWholeDay() {
        assertThat(BucketSpans.of(t("2026-03-01T06:00:00Z"), t("2026-03-01T09:00:00Z")))
                .isEqualTo(
                        new BucketSpans(null, List.of(new Span(t("2026-03-01T06:00:00Z"), t("2026-03-01T09:00:00Z")))));
        assertThat(BucketSpans.of(t("2026-03-01T23:00:00Z"), t("2026-03-02T22:00:00Z"))
                        .hourly())
                .containsExactly(new Span(t("2026-03-01T23:00:00Z"), t("2026-03-02T22:00:00Z")));
    }

    @Test
    @DisplayName("only whole UTC hours, from before to")
    void rejectsOffGridRanges() {
        assertThatThrownBy(() -> BucketSpans.of(t("2026-03-01T06:30:00Z"), t("2026-03-02T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BucketSpans.of(t("2026-03-02T00:00:00Z"), t("2026-03-02T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
