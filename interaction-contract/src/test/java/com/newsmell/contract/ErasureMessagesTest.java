package com.newsmell.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErasureMessagesTest {

    @Test
    void aRequestRoundTrips() {
        ErasureRequest request = new ErasureRequest("r-1", "user-1", Instant.parse("2026-12-06T13:00:00Z"));
        assertThat(ErasureRequest.fromJson(request.toJson())).isEqualTo(request);
    }

    @Test
    void anAckRoundTrips() {
        ErasureAck ack = new ErasureAck(
                "r-1",
                "session-service",
                ErasureAck.DONE,
                Instant.parse("2026-12-06T13:00:01Z"),
                java.util.Map.of("sessions", 12L, "search-queries", 3L),
                null);
        assertThat(ErasureAck.fromJson(ack.toJson())).isEqualTo(ack);
        assertThat(ack.toJson()).doesNotContain("user");
    }

    @Test
    void aRequestNeedsItsUser() {
        assertThatThrownBy(
                        () -> ErasureRequest.fromJson("{\"requestId\":\"r\",\"requestedAt\":\"2026-12-06T13:00:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErasureRequest.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUserHashIsKeyedAndStable() {
        assertThat(UserHash.of("k", "user-1"))
                .isEqualTo(UserHash.of("k", "user-1"))
                .hasSize(64);
        assertThat(UserHash.of("k", "user-1")).isNotEqualTo(UserHash.of("other", "user-1"));
    }
}
