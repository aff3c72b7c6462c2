package com.newsmell.profile.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules of the feature store: normalisation, accountAge, price points, the vocabulary, point in time. */
class VectorRulesTest {

    @Test
    void everyNormalisationLandsIn01() {
        assertThat(Normalisation.share().apply(0.25)).isEqualTo(0.25);
        assertThat(Normalisation.share().apply(1.5)).isEqualTo(1.0);
        assertThat(Normalisation.weight().apply(-0.5)).isEqualTo(0.0);
        assertThat(Normalisation.flag().apply(3)).isEqualTo(1.0);
        assertThat(Normalisation.flag().apply(0)).isEqualTo(0.0);
        assertThat(Normalisation.cap(20).apply(5)).isEqualTo(0.25);
        assertThat(Normalisation.cap(20).apply(50)).isEqualTo(1.0);
        // ln(1 + 9) / ln(1 + 99) = 0.5
        assertThat(Normalisation.log(99).apply(9)).isEqualTo(0.5);
        assertThat(Normalisation.log(99).apply(1_000_000)).isEqualTo(1.0);
        assertThat(Normalisation.log(99).apply(0)).isEqualTo(0.0);
        assertThat(Normalisation.range(1, 5).apply(4.5)).isEqualTo(0.875);
        assertThat(Normalisation.range(1, 5).apply(0)).isEqualTo(0.0);
        assertThat(Normalisation.cap(3).apply(1)).isEqualTo(0.3333); // 4 decimals, half-even
        assertThat(Normalisation.cap(1).apply(Double.NaN)).isEqualTo(0.0);
    }

    @Test
    void accountAgeCountsWholeDaysFromTheRegistrationElseTheFirstEvent() {
        Instant asOf = Instant.parse("2024-06-30T03:00:00Z");
        assertThat(AccountAge.of(null, Instant.parse("2024-06-20T03:00:01Z"), asOf))
                .isEqualTo(new AccountAge(9, "first-event"));
        assertThat(AccountAge.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-06-20T00:00:00Z"), asOf))
                .isEqualTo(new AccountAge(181, "registered"));
        // a signup after the as-of instant (a past day recomputed): 0
        assertThat(AccountAge.of(null, Instant.parse("2026-01-01T00:00:00Z"), asOf))
                .isEqualTo(new AccountAge(0, "first-event"));
        assertThat(AccountAge.of(null, null, asOf)).isEqualTo(new AccountAge(0, "first-event"));
    }

    @Test
    void aPricesIndexIsTheCatalogShareBelowItInterpolated() {
        List<BigDecimal> points = PricePoints.of(List.of(
                new BigDecimal("10"),
                new BigDecimal("20"),
                new BigDecimal("30"),
                new BigDecimal("40"),
                new BigDecimal("50")));
        assertThat(points).hasSize(21);
        assertThat(points.get(0)).isEqualByComparingTo("10");
        assertThat(points.get(10)).isEqualByComparingTo("30"); // the median
        assertThat(points.get(20)).isEqualByComparingTo("50");
        assertThat(PricePoints.index(points, new BigDecimal("30"))).isEqualTo(0.5);
        assertThat(PricePoints.index(points, new BigDecimal("5"))).isEqualTo(0.0);
        assertThat(PricePoints.index(points, new BigDecimal("500"))).isEqualTo(1.0);
        assertThat(PricePoints.index(List.of(), new BigDecimal("30"))).isEqualTo(0.0);
        assertThat(PricePoints.of(List.of())).isEmpty();
        // 0, 10, …, 200: 75 lies half-way between the 35 % and the 40 % point
        List<BigDecimal> tens = java.util.stream.IntStream.rangeClosed(0, 20)
                .mapToObj(i -> BigDecimal.valueOf(10L * i))
                .toList();
        assertThat(PricePoints.index(tens, new BigDecimal("75"))).isEqualTo(0.375);
    }

    @Test
    void theVocabularyTakesTheMostEngagedThenTheMostCommonThenById() {
        List<VocabularyRule.Standing> standings = List.of(
                new VocabularyRule.Standing("vanilla", 0, 9),
                new VocabularyRule.Standing("rose", 12, 3),
                new VocabularyRule.Standing("oud", 12, 5),
                new VocabularyRule.Standing("amber", 0, 9),
                new VocabularyRule.Standing("iris", 0, 1));
        assertThat(VocabularyRule.top(standings, 4)).containsExactly("oud", "rose", "amber", "vanilla");
    }

    @Test
    void aSnapshotIsKnownFromItsComputedAtAndADayIsAnsweredWithinTheRetention() {
        assertThat(PointInTime.computedAt(Instant.parse("2024-06-30T02:00:00Z"), Duration.ofNanos(1_234_567_891L)))
                .isEqualTo(Instant.parse("2024-06-30T02:00:01.234Z"));
        LocalDate day = LocalDate.parse("2024-06-10");
        assertThat(PointInTime.reasonBeforeLookup(false, day, null, true, null)).isEqualTo("unknown-user");
        assertThat(PointInTime.reasonBeforeLookup(true, day, day.plusDays(1), true, null))
                .isEqualTo("before-retention");
        assertThat(PointInTime.reasonBeforeLookup(true, day, day, true, null)).isNull();
        assertThat(PointInTime.reasonBeforeLookup(true, day, null, false, day.minusDays(1)))
                .isEqualTo("version-superseded");
        assertThat(PointInTime.reasonBeforeLookup(true, day, null, false, day)).isNull();
    }
}
