package com.newsmell.profile.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.profile.rollup.DayActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The window fold of a user's day rows, pure (README "Profile fields": window 30 UTC days, history 90). */
class ActivityTotalsTest {

    private static final ProfileWindow WINDOW =
            ProfileWindow.of(Instant.parse("2024-06-30T02:00:00Z"), ProfileRules.defaults());

    private static DayActivity day(String day, Map<String, Long> events, Map<String, Long> hours) {
        return new DayActivity(
                "u", LocalDate.parse(day), events, hours, Map.of("oud", 1L), 1, new BigDecimal("4.5"), 1, 120);
    }

    @Test
    @DisplayName("window days are summed; history days only count as active days; days after the run are flagged")
    void windowHistoryAndLater() {
        ActivityTotals t = ActivityTotals.of(
                List.of(
                        day("2024-06-29", Map.of("PAGE_VIEW", 2L, "SEARCH_PERFORMED", 1L), Map.of("9", 3L)),
                        day("2024-06-01", Map.of("PAGE_VIEW", 1L), Map.of("23", 1L)),
                        day("2024-05-20", Map.of("PAGE_VIEW", 5L), Map.of("1", 5L)),
                        day("2024-07-01", Map.of("PAGE_VIEW", 7L), Map.of("2", 7L))),
                WINDOW);

        assertThat(WINDOW.windowStart()).isEqualTo(LocalDate.parse("2024-06-01"));
        assertThat(t.eventCounts()).containsOnly(Map.entry("PAGE_VIEW", 3L), Map.entry("SEARCH_PERFORMED", 1L));
        assertThat(t.hours()[9]).isEqualTo(3);
        assertThat(t.hours()[23]).isEqualTo(1);
        assertThat(t.hours()[1]).isZero();
        assertThat(t.weekdays()[5]).isEqualTo(4); // 2024-06-29 and 2024-06-01 are Saturdays
        assertThat(t.weekdays()[4]).isZero();
        assertThat(t.searchTerms()).containsOnly(Map.entry("oud", 2L));
        assertThat(t.ratingCount()).isEqualTo(2);
        assertThat(t.ratingSum()).isEqualByComparingTo("9.0");
        assertThat(t.reviewLengthCount()).isEqualTo(2);
        assertThat(t.reviewLengthSum()).isEqualTo(240);
        assertThat(t.activeDays()).isEqualTo(2);
        assertThat(t.historyActiveDays())
                .containsExactly(
                        LocalDate.parse("2024-05-20"), LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-29"));
        assertThat(t.daysAfterRun()).isTrue();
    }

    @Test
    @DisplayName("a day without events is not active, and nothing fed gives zeros")
    void empty() {
        ActivityTotals t = ActivityTotals.of(List.of(day("2024-06-10", Map.of(), Map.of())), WINDOW);
        assertThat(t.activeDays()).isZero();
        assertThat(t.historyActiveDays()).isEmpty();
        assertThat(t.daysAfterRun()).isFalse();
        assertThat(new ActivityTotals(WINDOW).eventCounts()).isEmpty();
    }
}
