package com.newsmell.perfumestats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.PerfumeViewAudit;
import com.newsmell.perfumestats.trending.TrendingRepository.WindowFigures;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #21: "viewsLast7Days/viewsLast30Days are exactly the raw store's count over the stated window ending at
 * asOf; a daily check ... compares a sample of perfumes with the raw store and records any difference".
 */
class WindowComparisonTest {

    private static final Instant AS_OF = Instant.parse("2026-12-06T03:00:00Z");
    private static final Instant CHECKED = Instant.parse("2026-12-06T03:31:00Z");
    private static final PerfumeViewAudit RAW = new PerfumeViewAudit("p1", AS_OF, 881, 2000, AS_OF.plusSeconds(1800));

    @Test
    @DisplayName("the same counts from the buckets and as served, as of the same hour: a match, difference 0")
    void equalFiguresMatch() {
        PerfumeWindowAudit a = WindowComparison.of(RAW, new WindowFigures(881, 2000, AS_OF, 881, 2000), CHECKED);

        assertThat(a.matches).isTrue();
        assertThat(a.difference7d).isZero();
        assertThat(a.difference30d).isZero();
        assertThat(a.servedViews7d).isEqualTo(881);
        assertThat(a.perfumeId).isEqualTo("p1");
        assertThat(a.asOf).isEqualTo(AS_OF);
        assertThat(a.auditedAt).isEqualTo(AS_OF.plusSeconds(1800));
        assertThat(a.checkedAt).isEqualTo(CHECKED);
    }

    @Test
    @DisplayName("714 against 881 views before asOf: a mismatch, difference = perfume-stats - raw store")
    void fewerViewsAreAMismatch() {
        PerfumeWindowAudit a = WindowComparison.of(RAW, new WindowFigures(714, 2000, AS_OF, 714, 2000), CHECKED);

        assertThat(a.matches).isFalse();
        assertThat(a.difference7d).isEqualTo(-167);
        assertThat(a.difference30d).isZero();
    }

    @Test
    @DisplayName("the served figure counts only when it is as of the same hour; a differing one is a mismatch")
    void servedFiguresOfTheSameHourAreCompared() {
        PerfumeWindowAudit otherHour =
                WindowComparison.of(RAW, new WindowFigures(881, 2000, AS_OF.plusSeconds(3600), 900, 2010), CHECKED);
        PerfumeWindowAudit sameHourDiffers =
                WindowComparison.of(RAW, new WindowFigures(881, 2000, AS_OF, 714, 2000), CHECKED);
        PerfumeWindowAudit notComputed = WindowComparison.of(RAW, new WindowFigures(881, 2000, null, 0, 0), CHECKED);

        assertThat(otherHour.matches).isTrue();
        assertThat(otherHour.servedViews7d).isNull();
        assertThat(sameHourDiffers.matches).isFalse();
        assertThat(sameHourDiffers.difference7d).isZero();
        assertThat(notComputed.matches).isTrue();
        assertThat(notComputed.servedViews30d).isNull();
    }

    @Test
    @DisplayName("an asOf in the future, or older than the hourly buckets its 30-day window needs, can't be answered")
    void unanswerableAsOf() {
        Instant windowStart = AS_OF.minusSeconds(30 * 86_400L);

        WindowComparison.requireAnswerable(RAW, AS_OF, windowStart, windowStart); // the oldest bucket needed is kept
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> WindowComparison.requireAnswerable(RAW, AS_OF.minusSeconds(1), windowStart, windowStart))
                .isInstanceOf(PerfumeViewAudit.Invalid.class)
                .hasMessageContaining("in the future");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        WindowComparison.requireAnswerable(RAW, AS_OF, windowStart, windowStart.plusSeconds(3600)))
                .isInstanceOf(PerfumeViewAudit.Invalid.class)
                .hasMessageContaining("older than the hourly buckets");
    }
}
