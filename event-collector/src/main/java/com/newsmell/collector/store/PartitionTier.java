package com.newsmell.collector.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The tier of one monthly partition of the raw store at a clock (ADR 0030): {@code HOT} while the month holds any
 * instant of the last {@code hot} (or is in the future), {@code COLD} once its end is {@code warm} old (a month
 * leaves PostgreSQL 90 days after it ended), {@code WARM} between.
 */
public enum PartitionTier {
    HOT,
    WARM,
    COLD;

    public static PartitionTier of(LocalDate month, Instant clock, Duration hot, Duration warm) {
        Instant end = month.withDayOfMonth(1).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (end.isAfter(clock.minus(hot))) {
            return HOT;
        }
        return end.isAfter(clock.minus(warm)) ? WARM : COLD;
    }

    /** The oldest instant still in PostgreSQL at the clock: the first day of the oldest month not yet cold. */
    public static Instant oldestKept(Instant clock, Duration hot, Duration warm) {
        LocalDate month = clock.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        while (of(month.minusMonths(1), clock, hot, warm) != COLD) {
            month = month.minusMonths(1);
        }
        return month.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
