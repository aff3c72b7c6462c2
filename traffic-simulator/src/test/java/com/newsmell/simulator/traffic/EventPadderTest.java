package com.newsmell.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.EventParser;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.journey.JourneyGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPadderTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void padTo800GivesEventsOfAbout800Bytes() {
        List<UserInteractionEvent> events =
                JourneyGenerator.create(42, 200, 0.05).events(3_000, NOW);
        int within = 0;
        long total = 0;
        for (UserInteractionEvent e : events) {
            int natural = EventPadder.size(e);
            UserInteractionEvent padded = EventPadder.pad(e, 800);
            int size = EventPadder.size(padded);
            total += size;
            assertTrue(size >= 720, "too small: " + size);
            if (natural <= 800) {
                // Padded: within 10% of the target.
                assertTrue(size <= 880, "padded beyond the target: " + size);
            } else {
                // Already larger than the target: left unchanged.
                assertSame(e, padded);
            }
            if (size >= 720 && size <= 880) {
                within++;
            }
            assertTrue(EventParser.parse(EventCodec.toJsonNode(padded)).valid());
            assertEquals(e.eventId(), padded.eventId());
        }
        assertTrue(within >= events.size() * 0.95, "events within 800 bytes +-10%: " + within);
        double mean = (double) total / events.size();
        assertTrue(mean >= 720 && mean <= 880, "mean size " + mean);
    }

    @Test
    void largeTargetsStayWithinTheContractLimits() {
        UserInteractionEvent e =
                JourneyGenerator.create(1, 10, 0).events(1, NOW).get(0);
        UserInteractionEvent padded = EventPadder.pad(e, 10_000);
        int size = EventPadder.size(padded);
        assertTrue(Math.abs(size - 10_000) <= 1_000, "size " + size);
        assertTrue(EventParser.parse(EventCodec.toJsonNode(padded)).valid());
        assertTrue(padded.eventData().has(EventPadder.FIELD));
    }

    @Test
    void zeroMeansNoPadding() {
        UserInteractionEvent e =
                JourneyGenerator.create(1, 10, 0).events(1, NOW).get(0);
        assertSame(e, EventPadder.pad(e, 0));
    }
}
