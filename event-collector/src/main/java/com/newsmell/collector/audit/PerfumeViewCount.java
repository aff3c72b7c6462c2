package com.newsmell.collector.audit;

/**
 * One audited perfume, as the raw store counts it: its non-bot PERFUME_VIEW events in the 7-day and the 30-day
 * window ({@link AuditWindows}), and whether it was picked as one of the most viewed or at random.
 */
public record PerfumeViewCount(String perfumeId, long views7d, long views30d, boolean mostViewed) {}
