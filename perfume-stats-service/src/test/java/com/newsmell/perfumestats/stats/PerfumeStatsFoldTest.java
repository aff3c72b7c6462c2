package com.newsmell.perfumestats.stats;

import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_SHOWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.perfumestats.Events;
import com.newsmell.perfumestats.membership.ListKind;
import com.newsmell.perfumestats.rating.RatingDelta;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats and Aggregation Schedules ({@code perfumeViewCount: "immediate"},
 * {@code wishlistCount: "immediate"}): a batch's tally is added to the locked rows of its perfumes.
 */
class PerfumeStatsFoldTest {

    private static final Instant T = Instant.parse("2026-03-18T13:47:10Z");
    private static final Instant NOW = Instant.parse("2026-03-18T13:50:00Z");

    private final Events user = new Events("u-1");

    @Test
    @DisplayName("totalViews, uniqueViewers, lastViewedAt DateTime?, updatedAt DateTime @updatedAt: added to the row")
    void viewsAreAddedToTheRow() {
        PerfumeInteractionStats row = row("p1");
        row.totalViews = 10;
        row.lastViewedAt = T.plusSeconds(60); // a later view already applied stays the latest

        fold(row, BatchTally.of(List.of(user.view("p1", T, 400), user.view("p1", T))), Map.of(), Map.of());

        assertThat(row.totalViews).isEqualTo(12);
        assertThat(row.uniqueViewers).isEqualTo(1);
        assertThat(row.viewersSketch).isNotNull();
        assertThat(row.lastViewedAt).isEqualTo(T.plusSeconds(60));
        assertThat(row.avgViewDuration).isEqualTo(400.0);
        assertThat(row.updatedAt).isEqualTo(NOW);
    }

    @Test
    @DisplayName("recommendationImprs / recommendationCTR Float?: counters added, the CTR derived again")
    void countersAndDerivedFields() {
        PerfumeInteractionStats row = row("p1");
        row.recommendationClicks = 1;

        fold(
                row,
                BatchTally.of(List.of(
                        user.recommendation(RECOMMENDATION_SHOWN, "p1", T),
                        user.recommendation(RECOMMENDATION_SHOWN, "p1", T))),
                Map.of(),
                Map.of());

        assertThat(row.recommendationImprs).isEqualTo(2);
        assertThat(row.recommendationCtr).isEqualTo(0.5);
    }

    @Test
    @DisplayName("inWishlistCount Int @default(0) / inCollectionCount: the list changes added, never below 0")
    void listCountsNeverGoBelowZero() {
        PerfumeInteractionStats row = row("p1");
        row.inWishlistCount = 1;

        fold(
                row,
                BatchTally.of(List.of(user.simple(InteractionEventType.WISHLIST_REMOVE, "p1", T))),
                Map.of(ListKind.WISHLIST, Map.of("p1", -2), ListKind.COLLECTION, Map.of("p1", 1)),
                Map.of());

        assertThat(row.inWishlistCount).isZero();
        assertThat(row.inCollectionCount).isEqualTo(1);
    }

    @Test
    @DisplayName("totalRatings Int @default(0) / avgRating Float?: the rating sums and counts change, the mean follows")
    void ratingDeltaIsAdded() {
        PerfumeInteractionStats row = row("p1");
        row.totalRatings = 1;
        row.overallSum = BigDecimal.valueOf(2);
        RatingDelta delta = new RatingDelta();
        delta.sums[0] = BigDecimal.valueOf(4);
        delta.counts[0] = 1;
        delta.sums[2] = BigDecimal.valueOf(3);
        delta.counts[2] = 1;

        fold(
                row,
                BatchTally.of(List.of(user.rating(InteractionEventType.RATING_COMPLETED, "p1", T, 4, null, 3))),
                Map.of(),
                Map.of("p1", delta));

        assertThat(row.totalRatings).isEqualTo(2);
        assertThat(row.avgRating).isEqualTo(3.0);
        assertThat(row.avgSillage).isEqualTo(3.0);
        assertThat(row.avgLongevity).isNull();
    }

    @Test
    @DisplayName("houseId: the latest by event time wins over the stored one only when later")
    void houseIsTheLatestSeen() {
        PerfumeInteractionStats row = row("p1");
        row.houseId = "h-stored";
        row.houseSeenAt = T;

        fold(
                row,
                BatchTally.of(List.of(user.of(InteractionEventType.PERFUME_VIEW, "p1", T.minusSeconds(1))
                        .houseId("h-older")
                        .build())),
                Map.of(),
                Map.of());
        assertThat(row.houseId).isEqualTo("h-stored");

        fold(
                row,
                BatchTally.of(List.of(user.of(InteractionEventType.PERFUME_VIEW, "p1", T.plusSeconds(1))
                        .houseId("h-newer")
                        .build())),
                Map.of(),
                Map.of());
        assertThat(row.houseId).isEqualTo("h-newer");
        assertThat(row.houseSeenAt).isEqualTo(T.plusSeconds(1));
    }

    /**
     * Issue #21: viewsLast7Days lagged the raw store (714 against 881 views before its asOf) because views consumed
     * after the hourly run were left out of the windows of its asOf.
     */
    @Test
    @DisplayName("viewsLast7Days / viewsLast30Days, views with timestamp in [asOf - N days, asOf): a view consumed"
            + " after the hourly job is added to each window of the row's asOf it falls in")
    void viewsConsumedLaterAreAddedToTheWindowsOfTheRowsAsOf() {
        Instant asOf = Instant.parse("2026-03-18T13:00:00Z");
        PerfumeInteractionStats row = row("p1");
        row.windowsAsOf = asOf;
        row.viewsLast7Days = 10;
        row.viewsLast30Days = 20;

        fold(
                row,
                BatchTally.of(List.of(
                        user.view("p1", asOf.minusMillis(1)), // both
                        user.view("p1", asOf.minus(Duration.ofDays(7))), // both: the 7-day window's first instant
                        user.view("p1", asOf.minus(Duration.ofDays(7)).minusMillis(1)), // 30 days only
                        user.view("p1", asOf.minus(Duration.ofDays(30))), // 30 days only: its first instant
                        user.view("p1", asOf.minus(Duration.ofDays(30)).minusMillis(1)), // neither: too old
                        user.view("p1", asOf), // neither: the windows end before asOf
                        Events.bot(user.view("p1", asOf.minusSeconds(60))))), // neither: a bot's
                Map.of(),
                Map.of());

        assertThat(row.viewsLast7Days).isEqualTo(12);
        assertThat(row.viewsLast30Days).isEqualTo(24);
        assertThat(row.totalViews).isEqualTo(6);
    }

    @Test
    @DisplayName("viewsLast7Days: a row whose windows the hourly job hasn't computed yet (asOf null) keeps 0")
    void aRowWithoutWindowsGetsNone() {
        PerfumeInteractionStats row = row("p1");

        fold(row, BatchTally.of(List.of(user.view("p1", T))), Map.of(), Map.of());

        assertThat(row.viewsLast7Days).isZero();
        assertThat(row.viewsLast30Days).isZero();
        assertThat(row.totalViews).isEqualTo(1);
    }

    @Test
    @DisplayName("issue #21, lastViewedAt DateTime?: never later than the view was received")
    void lastViewedAtIsNeverLaterThanTheViewWasReceived() {
        PerfumeInteractionStats row = row("p1");

        fold(
                row,
                BatchTally.of(List.of(user.of(InteractionEventType.PERFUME_VIEW, "p1", NOW.plusSeconds(3600))
                        .receivedAt(NOW)
                        .build())),
                Map.of(),
                Map.of());

        assertThat(row.lastViewedAt).isEqualTo(NOW);
    }

    private static PerfumeInteractionStats row(String perfumeId) {
        PerfumeInteractionStats row = new PerfumeInteractionStats();
        row.perfumeId = perfumeId;
        return row;
    }

    private static void fold(
            PerfumeInteractionStats row,
            BatchTally tally,
            Map<ListKind, Map<String, Integer>> listDelta,
            Map<String, RatingDelta> ratingDelta) {
        PerfumeStatsFold.fold(List.of(row), tally, listDelta, ratingDelta, 14, NOW);
    }
}
