package com.newsmell.profile.rollup;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.NOTES_EXPANDED;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.RATING_UPDATED;
import static com.newsmell.contract.InteractionEventType.REVIEW_UPDATED;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.USER_REGISTERED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a batch of events adds to the rollups, pure. */
class RollupFoldTest {

    private static final Instant T = Instant.parse("2024-06-20T23:30:00Z");

    private static UserInteractionEvent.Builder event(InteractionEventType type, Instant at) {
        return WireEvents.event(type, "s", at).userId("u");
    }

    private static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    @DisplayName("per UTC day: counts per type, per UTC hour, search words, rating values, review lengths")
    void dayActivity() {
        ObjectNode rating = data();
        rating.putObject("ratings").put("overall", 4.5);
        Rollup r = RollupFold.fold(List.of(
                event(PAGE_VIEW, T).build(),
                event(PAGE_VIEW, T.plusSeconds(3600)).build(), // 00:30 the next UTC day
                event(SEARCH_PERFORMED, T)
                        .eventData(data().put("query", " Rose  OUD "))
                        .build(),
                event(SEARCH_PERFORMED, T)
                        .eventData(data().put("query", "x rose"))
                        .build(),
                event(RATING_COMPLETED, T).perfumeId("p").eventData(rating).build(),
                event(RATING_UPDATED, T).perfumeId("p").eventData(rating).build(),
                event(REVIEW_UPDATED, T)
                        .perfumeId("p")
                        .eventData(data().put("reviewLength", 40))
                        .build()));

        assertThat(r.days()).hasSize(2);
        DayActivity first = r.days().get(0);
        assertThat(first.day()).isEqualTo(LocalDate.parse("2024-06-20"));
        assertThat(first.eventCounts())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "PAGE_VIEW", 1L,
                        "SEARCH_PERFORMED", 2L,
                        "RATING_COMPLETED", 1L,
                        "RATING_UPDATED", 1L,
                        "REVIEW_UPDATED", 1L));
        assertThat(first.hourCounts()).containsExactly(Map.entry("23", 6L));
        assertThat(first.searchTerms()).containsExactly(Map.entry("oud", 1L), Map.entry("rose", 2L));
        assertThat(first.ratingCount()).isEqualTo(1); // RATING_COMPLETED only
        assertThat(first.ratingSum()).isEqualByComparingTo(new BigDecimal("4.5"));
        assertThat(first.reviewLengthCount()).isEqualTo(1);
        assertThat(first.reviewLengthSum()).isEqualTo(40);
        assertThat(r.days().get(1).hourCounts()).containsExactly(Map.entry("0", 1L));
        assertThat(r.lastActive()).containsExactly(Map.entry("u", T.plusSeconds(3600)));
    }

    @Test
    @DisplayName("anonymous and bot events add nothing")
    void anonymousAndBots() {
        Rollup r = RollupFold.fold(List.of(
                WireEvents.event(PAGE_VIEW, "s", T).build(),
                event(PAGE_VIEW, T).isBot(true).botReason("ua").build()));
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.days()).isEmpty();
    }

    @Test
    @DisplayName("per user, perfume and day: the preference signals; per user and perfume: views, duration, sources")
    void perfumeSignalsAndState() {
        Rollup r = RollupFold.fold(List.of(
                event(PERFUME_VIEW, T).perfumeId("p").duration(1500).build(),
                event(PERFUME_VIEW, T.plusSeconds(1))
                        .perfumeId("p")
                        .deviceType("mobile")
                        .eventData(data().put("source", "search").put("viewDuration", 2500.5))
                        .build(),
                event(NOTES_EXPANDED, T).perfumeId("p").build(),
                event(COLLECTION_ADD, T).perfumeId("p").build(),
                event(PAGE_VIEW, T).perfumeId("p").build()));

        assertThat(r.perfumeDays())
                .containsExactly(new PerfumeDay("u", "p", LocalDate.parse("2024-06-20"), 2, 1, 0, 0, 1));
        PerfumeState s = r.perfumes().get(0);
        assertThat(s.views()).isEqualTo(2);
        assertThat(s.viewDurationMs()).isEqualTo(4000.5);
        assertThat(s.sources()).containsExactly(Map.entry("search", 1L));
        assertThat(s.deviceTypes()).containsExactlyInAnyOrderEntriesOf(Map.of("desktop", 1L, "mobile", 1L));
        assertThat(s.firstInteraction()).isEqualTo(T);
        assertThat(s.lastInteraction()).isEqualTo(T.plusSeconds(1));
        assertThat(s.inCollection()).isTrue();
        assertThat(s.inWishlist()).isFalse();
        assertThat(s.interactions())
                .as("every event with the perfume, of any type")
                .isEqualTo(5);
        assertThat(s.lastViewedAt()).as("the latest PERFUME_VIEW").isEqualTo(T.plusSeconds(1));
    }

    @Test
    @DisplayName("issue #12: a perfume never viewed has interactions but no last view")
    void interactionsWithoutAView() {
        Rollup r = RollupFold.fold(List.of(
                event(WISHLIST_ADD, T.plusSeconds(5)).perfumeId("p").build(),
                event(NOTES_EXPANDED, T).perfumeId("p").build(),
                event(PERFUME_VIEW, T.plusSeconds(9)).perfumeId("q").build(),
                event(PERFUME_VIEW, T.plusSeconds(2)).perfumeId("q").build()));

        assertThat(r.perfumes()).extracting(PerfumeState::perfumeId).containsExactly("p", "q");
        assertThat(r.perfumes().get(0).interactions()).isEqualTo(2);
        assertThat(r.perfumes().get(0).lastViewedAt()).isNull();
        assertThat(r.perfumes().get(1).interactions()).isEqualTo(2);
        assertThat(r.perfumes().get(1).lastViewedAt()).as("in any order").isEqualTo(T.plusSeconds(9));
    }

    @Test
    @DisplayName("ADR 0020: each user's earliest event and earliest USER_REGISTERED, in any order")
    void signupInputs() {
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                event(PAGE_VIEW, T.plusSeconds(10)).build(),
                event(USER_REGISTERED, T.plusSeconds(30)).build(),
                event(USER_REGISTERED, T.plusSeconds(20)).build(),
                event(PAGE_VIEW, T.plusSeconds(40)).build(),
                WireEvents.event(PAGE_VIEW, "s", T).userId("v").build(),
                WireEvents.event(USER_REGISTERED, "s", T.minusSeconds(5))
                        .userId("w")
                        .isBot(true)
                        .botReason("ua")
                        .build(),
                WireEvents.event(PAGE_VIEW, "s", T.minusSeconds(9)).userId("w").build()));
        for (int i = 0; i < 2; i++) {
            Rollup r = RollupFold.fold(events);
            assertThat(r.firstEvent())
                    .containsExactly(
                            Map.entry("u", T.plusSeconds(10)), Map.entry("v", T), Map.entry("w", T.minusSeconds(9)));
            assertThat(r.registered())
                    .as("the earliest registration wins; a bot's counts nowhere; v and w have none")
                    .containsExactly(Map.entry("u", T.plusSeconds(20)));
            assertThat(r.lastActive()).containsEntry("u", T.plusSeconds(40));
            assertThat(r.days().get(0).eventCounts())
                    .as("a registration is an event of its day like any other")
                    .containsEntry("USER_REGISTERED", 2L);
            Collections.reverse(events);
        }
    }

    @Test
    @DisplayName("membership: the latest add or remove by time wins, ties by eventId, in any arrival order")
    void membershipIsOrderIndependent() {
        List<UserInteractionEvent> events = new ArrayList<>(List.of(
                event(WISHLIST_ADD, T).perfumeId("p").build(),
                event(WISHLIST_REMOVE, T.plusSeconds(1)).perfumeId("p").build(),
                event(WISHLIST_ADD, T.plusSeconds(2)).perfumeId("q").build(),
                event(WISHLIST_ADD, T.plusSeconds(3)).perfumeId("q").build(),
                event(WISHLIST_ADD, T)
                        .perfumeId("r")
                        .eventId("00000000-0000-0000-0000-00000000000b")
                        .build(),
                event(WISHLIST_REMOVE, T)
                        .perfumeId("r")
                        .eventId("00000000-0000-0000-0000-00000000000a")
                        .build()));
        for (int i = 0; i < 2; i++) {
            Map<String, Boolean> in = new java.util.TreeMap<>();
            RollupFold.fold(events).perfumes().forEach(s -> in.put(s.perfumeId(), s.inWishlist()));
            assertThat(in).containsExactly(Map.entry("p", false), Map.entry("q", true), Map.entry("r", true));
            Collections.reverse(events);
        }
    }

    @Test
    @DisplayName("the current rating is the latest RATING_COMPLETED or RATING_UPDATED")
    void latestRating() {
        ObjectNode five = data();
        five.putObject("ratings").put("overall", 5);
        ObjectNode two = data();
        two.putObject("ratings").put("overall", 2);
        Rollup r = RollupFold.fold(List.of(
                event(RATING_UPDATED, T.plusSeconds(60))
                        .perfumeId("p")
                        .eventData(two)
                        .build(),
                event(RATING_COMPLETED, T).perfumeId("p").eventData(five).build()));
        assertThat(r.perfumes().get(0).rating().value()).isEqualByComparingTo("2");
        assertThat(r.perfumes().get(0).rating().at()).isEqualTo(T.plusSeconds(60));
    }
}
