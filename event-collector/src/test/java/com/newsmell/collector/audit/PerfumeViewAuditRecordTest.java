package com.newsmell.collector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The perfume-view-audit message that perfume-stats-service consumes (event-collector README, "Topics"). */
class PerfumeViewAuditRecordTest {

    // README: "value {"perfumeId", "asOf", "views7d", "views30d", "auditedAt"}, instants ISO-8601 UTC; key perfumeId".
    @Test
    void theMessageIsExactlyTheDocumentedShape() {
        AuditWindows windows = AuditWindows.at(Instant.parse("2026-03-10T03:30:12Z"), Duration.ofDays(60));
        PerfumeViewAuditRecord record = PerfumeViewAuditRecord.of(
                new PerfumeViewCount("perfume-7", 12, 345, true), windows, Instant.parse("2026-03-10T03:30:12.345Z"));
        assertThat(record.key()).isEqualTo("perfume-7");
        assertThat(record.toJson())
                .isEqualTo("{\"perfumeId\":\"perfume-7\",\"asOf\":\"2026-03-10T03:00:00Z\",\"views7d\":12,"
                        + "\"views30d\":345,\"auditedAt\":\"2026-03-10T03:30:12.345Z\"}");
    }

    // README: "perfumeId" is the perfume's id as events carry it: any string is written as JSON text.
    @Test
    void aPerfumeIdIsEscapedAsJsonText() {
        PerfumeViewAuditRecord record =
                new PerfumeViewAuditRecord("p\"1\\\u00e9\uD83C\uDF39", Instant.EPOCH, 0, 0, Instant.EPOCH);
        assertThat(record.toJson()).startsWith("{\"perfumeId\":\"p\\\"1\\\\\u00e9\uD83C\uDF39\",");
    }
}
