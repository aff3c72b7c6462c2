package com.newsmell.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The raw store's batch rule, pure: which events of a batch are candidates for a row. */
class RawEventStoreRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static UserInteractionEvent event(UUID eventId, Instant timestamp) {
        return UserInteractionEvent.builder()
                .eventId(eventId.toString())
                .sessionId("s-1")
                .eventType(InteractionEventType.PAGE_VIEW)
                .timestamp(timestamp)
                .clientTimestamp(timestamp)
                .receivedAt(timestamp)
                .path("/")
                .build();
    }

    // Seed, UserInteractionEvent: "id String @id": one row per id; ADR 0003: "eventId is the client's UUID when
    // given (so a retry is de-duplicated downstream)": of a repeated eventId the first in the batch is kept.
    @Test
    void aRepeatedEventIdKeepsItsFirstOccurrence() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UserInteractionEvent first = event(a, T0);
        UserInteractionEvent retry = event(a, T0.plusMillis(40));
        UserInteractionEvent other = event(b, T0.plusSeconds(1));

        assertThat(RawEventStore.firstPerEventId(List.of(first, other, retry)))
                .containsOnly(Map.entry(a, first), Map.entry(b, other));
    }

    // Seed, UserInteractionEvent: "id String @id": distinct ids all stay; ADR 0071: in eventId order, the order in
    // which every batch takes its claims' key locks (two consumers claiming the same ids cannot deadlock).
    @Test
    void distinctEventIdsAllStayInEventIdOrder() {
        UUID low = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID middle = UUID.fromString("00000000-0000-4000-8000-000000000002");
        UUID high = UUID.fromString("00000000-0000-4000-8000-000000000003");
        UserInteractionEvent a = event(high, T0);
        UserInteractionEvent b = event(low, T0.plusSeconds(2));
        UserInteractionEvent c = event(middle, T0.plusSeconds(1));
        assertThat(RawEventStore.firstPerEventId(List.of(a, b, c)).values()).containsExactly(b, c, a);
    }

    // Seed, UserInteractionEvent: "id String @id": an empty batch has no candidates.
    @Test
    void anEmptyBatchHasNone() {
        assertThat(RawEventStore.firstPerEventId(List.of())).isEmpty();
    }
}
