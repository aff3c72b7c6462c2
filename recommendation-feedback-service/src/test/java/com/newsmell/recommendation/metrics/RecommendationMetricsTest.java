package com.newsmell.recommendation.metrics;

import static com.newsmell.recommendation.QueryProblems.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.Ledger;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.recommendation.stats.PositionBias;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recommendation metrics' parameters and folds, pure: no Quarkus, no database. */
class RecommendationMetricsTest {

    private static final Instant DAY = Instant.parse("2026-05-04T00:00:00Z");

    @Test
    @DisplayName("groupBy is day buckets or a breakdown; algorithm and source are filters; at most 400 days")
    void parameters() {
        RecommendationMetricsQuery q = RecommendationMetricsQuery.of(
                "2026-05-01", "2026-05-08", null, null, null, null, null, null, null, "hybrid", "email", "position");
        assertThat(q.breakdown()).isEqualTo("position");
        assertThat(q.filters().echo()).containsEntry("algorithm", "==hybrid").containsEntry("source", "==email");
        assertThat(RecommendationMetricsQuery.of(
                                "2026-05-01", "2026-05-08", null, null, null, null, null, null, null, null, null, "day")
                        .window()
                        .granularity())
                .isEqualTo(TimeWindow.Granularity.DAY);

        assertViolation("groupBy", "enum", () -> query("groupBy", "week"));
        assertViolation(
                "groupBy",
                "conflict",
                () -> RecommendationMetricsQuery.of(
                        "2026-05-01",
                        "2026-05-08",
                        null,
                        null,
                        "source",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "position"));
        assertViolation("source", "enum", () -> query("source", "web"));
        assertViolation("algorithm", "format", () -> query("algorithm", "a|b"));
        assertViolation(
                "algorithm",
                "conflict",
                () -> RecommendationMetricsQuery.of(
                        "2026-05-01",
                        "2026-05-08",
                        null,
                        null,
                        null,
                        "algorithm==x",
                        null,
                        null,
                        null,
                        "y",
                        null,
                        null));
        assertViolation(
                "to",
                "after-from",
                () -> RecommendationMetricsQuery.of(
                        "2026-05-08", "2026-05-01", null, null, null, null, null, null, null, null, null, null));
        assertViolation(
                "to",
                "max-range",
                () -> RecommendationMetricsQuery.of(
                        "2025-01-01", "2026-02-06", null, null, null, null, null, null, null, null, null, null));
        assertViolation("filters", "format", () -> query("filters", "position==first"));
        assertViolation("breakdown", "enum", () -> query("breakdown", "country"));
    }

    @Test
    @DisplayName("every rate counts over impressions; coverage is distinct perfumes; time to click is a mean")
    void figures() {
        List<AttributedRow> rows = List.of(
                row(1, "p-1", true, new Outcome(true, DAY, true, false, false, null, false, DAY)),
                row(2, "p-1", false, Outcome.NONE),
                row(3, "p-2", true, new Outcome(false, null, false, true, true, 4.0, true, DAY)),
                row(4, "p-3", false, Outcome.NONE));

        RecommendationFigures f = RecommendationMetricsFold.totals(rows, List.of(), null);

        assertThat(f.impressions()).isEqualTo(4);
        assertThat(f.clicks()).isEqualTo(2);
        assertThat(f.clickThroughRate()).isEqualTo(0.5);
        assertThat(f.viewRate()).isEqualTo(0.25);
        assertThat(f.wishlistRate()).isEqualTo(0.25);
        assertThat(f.collectionRate()).isEqualTo(0.25);
        assertThat(f.conversions()).isEqualTo(2);
        assertThat(f.coverage()).isEqualTo(3);
        assertThat(f.meanTimeToClickMs()).isEqualTo(2000.0);
        assertThat(f.debiasedClickThroughRate()).isNull();
        assertThat(RecommendationFigures.of(new Counts()).clickThroughRate()).isNull();
    }

    @Test
    @DisplayName("buckets are zero-filled and provisional until their end plus the attribution window")
    void bucketsAreProvisional() {
        TimeWindow window = TimeWindow.metrics("2026-05-01", "2026-05-04", null, TimeWindow.Granularity.DAY);
        List<RecommendationBucket> buckets = RecommendationMetricsFold.buckets(
                window,
                List.of(row(1, "p-1", true, Outcome.NONE)),
                List.of(),
                null,
                Duration.ofDays(7),
                Instant.parse("2026-05-09T12:00:00Z"));

        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(0).provisional()).isFalse();
        assertThat(buckets.get(1).provisional()).isTrue();
        assertThat(buckets.get(2).figures().impressions()).isEqualTo(1);
    }

    @Test
    @DisplayName("a breakdown: most impressions first, positions in numeric order on ties, (unknown) last")
    void breakdown() {
        List<Metrics.Value<RecommendationFigures>> values = RecommendationMetricsFold.values(
                "position",
                List.of(
                        new AttributedRow(
                                Ledger.impression(1, "a", "homepage", 10, false, false, "u", DAY), Outcome.NONE),
                        new AttributedRow(
                                Ledger.impression(2, "a", "homepage", 2, false, false, "u", DAY), Outcome.NONE)),
                List.of(),
                new PositionBias.Propensities(Map.of(), 0.05));

        assertThat(values).extracting(Metrics.Value::value).containsExactly("2", "10");
    }

    @Test
    @DisplayName("the weekly report's week: the last whole week (Sunday to Sunday, UTC) before the clock")
    void weeklyReportWeek() {
        assertThat(WeeklyReport.weekStart(Instant.parse("2026-05-10T02:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-05-03"));
        assertThat(WeeklyReport.weekStart(Instant.parse("2026-05-13T02:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-05-03"));
    }

    private static AttributedRow row(long id, String perfume, boolean clicked, Outcome outcome) {
        LedgerRow r = Ledger.impression(
                id,
                "a",
                "homepage",
                0,
                false,
                clicked,
                "u",
                DAY.minusSeconds(86400).plusSeconds(id));
        return new AttributedRow(
                new LedgerRow(
                        r.id(),
                        r.recommendationId(),
                        perfume,
                        r.userId(),
                        r.anonymousId(),
                        r.impressionTime(),
                        r.source(),
                        r.algorithm(),
                        null,
                        r.position(),
                        null,
                        null,
                        false,
                        r.clicked(),
                        r.clickTime(),
                        false,
                        false,
                        false,
                        false,
                        null,
                        null),
                outcome);
    }

    private static RecommendationMetricsQuery query(String name, String value) {
        return RecommendationMetricsQuery.of(
                "2026-05-01",
                "2026-05-08",
                null,
                null,
                name.equals("breakdown") ? value : null,
                name.equals("filters") ? value : null,
                null,
                null,
                null,
                name.equals("algorithm") ? value : null,
                name.equals("source") ? value : null,
                name.equals("groupBy") ? value : null);
    }
}
