package com.newsmell.recommendation.metrics;

import static com.newsmell.recommendation.QueryProblems.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.recommendation.metrics.RecommendationMetricsFold.BucketCounts;
import com.newsmell.recommendation.metrics.RecommendationMetricsFold.ValueCounts;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recommendation metrics' parameters, statements and folds, pure: no Quarkus, no database. */
class RecommendationMetricsTest {

    private static final TimeWindow BERLIN_DAYS =
            TimeWindow.metrics("2025-10-25", "2025-10-28", "Europe/Berlin", TimeWindow.Granularity.DAY);

    @Test
    @DisplayName("clickThroughRate is clicks / impressions, absent without impressions; sums recompute it")
    void theRateIsClicksOverImpressions() {
        assertThat(RecommendationFigures.of(3, 2, 1).clickThroughRate()).isEqualTo(2.0 / 3);
        assertThat(RecommendationFigures.of(0, 0, 4).clickThroughRate()).isNull();
        assertThat(RecommendationFigures.of(4, 0, 0).clickThroughRate()).isEqualTo(0.0);
        assertThat(RecommendationFigures.of(1, 1, 0).plus(RecommendationFigures.of(3, 0, 2)))
                .isEqualTo(new RecommendationFigures(4, 1, 0.25, 2));
    }

    @Test
    @DisplayName("every bucket of the window is answered, in order, days of tz (25 hours across the DST end)")
    void bucketsAreTheDaysOfTheZoneZeroFilled() {
        List<RecommendationBucket> buckets =
                RecommendationMetricsFold.buckets(BERLIN_DAYS, List.of(new BucketCounts(2, 3, 2, 1)));

        assertThat(buckets)
                .containsExactly(
                        new RecommendationBucket(Instant.parse("2025-10-24T22:00:00Z"), 0, 0, null, 0),
                        new RecommendationBucket(Instant.parse("2025-10-25T22:00:00Z"), 3, 2, 2.0 / 3, 1),
                        new RecommendationBucket(Instant.parse("2025-10-26T23:00:00Z"), 0, 0, null, 0));
        assertThatThrownBy(() -> RecommendationMetricsFold.buckets(BERLIN_DAYS, List.of(new BucketCounts(4, 1, 0, 0))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("totals sum the buckets' counts and recompute the rate, never averaging bucket rates")
    void totalsSumTheCounts() {
        assertThat(RecommendationMetricsFold.totals(
                        List.of(new BucketCounts(1, 1, 1, 0), new BucketCounts(3, 3, 0, 2))))
                .isEqualTo(new RecommendationFigures(4, 1, 0.25, 2));
        assertThat(RecommendationMetricsFold.totals(List.of())).isEqualTo(RecommendationFigures.ZERO);
    }

    @Test
    @DisplayName("a breakdown value without a value is (unknown)")
    void rowsWithoutAValueAreUnknown() {
        assertThat(RecommendationMetricsFold.values(
                        List.of(new ValueCounts("trending", 2, 1, 0), new ValueCounts(null, 1, 0, 3))))
                .containsExactly(
                        new Metrics.Value<>("trending", new RecommendationFigures(2, 1, 0.5, 0)),
                        new Metrics.Value<>("(unknown)", new RecommendationFigures(1, 0, 0.0, 3)));
    }

    @Test
    @DisplayName("parameters: day by default, the three dimensions, source values checked, positions are slots")
    void parametersFollowTheConvention() {
        RecommendationMetricsQuery q = RecommendationMetricsQuery.of(
                "2025-10-26",
                "2025-10-28",
                "Europe/Berlin",
                null,
                "algorithm",
                "source==email|(unknown);position!=0",
                "previous_period",
                "2",
                Paging.offsetCursor(2));

        assertThat(q.window().granularity()).isEqualTo(TimeWindow.Granularity.DAY);
        assertThat(q.window().from()).isEqualTo(Instant.parse("2025-10-25T22:00:00Z"));
        assertThat(q.breakdown()).isEqualTo("algorithm");
        assertThat(q.compare()).isTrue();
        assertThat(q.limit()).isEqualTo(2);
        assertThat(q.offset()).isEqualTo(2);
        assertThat(q.filters().echo())
                .containsEntry("source", "==email|(unknown)")
                .containsEntry("position", "!=0");

        assertViolation("breakdown", "enum", () -> query("breakdown", "country"));
        assertViolation("filters", "enum", () -> query("filters", "country==DE"));
        assertViolation("filters", "enum", () -> query("filters", "source==web"));
        assertViolation("filters", "format", () -> query("filters", "position==first"));
        assertViolation("filters", "format", () -> query("filters", "position==-1"));
        assertViolation("compare", "enum", () -> query("compare", "last_year"));
        assertViolation("granularity", "enum", () -> query("granularity", "week"));
        assertViolation("limit", "range", () -> query("limit", "0"));
        assertViolation("cursor", "format", () -> query("cursor", "nope"));
    }

    @Test
    @DisplayName("filters become index-friendly in-lists of list parameters, position values as integers")
    void filtersBecomeInLists() {
        List<Object> params = new ArrayList<>(List.of("x"));
        Filters filters = Filters.parse(
                "algorithm==a|b;position!=0|(unknown);source==(unknown)", RecommendationMetricsQuery.DIMENSIONS);

        String where = RecommendationMetricsSql.where(filters, params);

        assertThat(where)
                .isEqualTo("((algorithm in (?2)) and (position is not null and not (position in (?3))) and"
                        + " (false or source is null))");
        assertThat(params).containsExactly("x", List.of("a", "b"), List.of(0));
        assertThat(RecommendationMetricsSql.where(Filters.NONE, params)).isEqualTo("(true)");
    }

    @Test
    @DisplayName("the statements number their parameters in order, the bucket starts as one timestamptz[] literal")
    void statementsNumberTheirParameters() {
        Filters filters = Filters.parse("algorithm==a", RecommendationMetricsQuery.DIMENSIONS);
        RecommendationMetricsSql.Statement buckets = RecommendationMetricsSql.buckets(BERLIN_DAYS, filters);
        RecommendationMetricsSql.Statement breakdown =
                RecommendationMetricsSql.breakdown(BERLIN_DAYS, filters, "position", 100, 11);

        assertThat(buckets.params().get(0))
                .isEqualTo("{2025-10-24T22:00:00Z,2025-10-25T22:00:00Z,2025-10-26T23:00:00Z}");
        assertNumbered(buckets);
        assertThat(buckets.params()).hasSize(8);
        assertNumbered(breakdown);
        assertThat(breakdown.sql()).contains("select position as k").endsWith("limit ?7 offset ?8");
        assertThat(breakdown.params().subList(6, 8)).containsExactly(11, 100);
    }

    private static void assertNumbered(RecommendationMetricsSql.Statement statement) {
        assertThat(statement.sql()).doesNotContain("$");
        for (int i = 1; i <= statement.params().size(); i++) {
            assertThat(statement.sql()).contains("?" + i);
        }
        assertThat(statement.sql()).doesNotContain("?" + (statement.params().size() + 1));
    }

    private static RecommendationMetricsQuery query(String name, String value) {
        return RecommendationMetricsQuery.of(
                "2025-10-26",
                "2025-10-28",
                null,
                name.equals("granularity") ? value : null,
                name.equals("breakdown") ? value : null,
                name.equals("filters") ? value : null,
                name.equals("compare") ? value : null,
                name.equals("limit") ? value : null,
                name.equals("cursor") ? value : null);
    }
}
