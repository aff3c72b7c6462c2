package com.newsmell.recommendation.attribution;

import static com.newsmell.recommendation.attribution.Ledger.conversion;
import static com.newsmell.recommendation.attribution.Ledger.impression;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The attribution rule (ADR 0023), pure. */
class AttributionTest {

    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    @Test
    @DisplayName("a wishlist add by the viewer within the window is credited to the impression")
    void withinTheWindow() {
        LedgerRow shown = impression(1, "r-1", "p-1", "u-1", "s-1", T0);
        Map<Long, Outcome> out = Attribution.attribute(
                List.of(shown),
                List.of(
                        conversion("view", "p-1", "u-1", "s-1", null, T0.plusSeconds(30)),
                        conversion("wishlist", "p-1", "u-1", "s-9", null, T0.plus(Duration.ofDays(6)))),
                WINDOW);

        Outcome o = out.get(1L);
        assertThat(o.viewed()).isTrue();
        assertThat(o.viewTime()).isEqualTo(T0.plusSeconds(30));
        assertThat(o.addedToWishlist()).isTrue();
        assertThat(o.converted()).isTrue();
        assertThat(o.firstConversionTime()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    @DisplayName("a conversion at or after impression + window, or before the impression, is not credited")
    void outsideTheWindow() {
        LedgerRow shown = impression(1, "r-1", "p-1", "u-1", "s-1", T0);
        Map<Long, Outcome> out = Attribution.attribute(
                List.of(shown),
                List.of(
                        conversion("purchase", "p-1", "u-1", "s-1", null, T0.plus(WINDOW)),
                        conversion(
                                "wishlist",
                                "p-1",
                                "u-1",
                                "s-1",
                                "r-1",
                                T0.plus(WINDOW).plusSeconds(1)),
                        conversion("collection", "p-1", "u-1", "s-1", null, T0.minusSeconds(1))),
                WINDOW);

        assertThat(out).isEmpty();
        assertThat(Attribution.qualifies(shown, T0, WINDOW)).isTrue();
        assertThat(Attribution.qualifies(shown, T0.plus(WINDOW).minusMillis(1), WINDOW))
                .isTrue();
    }

    @Test
    @DisplayName("two impressions of one perfume to one viewer: the latest earlier one gets it (last touch)")
    void lastTouch() {
        LedgerRow first = impression(1, "r-1", "p-1", "u-1", "s-1", T0);
        LedgerRow second = impression(2, "r-2", "p-1", "u-1", "s-2", T0.plus(Duration.ofDays(2)));
        LedgerRow later = impression(3, "r-3", "p-1", "u-1", "s-3", T0.plus(Duration.ofDays(4)));
        Map<Long, Outcome> out = Attribution.attribute(
                List.of(first, second, later),
                List.of(conversion("wishlist", "p-1", "u-1", "s-9", null, T0.plus(Duration.ofDays(3)))),
                WINDOW);

        assertThat(out).containsOnlyKeys(2L);
    }

    @Test
    @DisplayName("the impression the conversion names wins over last touch, whoever its viewer")
    void theNamedRecommendationWins() {
        LedgerRow named = impression(1, "r-1", "p-1", "u-1", "s-1", T0);
        LedgerRow latest = impression(2, "r-2", "p-1", "u-1", "s-2", T0.plusSeconds(60));
        Map<Long, Outcome> out = Attribution.attribute(
                List.of(named, latest),
                List.of(conversion("purchase", "p-1", null, "s-other-device", "r-1", T0.plusSeconds(90))),
                WINDOW);

        assertThat(out).containsOnlyKeys(1L);
        assertThat(out.get(1L).purchased()).isTrue();
    }

    @Test
    @DisplayName("another viewer's conversion, or another perfume's, is not credited")
    void sameViewerAndPerfumeOnly() {
        LedgerRow shown = impression(1, "r-1", "p-1", "u-1", "s-1", T0);
        Map<Long, Outcome> out = Attribution.attribute(
                List.of(shown),
                List.of(
                        conversion("wishlist", "p-1", "u-2", "s-2", null, T0.plusSeconds(5)),
                        conversion("wishlist", "p-2", "u-1", "s-1", null, T0.plusSeconds(5)),
                        conversion("wishlist", "p-1", null, "s-3", null, T0.plusSeconds(5))),
                WINDOW);

        assertThat(out).isEmpty();
    }

    @Test
    @DisplayName("an anonymous viewer matches by anonymous id; once stitched, by the user")
    void anonymousAndStitched() {
        LedgerRow anonymous = impression(1, "r-1", "p-1", null, "s-1", T0);
        LedgerRow stitched = impression(2, "r-2", "p-2", "u-1", "s-2", T0);
        Map<Long, Outcome> out = Attribution.attribute(
                List.of(anonymous, stitched),
                List.of(
                        conversion("view", "p-1", null, "s-1", null, T0.plusSeconds(5)),
                        conversion("view", "p-2", "u-1", "s-7", null, T0.plusSeconds(5))),
                WINDOW);

        assertThat(out).containsOnlyKeys(1L, 2L);
    }

    @Test
    @DisplayName("the latest credited rating gives the value; the result never depends on the order")
    void ratingsAndOrder() {
        LedgerRow a = impression(1, "r-1", "p-1", "u-1", "s-1", T0);
        LedgerRow b = impression(2, "r-2", "p-1", "u-1", "s-1", T0.plusSeconds(100));
        List<ConversionFact> conversions = new ArrayList<>(List.of(
                new ConversionFact(
                        java.util.UUID.randomUUID(), "rating", "p-1", "u-1", "s-1", null, T0.plusSeconds(10), 2.0),
                new ConversionFact(
                        java.util.UUID.randomUUID(), "rating", "p-1", "u-1", "s-1", null, T0.plusSeconds(50), 5.0),
                conversion("view", "p-1", "u-1", "s-1", null, T0.plusSeconds(200)),
                conversion("purchase", "p-1", "u-1", "s-1", "r-1", T0.plusSeconds(300))));
        Map<Long, Outcome> expected = Attribution.attribute(List.of(a, b), conversions, WINDOW);
        assertThat(expected.get(1L).ratingValue()).isEqualTo(5.0);
        assertThat(expected.get(1L).purchased()).isTrue();
        assertThat(expected.get(2L).viewed()).isTrue();
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            List<LedgerRow> rows = new ArrayList<>(List.of(a, b));
            Collections.shuffle(rows, random);
            Collections.shuffle(conversions, random);
            assertThat(Attribution.attribute(rows, conversions, WINDOW)).isEqualTo(expected);
        }
    }
}
