package com.newsmell.recommendation.compare;

import static com.newsmell.recommendation.QueryProblems.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.Ledger;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.recommendation.stats.PositionBias;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Comparing two algorithms, pure. */
class AlgorithmComparisonTest {

    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    private static final AlgorithmComparison.Settings SETTINGS = new AlgorithmComparison.Settings(100, 10, 500, 1);

    @Test
    @DisplayName("a clearly better algorithm wins when z-test and bootstrap agree")
    void aWins() {
        List<AttributedRow> rows = rows(2000, 0.30, 0.20, 1);
        AlgorithmComparison.Result r = AlgorithmComparison.compare(rows, none(), query("ctr"), SETTINGS);

        assertThat(r.verdict()).isEqualTo("a-wins");
        assertThat(r.winner()).isEqualTo("a");
        assertThat(r.significant()).isTrue();
        assertThat(r.a().rate()).isGreaterThan(r.b().rate());
        assertThat(r.a().interval().lower()).isLessThan(r.a().rate());
        assertThat(r.zTest().assumption()).contains("independent impressions");
        assertThat(r.bootstrap().unit()).isEqualTo("user");
        assertThat(r.difference()).isEqualTo(r.a().rate() - r.b().rate());
    }

    @Test
    @DisplayName("equal algorithms: no significant difference; too few impressions: insufficient data")
    void noDifferenceAndTooLittleData() {
        assertThat(AlgorithmComparison.compare(rows(2000, 0.2, 0.2, 2), none(), query("ctr"), SETTINGS)
                        .verdict())
                .isEqualTo("no-significant-difference");
        AlgorithmComparison.Result small =
                AlgorithmComparison.compare(rows(60, 0.5, 0.1, 3), none(), query("ctr"), SETTINGS);
        assertThat(small.verdict()).isEqualTo("insufficient-data");
        assertThat(small.explanation()).contains("at least 100 impressions");
        assertThat(small.winner()).isNull();
    }

    @Test
    @DisplayName("debiasedCtr: only impressions with a propensity, tested by the bootstrap alone")
    void debiased() {
        PositionBias.Propensities p = new PositionBias.Propensities(Map.of("homepage", Map.of(0, 1.0, 1, 0.5)), 0.05);
        AlgorithmComparison.Result r =
                AlgorithmComparison.compare(rows(2000, 0.3, 0.1, 4), p, query("debiasedCtr"), SETTINGS);

        assertThat(r.zTest()).isNull();
        assertThat(r.pValue()).isEqualTo(r.bootstrap().pValue());
        assertThat(r.a().impressions()).isEqualTo(1000);
        assertThat(r.verdict()).isEqualTo("a-wins");
    }

    @Test
    @DisplayName("parameters: a and b required and distinct, metric one of the list, at most 400 days")
    void parameters() {
        assertViolation("a", "required", () -> CompareQuery.of(null, "x", null, "2026-01-01", "2026-01-02", null));
        assertViolation("b", "distinct", () -> CompareQuery.of("x", "x", null, "2026-01-01", "2026-01-02", null));
        assertViolation("metric", "enum", () -> CompareQuery.of("x", "y", "clicks", "2026-01-01", "2026-01-02", null));
        assertViolation("to", "after-from", () -> CompareQuery.of("x", "y", null, "2026-01-02", "2026-01-01", null));
        assertViolation("to", "max-range", () -> CompareQuery.of("x", "y", null, "2025-01-01", "2026-02-06", null));
        assertThat(CompareQuery.of("x", "y", null, "2025-01-01", "2026-02-05", null)
                        .metric())
                .isEqualTo("ctr");
    }

    private static CompareQuery query(String metric) {
        return CompareQuery.of("A", "B", metric, "2026-05-01", "2026-05-08", null);
    }

    private static PositionBias.Propensities none() {
        return new PositionBias.Propensities(Map.of(), 0.05);
    }

    /** n users, half under A and half under B, each with one impression at slot 0 and one at slot 1. */
    private static List<AttributedRow> rows(int n, double rateA, double rateB, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AttributedRow> rows = new ArrayList<>();
        long id = 0;
        for (int u = 0; u < n / 2; u++) {
            boolean a = u % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean clicked = random.nextDouble() < (a ? rateA : rateB) * (k == 0 ? 1 : 0.5);
                rows.add(new AttributedRow(
                        Ledger.impression(id++, a ? "A" : "B", "homepage", k, false, clicked, "u-" + u, T0),
                        Outcome.NONE));
            }
        }
        return rows;
    }
}
