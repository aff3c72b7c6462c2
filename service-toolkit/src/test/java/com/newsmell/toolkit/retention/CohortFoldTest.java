package com.newsmell.toolkit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortFoldTest {

    private static final Duration YEAR = Duration.ofDays(365);

    private static CohortFold.Column key(String name, String type) {
        return new CohortFold.Column(name, type, true);
    }

    private static CohortFold.Column value(String name, String type) {
        return new CohortFold.Column(name, type, false);
    }

    @Test
    void aMonthIsFoldedOnlyOnceItsLastInstantIsAYearOld() {
        // 2027-03-10 minus 365 days is 2026-03-10: March 2026 still holds instants younger than a year
        assertThat(CohortFold.cutoff(Instant.parse("2027-03-10T05:00:00Z"), YEAR))
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        // on the first day a month is a whole year old, it is folded
        assertThat(CohortFold.cutoff(Instant.parse("2027-04-01T00:00:00Z"), YEAR))
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(CohortFold.cutoff(Instant.parse("2027-03-31T23:59:59Z"), YEAR))
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void keysAreKeptAndEveryOtherColumnIsSummedByUtcMonth() {
        CohortFold fold = CohortFold.of(
                "perfume_hourly_bucket",
                "bucket",
                List.of(
                        key("perfume_id", "text"),
                        key("bucket", "timestamp with time zone"),
                        value("views", "integer"),
                        value("view_duration_sum", "numeric")));
        assertThat(fold.keys()).containsExactly("perfume_id");
        assertThat(fold.sums()).containsExactly("views", "view_duration_sum");
        assertThat(fold.sql())
                .contains("date_trunc('month', \"bucket\", 'UTC')")
                .contains("delete from \"perfume_hourly_bucket\" where \"bucket\" < cast(:cutoff as timestamp with"
                        + " time zone)")
                .contains("sum(\"views\"), sum(\"view_duration_sum\")")
                .contains("group by date_trunc('month', \"bucket\", 'UTC'), \"perfume_id\"")
                // months already folded (every row on the month's first instant) are left alone
                .contains("\"bucket\" <> date_trunc('month', \"bucket\", 'UTC')");
    }

    @Test
    void aDateColumnFoldsToTheFirstDayOfTheMonth() {
        CohortFold fold = CohortFold.of(
                "recommendation_daily_metrics",
                "day",
                List.of(key("day", "date"), key("algorithm", "text"), value("clicks", "bigint")));
        assertThat(fold.sql()).contains("cast(date_trunc('month', \"day\") as date)");
    }

    @Test
    void aTableTheRuleDoesNotFitIsRefused() {
        // a distinct count does not add up
        assertThatThrownBy(() -> CohortFold.of("t", "bucket", List.of(key("bucket", "date"), value("growth", "text"))))
                .hasMessageContaining("growth (text) cannot be summed");
        // a cohort never keeps a user id
        assertThatThrownBy(() -> CohortFold.of(
                        "t", "day", List.of(key("user_id", "text"), key("day", "date"), value("n", "bigint"))))
                .hasMessageContaining("names a user");
        assertThatThrownBy(() -> CohortFold.of("t", "day", List.of(value("day", "date"), value("n", "bigint"))))
                .hasMessageContaining("in the primary key");
        assertThatThrownBy(() -> CohortFold.of("t", "hour", List.of(key("day", "date"))))
                .hasMessageContaining("no column hour");
    }

    @Test
    void aNumericWithPrecisionIsAdditive() {
        assertThat(CohortFold.of("t", "day", List.of(key("day", "date"), value("sum", "numeric(12,3)")))
                        .sums())
                .containsExactly("sum");
    }
}
