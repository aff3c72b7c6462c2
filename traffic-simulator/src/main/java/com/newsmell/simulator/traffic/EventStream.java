package com.newsmell.simulator.traffic;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.journey.JourneyGenerator;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Live traffic: interleaves the events of several concurrent sessions, as a site with many visitors at once would
 * produce them. Each session keeps its own order; a new session starts (generated at the clock's current time)
 * whenever one ends. Deterministic for a given generator and a fixed clock. Thread-safe.
 */
public final class EventStream {

    private final JourneyGenerator generator;
    private final Clock clock;
    private final List<ArrayDeque<UserInteractionEvent>> active;
    private final SplittableRandom rng;
    private long produced;

    /**
     * @param generator the journeys
     * @param concurrentSessions how many sessions are interleaved at any time (at least 1)
     * @param clock the time at which new sessions are generated
     */
    public EventStream(JourneyGenerator generator, int concurrentSessions, Clock clock) {
        if (concurrentSessions < 1) {
            throw new IllegalArgumentException("concurrentSessions must be >= 1");
        }
        this.generator = generator;
        this.clock = clock;
        this.rng = new SplittableRandom(generator.seed() * 31 + 7);
        this.active = new ArrayList<>(concurrentSessions);
        for (int i = 0; i < concurrentSessions; i++) {
            active.add(new ArrayDeque<>());
        }
    }

    /** The next event of the traffic. */
    public synchronized UserInteractionEvent next() {
        int slot = rng.nextInt(active.size());
        ArrayDeque<UserInteractionEvent> queue = active.get(slot);
        if (queue.isEmpty()) {
            queue.addAll(generator.nextSession(clock.instant()).events());
        }
        produced++;
        return queue.poll();
    }

    /** The next {@code count} events. */
    public synchronized List<UserInteractionEvent> next(int count) {
        List<UserInteractionEvent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** Events produced so far. */
    public synchronized long produced() {
        return produced;
    }
}
