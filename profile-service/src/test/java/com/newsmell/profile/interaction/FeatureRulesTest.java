package com.newsmell.profile.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The interaction features' rules (README "Interaction features"), pure: no database, no clock. */
class FeatureRulesTest {

    private static final Instant AS_OF = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    @DisplayName("viewRecencyDays: fractional days from the last view to asOf, 4 decimals")
    void viewRecency() {
        assertThat(FeatureRules.viewRecencyDays(AS_OF, AS_OF)).isEqualTo(0.0);
        assertThat(FeatureRules.viewRecencyDays(AS_OF.minus(Duration.ofDays(3)), AS_OF))
                .isEqualTo(3.0);
        assertThat(FeatureRules.viewRecencyDays(AS_OF.minus(Duration.ofHours(36)), AS_OF))
                .isEqualTo(1.5);
        // 1 h = 0.041666… d
        assertThat(FeatureRules.viewRecencyDays(AS_OF.minus(Duration.ofHours(1)), AS_OF))
                .isEqualTo(0.0417);
        // 4.32 s = 0.00005 d exactly: half up
        assertThat(FeatureRules.viewRecencyDays(AS_OF.minusMillis(4_320), AS_OF))
                .isEqualTo(0.0001);
        assertThat(FeatureRules.viewRecencyDays(AS_OF.minusMillis(4_319), AS_OF))
                .isEqualTo(0.0);
        assertThat(FeatureRules.viewRecencyDays(AS_OF.minus(Duration.ofDays(400)), AS_OF))
                .isEqualTo(400.0);
    }

    @Test
    @DisplayName("viewRecencyDays: a view after asOf is 0 days old; without a view it is absent")
    void viewRecencyEdges() {
        assertThat(FeatureRules.viewRecencyDays(AS_OF.plusSeconds(30), AS_OF)).isEqualTo(0.0);
        assertThat(FeatureRules.viewRecencyDays(null, AS_OF)).isNull();
    }

    @Test
    @DisplayName("interactionFrequencyPerWeek: interactions × 7 / max(7, days since the first), 4 decimals")
    void frequency() {
        // 14 interactions over 28 days: 3.5 a week
        assertThat(FeatureRules.interactionFrequencyPerWeek(14L, AS_OF.minus(Duration.ofDays(28)), AS_OF))
                .isEqualTo(3.5);
        // 10 over 21 days: 3.3333…
        assertThat(FeatureRules.interactionFrequencyPerWeek(10L, AS_OF.minus(Duration.ofDays(21)), AS_OF))
                .isEqualTo(3.3333);
        // 3 in the last hour, 2 over 3 days, 2 over exactly 7: the first week counts whole
        assertThat(FeatureRules.interactionFrequencyPerWeek(3L, AS_OF.minus(Duration.ofHours(1)), AS_OF))
                .isEqualTo(3.0);
        assertThat(FeatureRules.interactionFrequencyPerWeek(2L, AS_OF.minus(Duration.ofDays(3)), AS_OF))
                .isEqualTo(2.0);
        assertThat(FeatureRules.interactionFrequencyPerWeek(2L, AS_OF.minus(Duration.ofDays(7)), AS_OF))
                .isEqualTo(2.0);
        // 1 over 7 days and 1 ms: just under 1
        assertThat(FeatureRules.interactionFrequencyPerWeek(
                        1L, AS_OF.minus(Duration.ofDays(7)).minusMillis(1), AS_OF))
                .isEqualTo(1.0);
        assertThat(FeatureRules.interactionFrequencyPerWeek(1L, AS_OF.minus(Duration.ofDays(700)), AS_OF))
                .isEqualTo(0.01);
        // a first interaction after asOf: the span is the first week
        assertThat(FeatureRules.interactionFrequencyPerWeek(4L, AS_OF.plusSeconds(5), AS_OF))
                .isEqualTo(4.0);
    }

    @Test
    @DisplayName("interactionFrequencyPerWeek: absent when the count is unknown (a row from before V8)")
    void frequencyUnknown() {
        assertThat(FeatureRules.interactionFrequencyPerWeek(null, AS_OF.minus(Duration.ofDays(3)), AS_OF))
                .isNull();
        assertThat(FeatureRules.interactionFrequencyPerWeek(3L, null, AS_OF)).isNull();
    }

    @Test
    @DisplayName("viewSources and deviceTypes: most counted first, ties by name")
    void ranked() {
        assertThat(FeatureRules.ranked("{\"search\": 2, \"direct\": 5, \"recommendation\": 2, \"social\": 1}"))
                .containsExactly("direct", "recommendation", "search", "social");
        assertThat(FeatureRules.ranked("{\"mobile\": 1.0, \"desktop\": 10}")).containsExactly("desktop", "mobile");
        assertThat(FeatureRules.ranked("{}")).isEmpty();
        assertThat(FeatureRules.ranked(null)).isEmpty();
        assertThatThrownBy(() -> FeatureRules.ranked("{oops")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a row becomes the seed's InteractionFeatures")
    void fromARow() {
        UserPerfume row = new UserPerfume();
        row.userId = "u";
        row.perfumeId = "p";
        row.views = 3;
        row.viewDurationMs = 4000.5;
        row.sources = "{\"search\": 1, \"direct\": 2}";
        row.deviceTypes = "{\"mobile\": 3}";
        row.firstInteraction = AS_OF.minus(Duration.ofDays(14));
        row.lastInteraction = AS_OF.minus(Duration.ofDays(1));
        row.lastViewedAt = AS_OF.minus(Duration.ofDays(2));
        row.wishlistIn = true;
        row.collectionIn = false;
        row.ratingValue = new BigDecimal("4.5");
        row.reviewed = true;
        row.interactions = 7L;

        assertThat(FeatureRules.of(row, AS_OF))
                .isEqualTo(new InteractionFeatures(
                        "u",
                        "p",
                        AS_OF,
                        true,
                        4.5,
                        true,
                        true,
                        false,
                        3,
                        4000.5,
                        AS_OF.minus(Duration.ofDays(2)),
                        2.0,
                        List.of("direct", "search"),
                        List.of("mobile"),
                        AS_OF.minus(Duration.ofDays(14)),
                        AS_OF.minus(Duration.ofDays(1)),
                        7L,
                        3.5));
    }

    @Test
    @DisplayName("a pair never rated, listed or viewed: false, 0 and absent values")
    void aBarePair() {
        UserPerfume row = new UserPerfume();
        row.userId = "u";
        row.perfumeId = "p";
        row.sources = "{}";
        row.deviceTypes = "{}";
        row.firstInteraction = AS_OF.minusSeconds(60);
        row.lastInteraction = AS_OF.minusSeconds(60);
        row.interactions = 1L;

        InteractionFeatures f = FeatureRules.of(row, AS_OF);
        assertThat(f.hasRated()).isFalse();
        assertThat(f.ratingValue()).isNull();
        assertThat(f.hasReviewed()).isFalse();
        assertThat(f.inWishlist()).as("no add or remove: not in it").isFalse();
        assertThat(f.inCollection()).isFalse();
        assertThat(f.viewCount()).isZero();
        assertThat(f.totalViewDurationMs()).isZero();
        assertThat(f.lastViewedAt()).isNull();
        assertThat(f.viewRecencyDays()).isNull();
        assertThat(f.viewSources()).isEmpty();
        assertThat(f.deviceTypes()).isEmpty();
        assertThat(f.interactionFrequencyPerWeek()).isEqualTo(1.0);
    }
}
