package com.newsmell.perfumestats.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, Aggregation Schedules: {@code perfumeStatistics: "daily at 3am"}: the counters of PerfumeInteractionStats
 * are derived again from their sources and a drifted row is corrected.
 */
class ReconcileFoldTest {

    private static final Instant NOW = Instant.parse("2026-03-18T03:00:05Z");
    private static final Instant UPDATED = Instant.parse("2026-03-17T22:00:00Z");

    @Test
    @DisplayName("perfumeStatistics \"daily at 3am\": a row that agrees with its sources is left untouched")
    void aRowThatAgreesIsUntouched() {
        PerfumeInteractionStats row = row("p1");
        row.totalViews = 3;
        row.inWishlistCount = 1;

        ReconcileFold.Drift drift = ReconcileFold.fold(List.of(row), Map.of("p1", derivedFrom(row)), NOW);

        assertThat(drift.perfumes()).isZero();
        assertThat(drift.fields()).isEmpty();
        assertThat(row.updatedAt).isEqualTo(UPDATED);
    }

    @Test
    @DisplayName("totalViews / inWishlistCount drifted: corrected to the derived value, counted per field and perfume")
    void driftedCountersAreCorrectedAndCounted() {
        PerfumeInteractionStats a = row("a");
        PerfumeInteractionStats b = row("b");
        Map<ReconciledField, BigDecimal> derivedA = derivedFrom(a);
        derivedA.put(ReconciledField.TOTAL_VIEWS, BigDecimal.valueOf(2));
        derivedA.put(ReconciledField.IN_WISHLIST_COUNT, BigDecimal.ONE);
        Map<ReconciledField, BigDecimal> derivedB = derivedFrom(b);
        derivedB.put(ReconciledField.TOTAL_VIEWS, BigDecimal.valueOf(5));

        ReconcileFold.Drift drift = ReconcileFold.fold(List.of(a, b), Map.of("a", derivedA, "b", derivedB), NOW);

        assertThat(drift.perfumes()).isEqualTo(2);
        assertThat(drift.fields()).containsExactly(Map.entry("totalViews", 2), Map.entry("inWishlistCount", 1));
        assertThat(a.totalViews).isEqualTo(2);
        assertThat(a.inWishlistCount).isEqualTo(1);
        assertThat(b.totalViews).isEqualTo(5);
        assertThat(a.updatedAt).isEqualTo(NOW);
    }

    @Test
    @DisplayName("avgRating Float? / searchCTR Float?: corrected sums and counts give the derived fields again")
    void derivedFieldsFollowTheCorrection() {
        PerfumeInteractionStats row = row("p1");
        row.totalRatings = 1;
        row.overallSum = BigDecimal.valueOf(5);
        row.avgRating = 5.0;
        Map<ReconciledField, BigDecimal> derived = derivedFrom(row);
        derived.put(ReconciledField.TOTAL_RATINGS, BigDecimal.valueOf(2));
        derived.put(ReconciledField.OVERALL_SUM, new BigDecimal("9.5")); // ratings of 5 and 4.5
        derived.put(ReconciledField.SEARCH_IMPRESSIONS, BigDecimal.valueOf(4));
        derived.put(ReconciledField.SEARCH_CLICKS, BigDecimal.ONE);

        ReconcileFold.fold(List.of(row), Map.of("p1", derived), NOW);

        assertThat(row.avgRating).isEqualTo(4.75);
        assertThat(row.searchCtr).isEqualTo(0.25);
    }

    @Test
    @DisplayName(
            "viewDurationSum (avgViewDuration Float, viewDuration: number): exact decimals; 7 and 7.0 agree, 1234.5"
                    + " drifts from 1234")
    void decimalSumsCompareByValue() {
        PerfumeInteractionStats row = row("p1");
        row.viewDurationSum = new BigDecimal("7");
        row.viewDurationCount = 1;
        Map<ReconciledField, BigDecimal> derived = derivedFrom(row);
        derived.put(ReconciledField.VIEW_DURATION_SUM, new BigDecimal("7.0"));

        assertThat(ReconcileFold.fold(List.of(row), Map.of("p1", derived), NOW).perfumes())
                .isZero();

        row.viewDurationSum = new BigDecimal("1234");
        derived.put(ReconciledField.VIEW_DURATION_SUM, new BigDecimal("1234.5"));
        ReconcileFold.Drift drift = ReconcileFold.fold(List.of(row), Map.of("p1", derived), NOW);

        assertThat(drift.fields()).containsExactly(Map.entry("viewDurationSum", 1));
        assertThat(row.viewDurationSum).isEqualByComparingTo("1234.5");
        assertThat(row.avgViewDuration).isEqualTo(1234.5);
    }

    @Test
    @DisplayName("a locked row without derived counters is left as it is")
    void aRowWithoutDerivedCountersIsLeftAsItIs() {
        PerfumeInteractionStats row = row("p1");
        row.totalViews = 9;

        ReconcileFold.Drift drift = ReconcileFold.fold(List.of(row), Map.of(), NOW);

        assertThat(drift.perfumes()).isZero();
        assertThat(row.totalViews).isEqualTo(9);
    }

    @Test
    @DisplayName("every reconciled field reads and writes its own PerfumeInteractionStats field")
    void everyFieldReadsWhatItWrites() {
        PerfumeInteractionStats row = row("p1");
        long value = 100;
        for (ReconciledField f : ReconciledField.values()) {
            f.set(row, BigDecimal.valueOf(value++));
        }
        value = 100;
        for (ReconciledField f : ReconciledField.values()) {
            assertThat(f.get(row)).as(f.field).isEqualByComparingTo(BigDecimal.valueOf(value++));
        }
    }

    private static PerfumeInteractionStats row(String perfumeId) {
        PerfumeInteractionStats row = new PerfumeInteractionStats();
        row.perfumeId = perfumeId;
        row.updatedAt = UPDATED;
        return row;
    }

    /** The counters as stored: what the sources give when nothing drifted. */
    private static Map<ReconciledField, BigDecimal> derivedFrom(PerfumeInteractionStats row) {
        Map<ReconciledField, BigDecimal> values = new EnumMap<>(ReconciledField.class);
        for (ReconciledField f : ReconciledField.values()) {
            values.put(f, f.get(row));
        }
        return values;
    }
}
