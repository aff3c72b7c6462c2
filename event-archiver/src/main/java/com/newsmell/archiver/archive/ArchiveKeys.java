package com.newsmell.archiver.archive;

import java.time.LocalDate;

/** The archive's Hive-style keys (ADR 0031): {@code events/year=YYYY/month=MM/event_type=TYPE/part-0.parquet}. */
public final class ArchiveKeys {

    private ArchiveKeys() {}

    public static String of(LocalDate month, String eventType) {
        if (!eventType.matches("[A-Z0-9_]{1,64}")) {
            throw new IllegalArgumentException("unexpected event type " + eventType);
        }
        return String.format(
                "events/year=%04d/month=%02d/event_type=%s/part-0.parquet",
                month.getYear(), month.getMonthValue(), eventType);
    }
}
