package com.newsmell.perfumestats.rating;

import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.RATING_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.perfumestats.Events;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, RatingEvent: {@code ratings: { overall?: number // 1-5, longevity?: number // 1-5, ... }}, the values of
 * PerfumeInteractionStats' {@code totalRatings} / {@code avgRating}.
 */
class RatingValuesTest {

    private static final Instant T = Instant.parse("2026-03-18T13:00:00Z");

    private final Events user = new Events("u-1");

    @Test
    @DisplayName("ratings { overall, longevity, sillage, priceValue, gender }: read in that order, absent ones null")
    void readsTheFiveDimensionsInOrder() {
        RatingValues v = RatingValues.of(user.rating(RATING_COMPLETED, "p1", T, 5, null, 3, 2, 1));

        assertThat(v.get(0)).isEqualByComparingTo("5");
        assertThat(v.get(1)).isNull();
        assertThat(v.get(2)).isEqualByComparingTo("3");
        assertThat(v.get(3)).isEqualByComparingTo("2");
        assertThat(v.get(4)).isEqualByComparingTo("1");
    }

    @Test
    @DisplayName("overall?: number // 1-5: a decimal rating such as 4.5 is kept exactly")
    void decimalRatingsAreKept() {
        RatingValues v = RatingValues.of(user.rating(RATING_COMPLETED, "p1", T, 4.5, 3.25));

        assertThat(v.get(0)).isEqualByComparingTo("4.5");
        assertThat(v.get(1)).isEqualByComparingTo("3.25");
    }

    @Test
    @DisplayName("ratings?: an event with no ratings object, or one with no value, carries no rating")
    void noValuesIsNoRating() {
        assertThat(RatingValues.of(user.rating(RATING_UPDATED, "p1", T))).isNull();
        assertThat(RatingValues.of(user.simple(RATING_COMPLETED, "p1", T))).isNull();
        assertThat(RatingValues.of(user.simple(InteractionEventType.PERFUME_VIEW, "p1", T)))
                .isNull();
    }

    @Test
    @DisplayName("ratings: a single dimension is a rating (longevity only)")
    void oneDimensionIsARating() {
        RatingValues v = RatingValues.of(user.rating(RATING_UPDATED, "p1", T, null, 4));

        assertThat(v).isNotNull();
        assertThat(v.get(0)).isNull();
        assertThat(v.get(1)).isEqualByComparingTo("4");
    }
}
