package com.newsmell.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** ADR 0030's tier rule, plain. */
class PartitionTierTest {

    private static final Duration HOT = Duration.ofDays(7);
    private static final Duration WARM = Duration.ofDays(90);

    @Test
    void theCurrentAndFutureMonthsAreHot() {
        Instant clock = Instant.parse("2026-12-06T13:00:00Z");
        assertThat(PartitionTier.of(LocalDate.parse("2026-12-01"), clock, HOT, WARM))
                .isEqualTo(PartitionTier.HOT);
        assertThat(PartitionTier.of(LocalDate.parse("2027-02-01"), clock, HOT, WARM))
                .isEqualTo(PartitionTier.HOT);
    }

    @Test
    void lastMonthStaysHotUntilItsLastDayIsSevenDaysOld() {
        LocalDate november = LocalDate.parse("2026-11-01");
        assertThat(PartitionTier.of(november, Instant.parse("2026-12-07T23:59:59Z"), HOT, WARM))
                .isEqualTo(PartitionTier.HOT);
        assertThat(PartitionTier.of(november, Instant.parse("2026-12-08T00:00:00Z"), HOT, WARM))
                .isEqualTo(PartitionTier.WARM);
    }

    @Test
    void aMonthTurnsColdNinetyDaysAfterItEnded() {
        LocalDate august = LocalDate.parse("2026-08-01"); // ends 2026-09-01; + 90 days = 2026-11-30
        assertThat(PartitionTier.of(august, Instant.parse("2026-11-29T23:59:59Z"), HOT, WARM))
                .isEqualTo(PartitionTier.WARM);
        assertThat(PartitionTier.of(august, Instant.parse("2026-11-30T00:00:00Z"), HOT, WARM))
                .isEqualTo(PartitionTier.COLD);
        // 121 days after it began: within the stated 118..121 days
        assertThat(Duration.between(Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"))
                        .toDays())
                .isBetween(118L, 121L);
    }

    @Test
    void theOldestKeptInstantIsTheFirstDayOfTheOldestMonthNotCold() {
        assertThat(PartitionTier.oldestKept(Instant.parse("2026-11-30T00:00:00Z"), HOT, WARM))
                .isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(PartitionTier.oldestKept(Instant.parse("2026-11-29T00:00:00Z"), HOT, WARM))
                .isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    }
}
