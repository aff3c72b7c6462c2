package com.newsmell.perfumestats.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two bucket tables: per perfume and UTC hour ({@code perfume_hourly_bucket}, kept for the configured retention)
 * and per perfume and UTC day ({@code perfume_daily_bucket}, kept for good).
 */
public enum BucketTable {
    HOURLY("perfume_hourly_bucket", ChronoUnit.HOURS),
    DAILY("perfume_daily_bucket", ChronoUnit.DAYS);

    /** The hourly buckets are kept at least this long: the 30-day window reads 31 days of them. */
    public static final int MIN_HOURLY_RETENTION_DAYS = 32;

    final String table;
    private final ChronoUnit unit;

    BucketTable(String table, ChronoUnit unit) {
        this.table = table;
        this.unit = unit;
    }

    /** Whether {@code instant} starts one of this table's buckets (a whole UTC hour, or a UTC midnight). */
    public boolean onGrid(Instant instant) {
        return instant.truncatedTo(unit).equals(instant);
    }

    /**
     * The first hour whose hourly buckets are surely kept at {@code now}: the hourly job drops the buckets that start
     * more than {@code retentionDays} (never less than {@link #MIN_HOURLY_RETENTION_DAYS}) before its hour.
     */
    public static Instant hourlyCutoff(Instant now, int retentionDays) {
        return now.truncatedTo(ChronoUnit.HOURS)
                .minus(Duration.ofDays(Math.max(MIN_HOURLY_RETENTION_DAYS, retentionDays)));
    }

    /** How long the hourly buckets are kept, in days, for the configured retention. */
    public static int hourlyRetentionDays(int configured) {
        return Math.max(MIN_HOURLY_RETENTION_DAYS, configured);
    }
}
