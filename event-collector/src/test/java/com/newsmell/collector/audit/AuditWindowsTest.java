package com.newsmell.collector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #21, "Windows agree with the raw store": "viewsLast7Days/viewsLast30Days are exactly the raw store's count
 * over the stated window ending at asOf"; the audit's asOf is the run's clock truncated to the hour (UTC).
 */
class AuditWindowsTest {

    // Issue #21: "[...] the stated window ending at asOf"; asOf = the run's clock truncated to the hour.
    @ParameterizedTest(name = "clock {0} -> asOf {1}")
    @CsvSource({
        "2026-03-10T03:30:00Z, 2026-03-10T03:00:00Z",
        "2026-03-10T03:00:00Z, 2026-03-10T03:00:00Z",
        "2026-03-10T03:59:59.999999999Z, 2026-03-10T03:00:00Z",
        "2026-03-01T00:00:00.001Z, 2026-03-01T00:00:00Z"
    })
    void asOfIsTheRunsHour(Instant clock, Instant asOf) {
        assertThat(AuditWindows.at(clock, Duration.ofDays(60)).asOf()).isEqualTo(asOf);
    }

    // Seed, PerfumeInteractionStats: "viewsLast7Days Int / viewsLast30Days Int": 7 and 30 days of 24 h before asOf.
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-10T03:30:00Z", "2026-03-29T02:15:00Z", "2026-10-25T01:45:00Z"})
    void theWindowsAre7And30DaysEndingAtAsOf(Instant clock) {
        AuditWindows w = AuditWindows.at(clock, Duration.ofDays(60));
        assertThat(Duration.between(w.from7(), w.asOf())).isEqualTo(Duration.ofDays(7));
        assertThat(Duration.between(w.from30(), w.asOf())).isEqualTo(Duration.ofDays(30));
        assertThat(Duration.between(w.poolFrom(), w.asOf())).isEqualTo(Duration.ofDays(60));
    }

    // CollectorConfig.PerfumeViewAudit.randomPool: "at least 30 days": a shorter pool still covers the 30-day window.
    @ParameterizedTest
    @ValueSource(strings = {"P1D", "P30D", "PT0S"})
    void thePoolCoversAtLeastThe30DayWindow(Duration pool) {
        AuditWindows w = AuditWindows.at(Instant.parse("2026-03-10T03:30:00Z"), pool);
        assertThat(w.poolFrom()).isEqualTo(w.from30());
    }
}
