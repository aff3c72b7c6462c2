package com.newsmell.profile.features;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The snapshot rules (ADR 0021, "Snapshots and leakage"), pure.
 *
 * <p>A run with clock c computes a vector with {@code asOf} = c's UTC day and {@code computedAt} = c plus the time the
 * run had taken when it wrote the vector (to the millisecond): everything in the vector was in the rollups before
 * computedAt. As of a timestamp T, the vector known is the latest snapshot (of the requested schema version) with
 * {@code asOf} at or before T's UTC day and {@code computedAt} at or before T, so a vector is never used for a moment
 * before it existed: an event at T (a label) can only be in vectors computed after T. A day D ({@code asOf=D}) is
 * answered by the latest snapshot with {@code asOf} at or before D.
 */
public final class PointInTime {

    /** The user has no profile: profile-service has never counted an event of theirs. */
    public static final String UNKNOWN_USER = "unknown-user";

    /** The day is before the retention horizon: its snapshots may have been dropped. */
    public static final String BEFORE_RETENTION = "before-retention";

    /** The requested version is no longer the newest, and no run computed it on or after the day. */
    public static final String VERSION_SUPERSEDED = "version-superseded";

    /** No snapshot of the version was known then (the user's first vector of the version came later). */
    public static final String NO_SNAPSHOT = "no-snapshot";

    private PointInTime() {}

    /** The vector's computedAt: the run's clock plus the time the run had taken, to the millisecond. */
    public static Instant computedAt(Instant clock, Duration elapsed) {
        return clock.plus(elapsed).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A timestamp's UTC day. */
    public static LocalDate day(Instant timestamp) {
        return LocalDate.ofInstant(timestamp, java.time.ZoneOffset.UTC);
    }

    /**
     * Why nothing is answered for a day before any snapshot is looked up, or null when the snapshots decide.
     *
     * @param horizon the retention horizon, null before any run pruned
     * @param newestVersion whether the requested version is the newest
     * @param computedThrough the last run day that computed the version (null: none)
     */
    public static String reasonBeforeLookup(
            boolean knownUser, LocalDate day, LocalDate horizon, boolean newestVersion, LocalDate computedThrough) {
        if (!knownUser) {
            return UNKNOWN_USER;
        }
        if (horizon != null && day.isBefore(horizon)) {
            return BEFORE_RETENTION;
        }
        if (!newestVersion && (computedThrough == null || day.isAfter(computedThrough))) {
            return VERSION_SUPERSEDED;
        }
        return null;
    }
}
