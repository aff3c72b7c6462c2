package com.newsmell.session.usersession;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.Scenarios;
import com.newsmell.session.search.SearchQueryView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fast path's running state (ADR 0070) against the full fold, property-style: random sessions (page views,
 * perfume views, searches with and without searchIds, refinements, no-results, clicks by id and by position,
 * desired actions, a user logging in, a bot), appended in order in random batches through the stored form, equal
 * {@link SessionFold#fold} of the same events; an event out of order is refused (the caller re-folds).
 */
class RunningFoldTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");
    private static final Duration DESIRED = Duration.ofSeconds(30);
    private static final String[] IDS = {"q1", "q2", "q3"};
    private static final String[] PERFUMES = {"p1", "p2", "p3"};
    private static final String[] PATHS = {"/", "/search", "/perfume/p1", "/house"};

    @Test
    void appendingInOrderInBatchesEqualsTheFullFold() {
        int accepted = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            List<UserInteractionEvent> ordered = inOrder(session(random, 1 + random.nextInt(60), true));
            RunningFold running = RunningFold.start(DESIRED);
            Map<String, SearchQueryView> rows = Map.of();
            boolean ok = true;
            for (int from = 0; from < ordered.size() && ok; ) {
                int to = Math.min(ordered.size(), from + 1 + random.nextInt(6));
                SessionView before = from == 0 ? null : running.session();
                ok = running.appendAll(ordered.subList(from, to));
                if (ok) {
                    assertEqualsFullFold(running, ordered.subList(0, to), seed);
                    Set<String> changed = running.changedSearches(before);
                    Map<String, SearchQueryView> now = byId(running.searches());
                    for (SearchQueryView search : now.values()) {
                        if (!search.equals(rows.get(search.searchId()))) {
                            assertThat(changed)
                                    .as("seed %d: a search whose row changed is written", seed)
                                    .contains(search.searchId());
                        }
                    }
                    rows = now;
                    running = RunningFold.read(running.toJson(), DESIRED).orElseThrow();
                }
                from = to;
            }
            accepted += ok ? 1 : 0;
        }
        // Sessions whose clicks name only earlier searches never need the full fold (below); these also name later
        // ones, which the tally refuses: most still go through.
        assertThat(accepted).isGreaterThan(100);
    }

    @Test
    void sessionsWithoutForwardReferencesNeverNeedTheFullFold() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<UserInteractionEvent> ordered = inOrder(session(random, 1 + random.nextInt(80), false));
            RunningFold running = RunningFold.start(DESIRED);
            assertThat(running.appendAll(ordered)).as("seed %d", seed).isTrue();
            assertEqualsFullFold(running, ordered, seed);
        }
    }

    @Test
    void anEventOutOfOrderIsRefusedAndTheRefoldedStateIsExact() {
        int tried = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<UserInteractionEvent> ordered = inOrder(session(random, 2 + random.nextInt(40), false));
            UserInteractionEvent late = ordered.get(random.nextInt(ordered.size() - 1));
            List<UserInteractionEvent> without = new ArrayList<>(ordered);
            without.remove(late);
            RunningFold running = RunningFold.start(DESIRED);
            if (!running.appendAll(without)) {
                continue; // without the late event, a later one names a search only it made: refused already
            }
            tried++;

            assertThat(running.appendAll(List.of(late))).as("seed %d", seed).isFalse();
            assertThat(running.appendAll(List.of(ordered.get(ordered.size() - 1))))
                    .as("a refused state stays refused")
                    .isFalse();
            RunningFold refolded = RunningFold.of(ordered, DESIRED).orElseThrow();
            assertEqualsFullFold(refolded, ordered, seed);
        }
        assertThat(tried).isGreaterThan(150);
    }

    @Test
    void aRedeliveredLastEventIsRefused() {
        List<UserInteractionEvent> ordered = inOrder(session(new Random(1), 10, false));
        RunningFold running = RunningFold.start(DESIRED);
        running.appendAll(ordered);

        assertThat(running.appendAll(List.of(ordered.get(ordered.size() - 1)))).isFalse();
    }

    @Test
    void aSearchAnEarlierClickNamedIsLeftToTheFullFold() {
        Scenarios.Ctx c = new Scenarios.Ctx("s-forward", T0);
        RunningFold running = RunningFold.start(DESIRED);
        running.appendAll(List.of(c.ev(InteractionEventType.SEARCH_RESULT_CLICKED, 1)
                .path("/search")
                .eventData(Scenarios.data("{\"searchId\":\"q9\",\"position\":0,\"perfumeId\":\"p1\"}"))
                .build()));

        assertThat(running.appendAll(List.of(c.ev(InteractionEventType.SEARCH_PERFORMED, 2)
                        .path("/search")
                        .eventData(Scenarios.data("{\"searchId\":\"q9\",\"query\":\"rose\"}"))
                        .build())))
                .isFalse();
    }

    @Test
    void anUnreadableOrOldStateIsNoState() {
        assertThat(RunningFold.read(null, DESIRED)).isEmpty();
        assertThat(RunningFold.read("{\"version\":0}", DESIRED)).isEmpty();
        assertThat(RunningFold.read("not json", DESIRED)).isEmpty();
    }

    private static void assertEqualsFullFold(RunningFold running, List<UserInteractionEvent> events, int seed) {
        SessionFold.Folded full = SessionFold.fold(events, false, DESIRED);
        assertThat(running.session()).as("seed %d", seed).isEqualTo(full.session());
        assertThat(running.searches()).as("seed %d", seed).isEqualTo(full.searches());
    }

    private static Map<String, SearchQueryView> byId(List<SearchQueryView> searches) {
        return searches.stream().collect(Collectors.toMap(SearchQueryView::searchId, Function.identity()));
    }

    private static List<UserInteractionEvent> inOrder(List<UserInteractionEvent> events) {
        return events.stream().sorted(SessionFold.ORDER).toList();
    }

    /**
     * A random session of {@code n} events. With {@code forward}: timestamps non-decreasing with ties (which eventId
     * orders), searchIds from a small pool that clicks, refinements and no-results events may name before a search
     * has them; without: as a client sends them, strictly increasing timestamps, each search a new searchId, clicks
     * and no-results naming only earlier searches.
     */
    private static List<UserInteractionEvent> session(Random random, int n, boolean forward) {
        Scenarios.Ctx c = new Scenarios.Ctx("s-prop", T0);
        List<UserInteractionEvent> events = new ArrayList<>();
        Set<String> searched = new HashSet<>();
        double at = 0;
        for (int i = 0; i < n; i++) {
            at += forward && random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40);
            UserInteractionEvent.Builder e = next(random, c, at, searched, forward)
                    .eventId(new UUID(random.nextLong(), random.nextLong()).toString())
                    .userId(i > 2 && random.nextInt(5) == 0 ? "u-" + random.nextInt(2) : null)
                    .deviceType(random.nextBoolean() ? null : "mobile")
                    .referrer(random.nextBoolean() ? "https://www.google.com/x" : null)
                    .isBot(random.nextInt(40) == 0);
            events.add(e.build());
        }
        return events;
    }

    private static UserInteractionEvent.Builder next(
            Random random, Scenarios.Ctx c, double at, Set<String> searched, boolean forward) {
        String perfume = PERFUMES[random.nextInt(PERFUMES.length)];
        String id = forward ? IDS[random.nextInt(IDS.length)] : "q" + searched.size();
        String known =
                searched.isEmpty() || forward ? id : List.copyOf(searched).get(random.nextInt(searched.size()));
        String idField = random.nextInt(4) == 0 ? "" : "\"searchId\":\"" + id + "\",";
        return switch (random.nextInt(12)) {
            case 0, 1 -> c.ev(InteractionEventType.PAGE_VIEW, at).path(PATHS[random.nextInt(PATHS.length)]);
            case 2 ->
                c.ev(InteractionEventType.PERFUME_VIEW, at)
                        .path("/perfume/" + perfume)
                        .perfumeId(perfume)
                        .eventData(Scenarios.data("{\"viewDuration\":" + random.nextInt(60_000) + "}"));
            case 3, 4 -> {
                if (!idField.isEmpty()) {
                    searched.add(id);
                }
                yield c.ev(InteractionEventType.SEARCH_PERFORMED, at)
                        .path("/search")
                        .eventData(Scenarios.data("{" + idField + "\"query\":\"rose\",\"resultsCount\":"
                                + random.nextInt(30)
                                + (random.nextBoolean()
                                        ? ",\"searchType\":\"refinement\"," + "\"previousQuery\":\"ros\""
                                        : "")
                                + "}"));
            }
            case 5 -> {
                String refined = random.nextBoolean() ? idField : "";
                if (!refined.isEmpty()) {
                    searched.add(id);
                }
                yield c.ev(InteractionEventType.SEARCH_REFINED, at)
                        .path("/search")
                        .eventData(Scenarios.data("{" + refined + "\"query\":\"rose oud\"}"));
            }
            case 6 ->
                c.ev(InteractionEventType.SEARCH_NO_RESULTS, at)
                        .path("/search")
                        .eventData(Scenarios.data(
                                random.nextBoolean() || searched.isEmpty() && !forward
                                        ? "{}"
                                        : "{\"searchId\":\"" + known + "\"}"));
            case 7, 8 ->
                c.ev(InteractionEventType.SEARCH_RESULT_CLICKED, at)
                        .path("/search")
                        .eventData(Scenarios.data("{"
                                + (random.nextBoolean() || searched.isEmpty() && !forward
                                        ? ""
                                        : "\"searchId\":\"" + known + "\",")
                                + "\"position\":" + random.nextInt(10) + ",\"perfumeId\":\"" + perfume + "\"}"));
            case 9 ->
                c.ev(
                                random.nextBoolean()
                                        ? InteractionEventType.WISHLIST_ADD
                                        : InteractionEventType.RATING_COMPLETED,
                                at)
                        .path("/perfume/" + perfume)
                        .perfumeId(perfume);
            case 10 -> c.ev(InteractionEventType.NAVIGATION_CLICK, at).path("/");
            default ->
                c.ev(InteractionEventType.COLLECTION_ADD, at)
                        .path("/collection")
                        .perfumeId(perfume);
        };
    }
}
