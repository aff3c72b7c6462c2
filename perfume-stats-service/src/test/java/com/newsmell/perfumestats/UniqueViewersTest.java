package com.newsmell.perfumestats;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.perfumestats.trending.TrendingFormula;
import com.newsmell.perfumestats.viewers.UniqueViewers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure logic, fast: the cardinality sketch's accuracy, and the trending formula on flat and rising rates. */
class UniqueViewersTest {

    @Test
    void exactForTheFirstThousandViewersAndWithin2PercentAt100000() {
        byte[] sketch = null;
        for (int batch = 0; batch < 100; batch++) { // stored and reloaded after every batch, as in the service
            List<String> viewers = new ArrayList<>();
            for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
                viewers.add(i % 2 == 0 ? "user-" + i : "session:s-" + i);
            }
            viewers.addAll(viewers.subList(0, 100)); // repeated viewers count once
            UniqueViewers.Result r = UniqueViewers.add(sketch, viewers, 14);
            sketch = r.sketch();
            if (batch == 0) {
                assertThat(r.estimate()).isEqualTo(1000);
            }
        }
        int estimate = UniqueViewers.estimate(sketch);
        assertThat(Math.abs(estimate - 100_000) / 100_000.0).isLessThan(0.02);
        for (int n : new int[] {1, 2, 10, 137, 999}) {
            List<String> viewers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                viewers.add("viewer-" + n + "-" + i);
            }
            assertThat(UniqueViewers.add(null, viewers, 14).estimate()).isEqualTo(n);
        }
    }

    @Test
    void aFlatRateScoresJustUnderOneWhateverItsVolumeAndABurstScoresHigher() {
        double d = TrendingFormula.flatRateDecaySum(168, 24);
        double flat = TrendingFormula.score(1000 * d, 1000 * 720, d, 5);
        double small = TrendingFormula.score(1 * d, 720, d, 5);
        double recentBurst = 3 * 200 * Math.pow(0.5, 1.5 / 24) + d; // 200/h for 3 h on top of 1/h
        double burst = TrendingFormula.score(recentBurst, 720 + 600, d, 5);
        assertThat(flat).isBetween(0.99, 1.0);
        assertThat(small).isLessThan(flat);
        assertThat(burst).isGreaterThan(5 * flat);
        assertThat(TrendingFormula.score(0, 100, d, 5)).isZero();
    }
}
