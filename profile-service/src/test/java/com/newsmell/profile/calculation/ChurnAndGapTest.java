package com.newsmell.profile.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** churnRisk and the usual gap it is measured against, pure. */
class ChurnAndGapTest {

    private static final ProfileRules RULES = ProfileRules.defaults();

    private static List<LocalDate> days(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    @Test
    @DisplayName("the usual gap is the median gap between active days; fewer than two days: the default 7")
    void usualGap() {
        assertThat(UsualGap.of(days("2024-06-01", "2024-06-02", "2024-06-05", "2024-06-15"), RULES))
                .isEqualTo(3.0); // gaps 1, 3, 10
        assertThat(UsualGap.of(days("2024-06-01", "2024-06-03", "2024-06-09"), RULES))
                .isEqualTo(4.0); // 2, 6
        assertThat(UsualGap.of(days("2024-06-01"), RULES)).isEqualTo(7.0);
        assertThat(UsualGap.of(List.of(), RULES)).isEqualTo(7.0);
    }

    @Test
    @DisplayName("0 within one usual gap, then linear to 1 at 4 gaps; null without activity")
    void churnRisk() {
        Instant last = Instant.parse("2024-06-01T00:00:00Z");
        assertThat(ChurnRisk.of(last, 2.0, Instant.parse("2024-06-03T00:00:00Z"), RULES))
                .isEqualTo(0.0);
        assertThat(ChurnRisk.of(last, 2.0, Instant.parse("2024-06-05T00:00:00Z"), RULES))
                .isEqualTo(0.3333);
        assertThat(ChurnRisk.of(last, 2.0, Instant.parse("2024-06-07T12:00:00Z"), RULES))
                .isEqualTo(0.75);
        assertThat(ChurnRisk.of(last, 2.0, Instant.parse("2024-06-09T00:00:00Z"), RULES))
                .isEqualTo(1.0);
        assertThat(ChurnRisk.of(last, 2.0, Instant.parse("2025-06-09T00:00:00Z"), RULES))
                .isEqualTo(1.0);
        assertThat(ChurnRisk.of(last, null, Instant.parse("2024-06-15T00:00:00Z"), RULES))
                .isEqualTo(0.3333);
        assertThat(ChurnRisk.of(last, 2.0, Instant.parse("2024-05-01T00:00:00Z"), RULES))
                .isEqualTo(0.0);
        assertThat(ChurnRisk.of(null, 2.0, last, RULES)).isNull();
    }
}
