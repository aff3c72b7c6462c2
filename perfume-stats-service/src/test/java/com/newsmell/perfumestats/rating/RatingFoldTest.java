package com.newsmell.perfumestats.rating;

import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.RATING_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.Events;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats: {@code totalRatings Int @default(0)}, {@code avgRating Float?}, from
 * {@code RATING_COMPLETED} / {@code RATING_UPDATED} (RatingEvent {@code ratings: { overall?: number // 1-5 ... }}):
 * one rating per user and perfume, the latest by event time.
 */
class RatingFoldTest {

    private static final Instant T = Instant.parse("2026-03-18T13:00:00Z");

    /** By value: 4 and 4.0 are the same rating. */
    private static final Comparator<BigDecimal> BY_VALUE = Comparator.nullsFirst(BigDecimal::compareTo);

    private final Events user = new Events("u-1");

    @Test
    @DisplayName("RATING_COMPLETED on a new pair: totalRatings +1 and its values added to the sums")
    void aFirstRatingAddsItsValues() {
        PerfumeRating r = fresh();

        RatingDelta d = fold(r, user.rating(RATING_COMPLETED, "p1", T, 4, 3));

        assertThat(d.counts).containsExactly(1, 1, 0, 0, 0);
        assertThat(d.sums).usingElementComparator(BY_VALUE).containsExactly(dec(4), dec(3), dec(0), dec(0), dec(0));
        assertThat(r.values().values())
                .usingElementComparator(BY_VALUE)
                .containsExactly(dec(4), dec(3), null, null, null);
        assertThat(r.asOf).isEqualTo(T);
    }

    @Test
    @DisplayName("RATING_UPDATED replaces the user's rating wholesale: never a second rating, an absent dimension"
            + " is no longer rated")
    void anUpdateReplacesTheRatingWholesale() {
        PerfumeRating r = stored(T, dec(4), dec(3));

        RatingDelta d = fold(r, user.rating(RATING_UPDATED, "p1", T.plusSeconds(1), 2));

        assertThat(d.counts).containsExactly(0, -1, 0, 0, 0);
        assertThat(d.sums).usingElementComparator(BY_VALUE).containsExactly(dec(-2), dec(-3), dec(0), dec(0), dec(0));
        assertThat(r.overall).isEqualByComparingTo(dec(2));
        assertThat(r.longevity).isNull();
        assertThat(r.asOf).isEqualTo(T.plusSeconds(1));
    }

    @Test
    @DisplayName(
            "the latest by event time wins: an older update arriving late, or one at the same time, changes nothing")
    void anEventNotLaterThanTheStoredOneChangesNothing() {
        PerfumeRating r = stored(T, dec(4));

        Map<String, RatingDelta> older =
                RatingFold.fold(List.of(r), Map.of(r.key(), user.rating(RATING_UPDATED, "p1", T.minusSeconds(1), 1)));
        Map<String, RatingDelta> same =
                RatingFold.fold(List.of(r), Map.of(r.key(), user.rating(RATING_UPDATED, "p1", T, 1)));

        assertThat(older).isEmpty();
        assertThat(same).isEmpty();
        assertThat(r.overall).isEqualByComparingTo(dec(4));
        assertThat(r.asOf).isEqualTo(T);
    }

    @Test
    @DisplayName("a rating event without values changes no one's rating")
    void anEventWithoutValuesChangesNothing() {
        PerfumeRating r = stored(T, dec(4));

        Map<String, RatingDelta> delta =
                RatingFold.fold(List.of(r), Map.of(r.key(), user.rating(RATING_UPDATED, "p1", T.plusSeconds(1))));

        assertThat(delta).isEmpty();
        assertThat(r.overall).isEqualByComparingTo(dec(4));
    }

    @Test
    @DisplayName("avgRating over users: two users' ratings of one perfume add up in one delta")
    void ratingsOfOnePerfumeAddUp() {
        PerfumeRating mine = fresh();
        PerfumeRating theirs = fresh();
        theirs.userKey = "u-2";
        UserInteractionEvent myRating = user.rating(RATING_COMPLETED, "p1", T, 5);
        UserInteractionEvent theirRating = new Events("u-2").rating(RATING_COMPLETED, "p1", T, 2);

        Map<String, RatingDelta> delta =
                RatingFold.fold(List.of(mine, theirs), Map.of(mine.key(), myRating, theirs.key(), theirRating));

        assertThat(delta.get("p1").counts[0]).isEqualTo(2);
        assertThat(delta.get("p1").sums[0]).isEqualByComparingTo(dec(7));
    }

    private RatingDelta fold(PerfumeRating r, UserInteractionEvent event) {
        return RatingFold.fold(List.of(r), Map.of(r.key(), event)).get("p1");
    }

    /** A row just created with its key: no event applied yet. */
    private static PerfumeRating fresh() {
        PerfumeRating r = new PerfumeRating();
        r.userKey = "u-1";
        r.perfumeId = "p1";
        return r;
    }

    private static BigDecimal dec(long value) {
        return BigDecimal.valueOf(value);
    }

    private static PerfumeRating stored(Instant asOf, BigDecimal... values) {
        PerfumeRating r = fresh();
        BigDecimal[] all = new BigDecimal[RatingValues.DIMENSIONS];
        System.arraycopy(values, 0, all, 0, values.length);
        r.set(RatingValues.of(all));
        r.asOf = asOf;
        return r;
    }
}
