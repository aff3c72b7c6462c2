package com.newsmell.collector.audit;

import com.newsmell.contract.PerfumeViewAudit;
import java.time.Instant;

/**
 * One audited perfume, as the raw store counts it: its non-bot PERFUME_VIEW events in the 7-day and the 30-day
 * window ({@link AuditWindows}), and whether it was picked as one of the most viewed or at random.
 */
public record PerfumeViewCount(String perfumeId, long views7d, long views30d, boolean mostViewed) {

    /** The contract's record of this count, for windows ending at {@code asOf}, read at {@code auditedAt}. */
    public PerfumeViewAudit audit(Instant asOf, Instant auditedAt) {
        return new PerfumeViewAudit(perfumeId, asOf, Math.toIntExact(views7d), Math.toIntExact(views30d), auditedAt);
    }
}
