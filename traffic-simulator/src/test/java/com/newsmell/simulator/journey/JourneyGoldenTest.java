package com.newsmell.simulator.journey;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the generator's output for fixed seeds: the event counts by type and a digest of every event. A change to
 * how journeys are written must not change a single event (id, time, page, data); a change to what journeys do
 * must update these figures on purpose.
 */
class JourneyGoldenTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** Events by type: for seed 42 (400 sessions, 5% bots), then for seed 7 (6,000 events, 20% bots). */
    private static final Map<InteractionEventType, int[]> COUNTS = Map.ofEntries(
            entry(InteractionEventType.PAGE_VIEW, new int[] {1139, 773}),
            entry(InteractionEventType.PERFUME_VIEW, new int[] {1552, 1064}),
            entry(InteractionEventType.HOUSE_VIEW, new int[] {208, 191}),
            entry(InteractionEventType.COLLECTION_VIEW, new int[] {86, 37}),
            entry(InteractionEventType.SEARCH_PERFORMED, new int[] {461, 265}),
            entry(InteractionEventType.SEARCH_RESULT_CLICKED, new int[] {308, 164}),
            entry(InteractionEventType.SEARCH_NO_RESULTS, new int[] {75, 46}),
            entry(InteractionEventType.FILTER_APPLIED, new int[] {60, 42}),
            entry(InteractionEventType.RATING_STARTED, new int[] {62, 31}),
            entry(InteractionEventType.RATING_COMPLETED, new int[] {53, 25}),
            entry(InteractionEventType.REVIEW_STARTED, new int[] {15, 9}),
            entry(InteractionEventType.REVIEW_SUBMITTED, new int[] {14, 5}),
            entry(InteractionEventType.WISHLIST_ADD, new int[] {114, 55}),
            entry(InteractionEventType.WISHLIST_REMOVE, new int[] {41, 19}),
            entry(InteractionEventType.COLLECTION_ADD, new int[] {44, 17}),
            entry(InteractionEventType.IMAGE_VIEWED, new int[] {598, 341}),
            entry(InteractionEventType.IMAGE_ZOOMED, new int[] {171, 106}),
            entry(InteractionEventType.NOTES_EXPANDED, new int[] {715, 411}),
            entry(InteractionEventType.NOTES_COLLAPSED, new int[] {171, 95}),
            entry(InteractionEventType.SIMILAR_CLICKED, new int[] {108, 56}),
            entry(InteractionEventType.HOUSE_LINK_CLICKED, new int[] {71, 33}),
            entry(InteractionEventType.PROFILE_VIEWED, new int[] {16, 5}),
            entry(InteractionEventType.TRADE_INQUIRY, new int[] {24, 13}),
            entry(InteractionEventType.NAVIGATION_CLICK, new int[] {145, 86}),
            entry(InteractionEventType.BACK_BUTTON, new int[] {118, 66}),
            entry(InteractionEventType.TRADE_OFFERED, new int[] {13, 5}),
            entry(InteractionEventType.TRADE_ACCEPTED, new int[] {1, 2}),
            entry(InteractionEventType.RECOMMENDATION_SHOWN, new int[] {2963, 1713}),
            entry(InteractionEventType.RECOMMENDATION_CLICKED, new int[] {393, 268}),
            entry(InteractionEventType.RECOMMENDATION_FEEDBACK, new int[] {114, 54}),
            entry(InteractionEventType.TRADE_DECLINED, new int[] {6, 3}));

    @Test
    void seed42SessionsArePinned() {
        List<UserInteractionEvent> events = JourneyGenerator.create(42, 200, 0.05).sessions(400, NOW).stream()
                .flatMap(s -> s.events().stream())
                .toList();
        assertEquals(expected(0), countsByType(events));
        assertEquals("6e3e9f1e1a2cacecbe66d07a9f39f2262698c7f714287b1362a17921f442166b", digest(events));
    }

    @Test
    void seed7EventsWithManyBotsArePinned() {
        List<UserInteractionEvent> events = JourneyGenerator.create(7, 100, 0.2).events(6_000, NOW);
        assertEquals(expected(1), countsByType(events));
        assertEquals("d6d421c94b7727d92640d48cffdf1a69b96de6c43f9aabfb8b47e9dad484b258", digest(events));
    }

    /** Column {@code column} of {@link #COUNTS}, types with no event left out. */
    private static Map<InteractionEventType, Integer> expected(int column) {
        Map<InteractionEventType, Integer> out = new EnumMap<>(InteractionEventType.class);
        COUNTS.forEach((type, counts) -> {
            if (counts[column] > 0) {
                out.put(type, counts[column]);
            }
        });
        return out;
    }

    private static Map<InteractionEventType, Integer> countsByType(List<UserInteractionEvent> events) {
        return events.stream()
                .collect(Collectors.groupingBy(
                        UserInteractionEvent::eventType,
                        () -> new EnumMap<>(InteractionEventType.class),
                        Collectors.summingInt(e -> 1)));
    }

    /** SHA-256 over every field the generator sets, event by event (independent of the wire format). */
    private static String digest(List<UserInteractionEvent> events) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (UserInteractionEvent e : events) {
            String line = String.join(
                    "|",
                    e.eventId(),
                    e.eventType().name(),
                    Objects.toString(e.userId()),
                    e.sessionId(),
                    e.timestamp().toString(),
                    Objects.toString(e.sentAt()),
                    Objects.toString(e.perfumeId()),
                    Objects.toString(e.houseId()),
                    Objects.toString(e.noteId()),
                    Objects.toString(e.recommendationId()),
                    e.eventData().toString(),
                    Objects.toString(e.userAgent()),
                    Objects.toString(e.referrer()),
                    Objects.toString(e.path()),
                    Objects.toString(e.duration()),
                    Objects.toString(e.value()),
                    Objects.toString(e.pageScrollPosition()),
                    Objects.toString(e.timeOnPage()));
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
