package com.newsmell.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.journey.JourneyGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static List<String> json(List<UserInteractionEvent> events) {
        return events.stream().map(EventCodec::toJson).toList();
    }

    @Test
    void interleavedStreamIsDeterministicWithAFixedClock() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<UserInteractionEvent> a = new EventStream(JourneyGenerator.create(3, 50, 0.1), 20, clock).next(1_000);
        List<UserInteractionEvent> b = new EventStream(JourneyGenerator.create(3, 50, 0.1), 20, clock).next(1_000);
        assertEquals(json(a), json(b));
        // Interleaved: consecutive events often belong to different sessions.
        long switches = 0;
        for (int i = 1; i < a.size(); i++) {
            if (!a.get(i).sessionId().equals(a.get(i - 1).sessionId())) {
                switches++;
            }
        }
        assertTrue(switches > 500, "expected interleaved sessions, got " + switches + " switches");
    }
}
