package com.newsmell.perfumestats.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #21: "a daily check compares a sample of perfumes with the raw store": the collector's perfume-view-audit
 * record is {@code {"perfumeId":"…","asOf":"2026-12-06T03:00:00Z","views7d":n,"views30d":n,"auditedAt":"…"}}; a
 * record that isn't one goes to the dead-letter topic with its reason.
 */
class AuditRecordTest {

    private static final Instant AS_OF = Instant.parse("2026-12-06T03:00:00Z");

    @Test
    @DisplayName("the raw store's views7d / views30d over [asOf - 7 d, asOf) and [asOf - 30 d, asOf), as published")
    void parsesTheCollectorsRecord() {
        AuditRecord r = AuditRecord.parse("{\"perfumeId\":\"p-1\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":881,"
                + "\"views30d\":2000,\"auditedAt\":\"2026-12-06T03:30:01.5Z\",\"extra\":true}");

        assertThat(r).isEqualTo(new AuditRecord("p-1", AS_OF, 881, 2000, Instant.parse("2026-12-06T03:30:01.5Z")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json|not JSON",
                "[1, 2]|not a JSON object",
                "{\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":1,\"views30d\":1,\"auditedAt\":\"2026-12-06T03:30:00Z\"}"
                        + "|perfumeId is required",
                "{\"perfumeId\":\" \",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":1,\"views30d\":1,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|perfumeId is required",
                "{\"perfumeId\":\"p\\u0000\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":1,\"views30d\":1,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|rule no-nul",
                "{\"perfumeId\":\"p\",\"asOf\":\"2026-12-06T03:30:00Z\",\"views7d\":1,\"views30d\":1,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|asOf must be a whole UTC hour",
                "{\"perfumeId\":\"p\",\"asOf\":\"yesterday\",\"views7d\":1,\"views30d\":1,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|asOf is not an ISO-8601 instant",
                "{\"perfumeId\":\"p\",\"asOf\":\"+999999999-12-31T23:00:00Z\",\"views7d\":1,\"views30d\":1,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|asOf must be from 1970",
                "{\"perfumeId\":\"p\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":-1,\"views30d\":1,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|views7d is required, a whole number >= 0",
                "{\"perfumeId\":\"p\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":1.5,\"views30d\":2,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|views7d is required, a whole number >= 0",
                "{\"perfumeId\":\"p\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":1,\"views30d\":\"2\","
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|views30d is required, a whole number >= 0",
                "{\"perfumeId\":\"p\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":3,\"views30d\":2,"
                        + "\"auditedAt\":\"2026-12-06T03:30:00Z\"}|views7d (3) exceeds views30d (2)",
                "{\"perfumeId\":\"p\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":1,\"views30d\":2}"
                        + "|auditedAt is required"
            })
    @DisplayName("a malformed record is invalid, with the reason the dead letter carries")
    void malformedRecordsAreInvalid(String value, String reason) {
        assertThatThrownBy(() -> AuditRecord.parse(value))
                .isInstanceOf(AuditRecord.Invalid.class)
                .hasMessageStartingWith("invalid perfume-view-audit record: ")
                .hasMessageContaining(reason);
    }

    @Test
    @DisplayName("an asOf in the future, or older than the hourly buckets its 30-day window needs, can't be answered")
    void unanswerableAsOf() {
        AuditRecord r = new AuditRecord("p", AS_OF, 1, 1, AS_OF);
        Instant windowStart = AS_OF.minusSeconds(30 * 86_400L);

        r.requireAnswerable(AS_OF, windowStart, windowStart); // now = asOf, the oldest bucket needed is kept
        assertThatThrownBy(() -> r.requireAnswerable(AS_OF.minusSeconds(1), windowStart, windowStart))
                .isInstanceOf(AuditRecord.Invalid.class)
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> r.requireAnswerable(AS_OF, windowStart, windowStart.plusSeconds(3600)))
                .isInstanceOf(AuditRecord.Invalid.class)
                .hasMessageContaining("older than the hourly buckets");
    }
}
