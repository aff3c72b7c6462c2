package com.newsmell.perfumestats.stats;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.COLLECTION_UPDATE;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.RATING_STARTED;
import static com.newsmell.contract.InteractionEventType.RATING_UPDATED;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_CLICKED;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_SHOWN;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.REVIEW_UPDATED;
import static com.newsmell.contract.InteractionEventType.TRADE_ACCEPTED;
import static com.newsmell.contract.InteractionEventType.TRADE_INQUIRY;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.Events;
import com.newsmell.perfumestats.membership.Membership;
import com.newsmell.perfumestats.rating.PerfumeRating;
import com.newsmell.perfumestats.timeseries.BucketKey;
import com.newsmell.perfumestats.timeseries.Counters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, Aggregation Schedules: {@code perfumeViewCount: "immediate"}, {@code wishlistCount: "immediate"}: each
 * consumed batch is tallied per perfume, per (perfume, hour) and per (perfume, day) into the counters of
 * PerfumeInteractionStats and its hourly/daily aggregations.
 */
class BatchTallyTest {

    private static final Instant T = Instant.parse("2026-03-18T13:47:10.250Z");

    private final Events user = new Events("u-1");
    private final Events anonymous = new Events(null);

    @Test
    @DisplayName("totalViews Int @default(0): PERFUME_VIEW events, counted per perfume, hour and day")
    void viewsAreCountedPerPerfumeHourAndDay() {
        BatchTally tally = BatchTally.of(List.of(
                user.view("p1", T), user.view("p1", T.plusSeconds(3600)), user.view("p2", T), anonymous.view("p1", T)));

        assertThat(tally.perfumes().get("p1").counters.views).isEqualTo(3);
        assertThat(tally.perfumes().get("p2").counters.views).isEqualTo(1);
        assertThat(tally.hours().get(new BucketKey("p1", Instant.parse("2026-03-18T13:00:00Z"))).views)
                .isEqualTo(2);
        assertThat(tally.hours().get(new BucketKey("p1", Instant.parse("2026-03-18T14:00:00Z"))).views)
                .isEqualTo(1);
        assertThat(tally.days().get(new BucketKey("p1", Instant.parse("2026-03-18T00:00:00Z"))).views)
                .isEqualTo(3);
    }

    @Test
    @DisplayName("uniqueViewers / lastViewedAt DateTime?: a viewer is the userId, else the session; the latest view")
    void viewersAndLatestView() {
        BatchTally tally = BatchTally.of(List.of(
                user.view("p1", T.plusSeconds(5)), user.view("p1", T), anonymous.view("p1", T.minusSeconds(5))));

        PerfumeTally p1 = tally.perfumes().get("p1");
        assertThat(p1.viewers).containsExactly("u-1", "session:" + anonymous.sessionId);
        assertThat(p1.lastViewedAt).isEqualTo(T.plusSeconds(5));
    }

    @Test
    @DisplayName("avgViewDuration: eventData.viewDuration (PageViewEvent, ms), else the envelope's duration (ms)")
    void viewDurationFromEventDataElseTheEnvelope() {
        BatchTally tally = BatchTally.of(List.of(
                user.view("p1", T, 1_200),
                user.of(PERFUME_VIEW, "p1", T).duration(800).build(),
                user.view("p1", T))); // no duration: a view, but not in the mean

        Counters c = tally.perfumes().get("p1").counters;
        assertThat(c.views).isEqualTo(3);
        assertThat(c.viewDurationSum).isEqualByComparingTo("2000");
        assertThat(c.viewDurationCount).isEqualTo(2);
    }

    @Test
    @DisplayName("isBot traffic and events without a timestamp change no figure")
    void botsAndEventsWithoutATimeAreLeftOut() {
        BatchTally tally = BatchTally.of(List.of(
                Events.bot(user.view("p1", T)),
                user.of(PERFUME_VIEW, "p1", T).timestamp(null).build(),
                Events.bot(user.simple(WISHLIST_ADD, "p1", T))));

        assertThat(tally.isEmpty()).isTrue();
        assertThat(tally.hours()).isEmpty();
        assertThat(tally.latestMembershipChange()).isEmpty();
    }

    @Test
    @DisplayName(
            "events that change no PerfumeInteractionStats field (PAGE_VIEW, RATING_STARTED, REVIEW_UPDATED) make no row")
    void eventsThatChangeNoFigureMakeNoRow() {
        BatchTally tally = BatchTally.of(List.of(
                user.simple(PAGE_VIEW, "p1", T),
                user.simple(RATING_STARTED, "p1", T),
                user.simple(REVIEW_UPDATED, "p1", T),
                user.simple(PERFUME_VIEW, " ", T)));

        assertThat(tally.isEmpty()).isTrue();
    }

    @Test
    @DisplayName(
            "totalReviews, tradeInquiries, tradeCompleted, recommendationImprs, recommendationClicks: one per event")
    void eventCounters() {
        BatchTally tally = BatchTally.of(List.of(
                user.simple(REVIEW_SUBMITTED, "p1", T),
                user.simple(TRADE_INQUIRY, "p1", T),
                user.simple(TRADE_INQUIRY, "p1", T),
                user.simple(TRADE_ACCEPTED, "p1", T),
                user.recommendation(RECOMMENDATION_SHOWN, "p1", T),
                user.recommendation(RECOMMENDATION_SHOWN, "p1", T),
                user.recommendation(RECOMMENDATION_CLICKED, "p1", T)));

        Counters c = tally.perfumes().get("p1").counters;
        assertThat(c.reviews).isEqualTo(1);
        assertThat(c.tradeInquiries).isEqualTo(2);
        assertThat(c.tradeCompleted).isEqualTo(1);
        assertThat(c.recommendationImprs).isEqualTo(2);
        assertThat(c.recommendationClicks).isEqualTo(1);
    }

    @Test
    @DisplayName("searchImpressions: +1 per search listing the perfume (once even if listed twice); searchClicks:"
            + " the clicked result")
    void searchImpressionsAndClicks() {
        BatchTally tally = BatchTally.of(List.of(
                user.search(T, "p1", "p2", "p1", " "),
                user.search(T.plusSeconds(1), "p1"),
                user.searchClick("p2", T.plusSeconds(2))));

        assertThat(tally.perfumes().get("p1").counters.searchImpressions).isEqualTo(2);
        assertThat(tally.perfumes().get("p2").counters.searchImpressions).isEqualTo(1);
        assertThat(tally.perfumes().get("p2").counters.searchClicks).isEqualTo(1);
        assertThat(tally.perfumes()).containsOnlyKeys("p1", "p2");
        assertThat(tally.days().get(new BucketKey("p1", Instant.parse("2026-03-18T00:00:00Z"))).searchImpressions)
                .isEqualTo(2);
    }

    @Test
    @DisplayName("inWishlistCount / inCollectionCount: per (list, user, perfume) the latest add or remove by event"
            + " time, the first on equal times; COLLECTION_UPDATE changes no list")
    void latestMembershipChangePerTriple() {
        UserInteractionEvent add = user.simple(WISHLIST_ADD, "p1", T);
        UserInteractionEvent sameTimeRemove = user.simple(WISHLIST_REMOVE, "p1", T);
        UserInteractionEvent earlierRemove = user.simple(WISHLIST_REMOVE, "p1", T.minusSeconds(1));
        UserInteractionEvent collected = user.simple(COLLECTION_ADD, "p1", T);

        BatchTally tally = BatchTally.of(
                List.of(add, sameTimeRemove, earlierRemove, collected, user.simple(COLLECTION_UPDATE, "p2", T)));

        assertThat(tally.latestMembershipChange())
                .containsExactly(
                        Map.entry(new Membership.Key("collection", "u-1", "p1"), collected),
                        Map.entry(new Membership.Key("wishlist", "u-1", "p1"), add));
        assertThat(tally.perfumes().get("p1").counters.wishlistAdds).isEqualTo(1);
        assertThat(tally.perfumes().get("p1").counters.collectionAdds).isEqualTo(1);
        assertThat(tally.perfumes()).doesNotContainKey("p2");
    }

    @Test
    @DisplayName("totalRatings: per (user, perfume) the latest rating event carrying ratings; every rating event is"
            + " counted in the buckets")
    void latestRatingPerPair() {
        UserInteractionEvent first = user.rating(RATING_COMPLETED, "p1", T, 3);
        UserInteractionEvent update = user.rating(RATING_UPDATED, "p1", T.plusSeconds(60), 5);
        UserInteractionEvent empty = user.rating(RATING_UPDATED, "p1", T.plusSeconds(120));

        BatchTally tally = BatchTally.of(List.of(update, first, empty));

        assertThat(tally.latestRating()).containsOnlyKeys(new PerfumeRating.Key("u-1", "p1"));
        assertThat(tally.latestRating().get(new PerfumeRating.Key("u-1", "p1"))).isSameAs(update);
        assertThat(tally.perfumes().get("p1").counters.ratings).isEqualTo(3);
    }

    @Test
    @DisplayName("houseId: the latest (by event time) houseId seen on the perfume's events")
    void latestHouse() {
        BatchTally tally = BatchTally.of(List.of(
                user.of(PERFUME_VIEW, "p1", T).houseId("h-new").build(),
                user.of(PERFUME_VIEW, "p1", T.minusSeconds(1)).houseId("h-old").build(),
                user.of(PERFUME_VIEW, "p1", T.plusSeconds(1)).houseId(" ").build()));

        assertThat(tally.perfumes().get("p1").houseId).isEqualTo("h-new");
        assertThat(tally.perfumes().get("p1").houseSeenAt).isEqualTo(T);
    }

    @Test
    @DisplayName("issue #21, no stored time later than the event was received: a view timed ahead of its receivedAt"
            + " counts in receivedAt's hour and day, and lastViewedAt and the house's time are receivedAt")
    void anEventAheadOfItsReceiptCountsAtItsReceipt() {
        Instant received = Instant.parse("2026-03-18T23:59:59Z");
        BatchTally tally = BatchTally.of(List.of(user.of(PERFUME_VIEW, "p1", received.plusSeconds(7200))
                .receivedAt(received)
                .houseId("h-1")
                .build()));

        PerfumeTally p1 = tally.perfumes().get("p1");
        assertThat(p1.lastViewedAt).isEqualTo(received);
        assertThat(p1.houseSeenAt).isEqualTo(received);
        assertThat(p1.viewsByHour).containsExactly(Map.entry(Instant.parse("2026-03-18T23:00:00Z"), 1));
        assertThat(tally.hours()).containsOnlyKeys(new BucketKey("p1", Instant.parse("2026-03-18T23:00:00Z")));
        assertThat(tally.days()).containsOnlyKeys(new BucketKey("p1", Instant.parse("2026-03-18T00:00:00Z")));
    }

    @Test
    @DisplayName("the perfumes a batch changes come sorted (the order their rows are locked in)")
    void perfumeIdsAreSorted() {
        BatchTally tally = BatchTally.of(List.of(user.view("p3", T), user.view("p1", T), user.view("p2", T)));

        assertThat(tally.perfumeIds()).containsExactly("p1", "p2", "p3");
    }
}
