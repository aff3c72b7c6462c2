package com.newsmell.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #11: the session-summaries record, keyed by sessionId, with a revision; an anonymous session has no userId. */
class SessionSummaryTest {

    static SessionSummary summary(String userId, String deviceType) {
        return new SessionSummary(
                "s-1",
                userId,
                Instant.parse("2026-12-06T03:00:00Z"),
                Instant.parse("2026-12-06T03:10:00.5Z"),
                600,
                4,
                2,
                1,
                false,
                false,
                deviceType,
                3);
    }

    @Test
    void roundTripsThroughJson() {
        SessionSummary s = summary("u-1", "mobile");
        assertThat(s.key()).isEqualTo("s-1");
        assertThat(s.toJson())
                .isEqualTo("{\"sessionId\":\"s-1\",\"userId\":\"u-1\",\"startTime\":\"2026-12-06T03:00:00Z\","
                        + "\"endTime\":\"2026-12-06T03:10:00.500Z\",\"durationSeconds\":600,\"pageViews\":4,"
                        + "\"perfumesViewed\":2,\"interactions\":1,\"bounced\":false,\"isBot\":false,"
                        + "\"deviceType\":\"mobile\",\"revision\":3}");
        assertThat(SessionSummary.fromJson(s.toJson())).isEqualTo(s);
    }

    @Test
    void anAnonymousSessionHasANullUserId() {
        SessionSummary s = summary(null, null);
        assertThat(s.toJson()).contains("\"userId\":null", "\"deviceType\":null");
        assertThat(SessionSummary.fromJson(s.toJson())).isEqualTo(s);
        assertThat(s.withRevision(4).revision()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[1]",
                "{\"revision\":1}",
                "{\"sessionId\":\"s\",\"startTime\":\"2026-12-06T03:00:00Z\",\"endTime\":\"2026-12-06T02:00:00Z\"}",
            })
    void refusesWhatIsNoSummary(String value) {
        assertThatThrownBy(() -> SessionSummary.fromJson(value)).isInstanceOf(SessionSummary.Invalid.class);
    }

    @Test
    void refusesARevisionBelowOne() {
        assertThatThrownBy(() -> SessionSummary.fromJson(
                        summary("u", "mobile").withRevision(0).toJson()))
                .hasMessageContaining("revision must be >= 1");
    }
}
