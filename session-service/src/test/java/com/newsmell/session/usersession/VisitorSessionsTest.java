package com.newsmell.session.usersession;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sessions of events without a sessionId (ADR 0064): pure rules, and arrival order against a simulated store. */
class VisitorSessionsTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String VISITOR = "anonymous:a-1";

    private static VisitorSessions.Timed fresh(String id, int minutes) {
        return new VisitorSessions.Timed(id, T0.plus(Duration.ofMinutes(minutes)), null);
    }

    @Test
    void aGapOfTheIdleTimeoutOrMoreStartsANewSession() {
        List<List<VisitorSessions.Timed>> sessions = VisitorSessions.partition(
                List.of(fresh("e3", 59), fresh("e1", 0), fresh("e2", 29), fresh("e4", 120)), IDLE);
        assertThat(sessions)
                .extracting(s -> s.stream().map(VisitorSessions.Timed::eventId).toList())
                .containsExactly(List.of("e1", "e2"), List.of("e3"), List.of("e4"));
    }

    @Test
    void aDerivedIdIsTheVisitorsAndTheStartsAndNothingElse() {
        String id = VisitorSessions.sessionId(VISITOR, T0);
        assertThat(id).isEqualTo(VisitorSessions.sessionId(VISITOR, T0));
        assertThat(id).isNotEqualTo(VisitorSessions.sessionId(VISITOR, T0.plusMillis(1)));
        assertThat(id).isNotEqualTo(VisitorSessions.sessionId("anonymous:a-2", T0));
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(5);
    }

    @Test
    void theVisitorIsTheAnonymousIdElseTheUser() {
        assertThat(VisitorSessions.visitorOf("a", "u")).isEqualTo("anonymous:a");
        assertThat(VisitorSessions.visitorOf(null, "u")).isEqualTo("user:u");
    }

    @Test
    void onlySessionsWithinTheIdleTimeoutOfAnEventAreTouched() {
        var early = new VisitorSessions.Span("s1", T0, T0.plus(Duration.ofMinutes(10)));
        var late = new VisitorSessions.Span("s2", T0.plus(Duration.ofMinutes(100)), T0.plus(Duration.ofMinutes(110)));
        assertThat(VisitorSessions.touched(List.of(early, late), List.of(T0.plus(Duration.ofMinutes(39))), IDLE))
                .containsExactly("s1");
        assertThat(VisitorSessions.touched(List.of(early, late), List.of(T0.plus(Duration.ofMinutes(40))), IDLE))
                .isEmpty();
        assertThat(VisitorSessions.touched(List.of(early, late), List.of(T0.plus(Duration.ofMinutes(71))), IDLE))
                .containsExactly("s2");
    }

    /** A store of the visitor's events, each in its derived session, fed batch by batch as the service does. */
    private static final class Store {
        final Map<String, VisitorSessions.Timed> events = new TreeMap<>();
        final Set<String> moved = new java.util.TreeSet<>();

        void apply(List<VisitorSessions.Timed> batch) {
            List<VisitorSessions.Timed> fresh = batch.stream()
                    .filter(e -> !events.containsKey(e.eventId())) // the claims: a redelivery is dropped
                    .collect(Collectors.toMap(
                            VisitorSessions.Timed::eventId, e -> e, (a, b) -> a, java.util.LinkedHashMap::new))
                    .values()
                    .stream()
                    .toList();
            if (fresh.isEmpty()) {
                return;
            }
            Set<String> touched = VisitorSessions.touched(
                    spans(),
                    fresh.stream().map(VisitorSessions.Timed::timestamp).toList(),
                    IDLE);
            List<VisitorSessions.Timed> all = new ArrayList<>(events.values().stream()
                    .filter(e -> touched.contains(e.sessionId()))
                    .toList());
            all.addAll(fresh);
            VisitorSessions.Plan plan = VisitorSessions.plan(VISITOR, touched, all, IDLE);
            moved.addAll(plan.moved());
            for (VisitorSessions.Timed e : all) {
                String id = plan.assignments().getOrDefault(e.eventId(), e.sessionId());
                events.put(e.eventId(), new VisitorSessions.Timed(e.eventId(), e.timestamp(), id));
            }
        }

        List<VisitorSessions.Span> spans() {
            Map<String, List<Instant>> bySession = new HashMap<>();
            events.values()
                    .forEach(e -> bySession
                            .computeIfAbsent(e.sessionId(), s -> new ArrayList<>())
                            .add(e.timestamp()));
            return bySession.entrySet().stream()
                    .map(s -> new VisitorSessions.Span(
                            s.getKey(), Collections.min(s.getValue()), Collections.max(s.getValue())))
                    .toList();
        }

        Map<String, String> sessions() {
            Map<String, String> out = new TreeMap<>();
            events.values().forEach(e -> out.put(e.eventId(), e.sessionId()));
            return out;
        }
    }

    private static final List<VisitorSessions.Timed> DAY = List.of(
            fresh("e01", 0),
            fresh("e02", 10),
            fresh("e03", 35), // 25 after e02: same session
            fresh("e04", 70), // 35 after e03: a new session
            fresh("e05", 80),
            fresh("e06", 150), // a third session
            fresh("e07", 151));

    private static Map<String, String> inOneBatch() {
        Store store = new Store();
        store.apply(DAY);
        return store.sessions();
    }

    @Test
    void inOrderOneByOneGivesTheSessionsOfOneBatch() {
        Store store = new Store();
        DAY.forEach(e -> store.apply(List.of(e)));
        assertThat(store.sessions()).isEqualTo(inOneBatch());
        assertThat(new java.util.HashSet<>(store.sessions().values())).hasSize(3);
        assertThat(store.moved).isEmpty(); // in order: nothing moves, the fast path appends
        assertThat(store.sessions().get("e01")).isEqualTo(VisitorSessions.sessionId(VISITOR, T0));
    }

    @Test
    void anyArrivalOrderAndRedeliveriesGiveTheSameSessions() {
        Random random = new Random(16);
        for (int run = 0; run < 200; run++) {
            List<VisitorSessions.Timed> shuffled = new ArrayList<>(DAY);
            shuffled.add(DAY.get(random.nextInt(DAY.size()))); // a redelivery
            Collections.shuffle(shuffled, random);
            Store store = new Store();
            int i = 0;
            while (i < shuffled.size()) {
                int n = 1 + random.nextInt(3);
                store.apply(shuffled.subList(i, Math.min(shuffled.size(), i + n)));
                i += n;
            }
            assertThat(store.sessions()).as("run %d: %s", run, shuffled).isEqualTo(inOneBatch());
        }
    }

    @Test
    void aLateEventBridgingTheIdleGapMergesTwoSessionsAndAnEarlierOneMovesTheStart() {
        Store store = new Store();
        store.apply(List.of(fresh("a", 0), fresh("b", 40)));
        assertThat(new java.util.HashSet<>(store.sessions().values())).hasSize(2);

        store.apply(List.of(fresh("bridge", 20))); // within 30 minutes of both
        assertThat(new java.util.HashSet<>(store.sessions().values()))
                .containsExactly(VisitorSessions.sessionId(VISITOR, T0));
        assertThat(store.moved).containsExactly(VisitorSessions.sessionId(VISITOR, T0));

        store.apply(List.of(fresh("earlier", -10)));
        String moved = VisitorSessions.sessionId(VISITOR, T0.minus(Duration.ofMinutes(10)));
        assertThat(new java.util.HashSet<>(store.sessions().values())).containsExactly(moved);
    }

    @Test
    void theRemovedSessionsAreThoseLeftWithoutEvents() {
        String first = VisitorSessions.sessionId(VISITOR, T0);
        String second = VisitorSessions.sessionId(VISITOR, T0.plus(Duration.ofMinutes(40)));
        List<VisitorSessions.Timed> stored = List.of(
                new VisitorSessions.Timed("a", T0, first),
                new VisitorSessions.Timed("b", T0.plus(Duration.ofMinutes(40)), second));
        List<VisitorSessions.Timed> all = new ArrayList<>(stored);
        all.add(fresh("bridge", 20));
        VisitorSessions.Plan plan = VisitorSessions.plan(VISITOR, Set.of(first, second), all, IDLE);
        assertThat(plan.removed()).containsExactly(second);
        assertThat(plan.assignments()).containsOnlyKeys("b", "bridge");
    }
}
