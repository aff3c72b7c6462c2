package com.newsmell.recommendation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.Ledger;
import com.newsmell.recommendation.attribution.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Propensities from randomized impressions and the IPS estimator. */
class PositionBiasTest {

    private static final double[] THETA = {1.0, 0.6, 0.4, 0.3};
    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

    @Test
    @DisplayName("propensities are randomized CTR(k) / CTR(0); too few randomized impressions give none")
    void propensitiesFromRandomizedCells() {
        PositionBias.Propensities p = PositionBias.estimate(
                Map.of(
                        "homepage",
                        Map.of(
                                0,
                                new PositionBias.Cell(100, 20),
                                1,
                                new PositionBias.Cell(100, 10),
                                2,
                                new PositionBias.Cell(10, 1)),
                        "email",
                        Map.of(0, new PositionBias.Cell(5, 1))),
                30,
                0.05);

        assertThat(p.of("homepage", 0)).isEqualTo(1.0);
        assertThat(p.of("homepage", 1)).isEqualTo(0.5);
        assertThat(p.of("homepage", 2)).isNull();
        assertThat(p.of("email", 0)).isNull();
        assertThat(p.weight("homepage", 1)).isEqualTo(2.0);
        assertThat(new PositionBias.Propensities(Map.of("s", Map.of(3, 0.01)), 0.05).weight("s", 3))
                .isEqualTo(20.0);
    }

    @Test
    @DisplayName("IPS recovers the CTR at position 0 of an algorithm whose items are shown at every slot")
    void ipsRecoversTheTopSlotCtr() {
        // relevance 0.5 for algorithm A (every slot), clicks = relevance x theta(k); 10% of lists randomized
        SplittableRandom random = new SplittableRandom(17);
        List<AttributedRow> rows = new ArrayList<>();
        long id = 0;
        for (int list = 0; list < 40_000; list++) {
            boolean randomized = list % 10 == 0;
            for (int k = 0; k < THETA.length; k++) {
                boolean clicked = random.nextDouble() < 0.5 * THETA[k];
                rows.add(new AttributedRow(
                        Ledger.impression(id++, "A", "homepage", k, randomized, clicked, "u-" + list, T0),
                        Outcome.NONE));
            }
        }
        PositionBias.Propensities p = PositionBias.fromRows(rows, 30, 0.05);
        for (int k = 0; k < THETA.length; k++) {
            assertThat(p.of("homepage", k)).isCloseTo(THETA[k], within(0.05));
        }
        double weighted = 0;
        for (AttributedRow a : rows) {
            if (a.row().clicked()) {
                weighted += p.weight(a.row().source(), a.row().position());
            }
        }
        double raw = rows.stream().filter(a -> a.row().clicked()).count() / (double) rows.size();
        assertThat(raw).isCloseTo(0.5 * (1.0 + 0.6 + 0.4 + 0.3) / 4, within(0.01));
        assertThat(PositionBias.debiasedCtr(weighted, rows.size())).isCloseTo(0.5, within(0.02));
    }
}
