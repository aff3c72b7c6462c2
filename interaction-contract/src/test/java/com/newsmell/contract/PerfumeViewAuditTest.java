package com.newsmell.contract;

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
class PerfumeViewAuditTest {

    private static final Instant AS_OF = Instant.parse("2026-12-06T03:00:00Z");

    @Test
    @DisplayName("the raw store's views7d / views30d over [asOf - 7 d, asOf) and [asOf - 30 d, asOf), as published")
    void parsesTheCollectorsRecord() {
        PerfumeViewAudit r =
                PerfumeViewAudit.fromJson("{\"perfumeId\":\"p-1\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":881,"
                        + "\"views30d\":2000,\"auditedAt\":\"2026-12-06T03:30:01.5Z\",\"extra\":true}");

        assertThat(r).isEqualTo(new PerfumeViewAudit("p-1", AS_OF, 881, 2000, Instant.parse("2026-12-06T03:30:01.5Z")));
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
        assertThatThrownBy(() -> PerfumeViewAudit.fromJson(value))
                .isInstanceOf(PerfumeViewAudit.Invalid.class)
                .hasMessageStartingWith("invalid perfume-view-audit record: ")
                .hasMessageContaining(reason);
    }

    // event-collector README: "value {"perfumeId", "asOf", "views7d", "views30d", "auditedAt"}, instants ISO-8601 UTC;
    // key perfumeId".
    @Test
    void theMessageIsExactlyTheDocumentedShapeAndReadsBack() {
        PerfumeViewAudit audit =
                new PerfumeViewAudit("perfume-7", AS_OF, 12, 345, Instant.parse("2026-03-10T03:30:12.345Z"));
        assertThat(audit.key()).isEqualTo("perfume-7");
        assertThat(audit.toJson())
                .isEqualTo("{\"perfumeId\":\"perfume-7\",\"asOf\":\"2026-12-06T03:00:00Z\",\"views7d\":12,"
                        + "\"views30d\":345,\"auditedAt\":\"2026-03-10T03:30:12.345Z\"}");
        assertThat(PerfumeViewAudit.fromJson(audit.toJson())).isEqualTo(audit);
    }

    @Test
    void aPerfumeIdIsEscapedAsJsonText() {
        PerfumeViewAudit audit = new PerfumeViewAudit("p\"1\\\u00e9\uD83C\uDF39", AS_OF, 0, 0, AS_OF);
        assertThat(audit.toJson()).startsWith("{\"perfumeId\":\"p\\\"1\\\\\u00e9\uD83C\uDF39\",");
        assertThat(PerfumeViewAudit.fromJson(audit.toJson())).isEqualTo(audit);
    }
}
