package com.newsmell.perfumestats.audit;

import com.newsmell.contract.PerfumeViewAudit;
import com.newsmell.perfumestats.trending.TrendingRepository.WindowFigures;
import java.time.Instant;

/**
 * How the daily audit compares: perfume-stats' figure for the raw store's windows (from the buckets, as the hourly
 * job computes it) minus the raw store's count is the difference; the served figures (the stats API's
 * viewsLast7Days / viewsLast30Days) are compared too when they are as of the same hour. Any difference is a
 * mismatch.
 */
final class WindowComparison {

    private WindowComparison() {}

    /**
     * Whether perfume-stats can answer for the record's asOf at {@code now}: not in the future (the windows would
     * still be filling), and not so old that the hourly buckets of the 30-day window's first day are gone.
     */
    static void requireAnswerable(
            PerfumeViewAudit record, Instant now, Instant windowStart30, Instant oldestHourlyBucketKept) {
        if (record.asOf().isAfter(now)) {
            throw new PerfumeViewAudit.Invalid("asOf " + record.asOf() + " is in the future");
        }
        if (windowStart30.isBefore(oldestHourlyBucketKept)) {
            throw new PerfumeViewAudit.Invalid("asOf " + record.asOf()
                    + " is older than the hourly buckets its 30-day window needs (kept from " + oldestHourlyBucketKept
                    + ")");
        }
    }

    static PerfumeWindowAudit of(PerfumeViewAudit raw, WindowFigures stats, Instant checkedAt) {
        PerfumeWindowAudit a = new PerfumeWindowAudit();
        a.perfumeId = raw.perfumeId();
        a.asOf = raw.asOf();
        a.rawViews7d = raw.views7d();
        a.rawViews30d = raw.views30d();
        a.statsViews7d = stats.views7d();
        a.statsViews30d = stats.views30d();
        if (raw.asOf().equals(stats.storedAsOf())) {
            a.servedViews7d = stats.storedViews7d();
            a.servedViews30d = stats.storedViews30d();
        }
        a.difference7d = a.statsViews7d - a.rawViews7d;
        a.difference30d = a.statsViews30d - a.rawViews30d;
        a.matches = a.difference7d == 0
                && a.difference30d == 0
                && (a.servedViews7d == null || a.servedViews7d == a.rawViews7d)
                && (a.servedViews30d == null || a.servedViews30d == a.rawViews30d);
        a.auditedAt = raw.auditedAt();
        a.checkedAt = checkedAt;
        return a;
    }
}
