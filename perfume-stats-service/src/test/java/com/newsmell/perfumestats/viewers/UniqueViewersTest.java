package com.newsmell.perfumestats.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats: {@code uniqueViewers Int @default(0)} (distinct viewers of the perfume), kept in an
 * HLL sketch that each batch's viewers are merged into.
 */
class UniqueViewersTest {

    private static final int LG_K = 14;

    @Test
    @DisplayName("uniqueViewers Int @default(0): no sketch, or an empty batch, is 0 viewers")
    void noViewersIsZero() {
        assertThat(UniqueViewers.estimate(null)).isZero();
        assertThat(UniqueViewers.add(null, List.of(), LG_K).estimate()).isZero();
    }

    @Test
    @DisplayName("uniqueViewers: exact for the first thousand viewers and within 2% at 100,000 (stored per batch)")
    void exactForTheFirstThousandViewersAndWithin2PercentAt100000() {
        byte[] sketch = null;
        for (int batch = 0; batch < 100; batch++) { // stored and reloaded after every batch, as in the service
            List<String> viewers = new ArrayList<>();
            for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
                viewers.add(i % 2 == 0 ? "user-" + i : "session:s-" + i);
            }
            viewers.addAll(viewers.subList(0, 100)); // repeated viewers count once
            UniqueViewers.Result r = UniqueViewers.add(sketch, viewers, LG_K);
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
            assertThat(UniqueViewers.add(null, viewers, LG_K).estimate()).isEqualTo(n);
        }
    }

    @Test
    @DisplayName("uniqueViewers: exact below ~1,500 viewers (the sketch's exact mode at lgK 14)")
    void exactJustBelowFifteenHundred() {
        assertThat(UniqueViewers.add(null, viewers("v", 0, 1_499), LG_K).estimate())
                .isEqualTo(1_499);
    }

    @Test
    @DisplayName("uniqueViewers counts distinct viewers: the same viewer added twice, in one batch or two, counts once")
    void aViewerAddedTwiceCountsOnce() {
        UniqueViewers.Result once = UniqueViewers.add(null, List.of("user-1", "user-1"), LG_K);
        UniqueViewers.Result again = UniqueViewers.add(once.sketch(), List.of("user-1"), LG_K);

        assertThat(once.estimate()).isEqualTo(1);
        assertThat(again.estimate()).isEqualTo(1);
        assertThat(again.sketch()).isEqualTo(once.sketch());
    }

    @Test
    @DisplayName("uniqueViewers: merging a batch into the stored sketch counts the union of both viewer sets")
    void mergingCountsTheUnion() {
        List<String> stored = viewers("v", 0, 600); // v0 .. v599
        List<String> batch = viewers("v", 400, 1_000); // v400 .. v999: 200 seen before

        byte[] storedFirst = UniqueViewers.add(
                        UniqueViewers.add(null, stored, LG_K).sketch(), batch, LG_K)
                .sketch();
        byte[] batchFirst = UniqueViewers.add(
                        UniqueViewers.add(null, batch, LG_K).sketch(), stored, LG_K)
                .sketch();

        assertThat(UniqueViewers.estimate(storedFirst)).isEqualTo(1_000);
        assertThat(UniqueViewers.estimate(batchFirst)).isEqualTo(1_000);
    }

    @Test
    @DisplayName("uniqueViewers: merging into a sketch already in estimation mode stays within 2% of the union")
    void mergingBeyondTheExactModeStaysClose() {
        byte[] first = UniqueViewers.add(null, viewers("v", 0, 30_000), LG_K).sketch();

        int union = UniqueViewers.add(first, viewers("v", 20_000, 50_000), LG_K).estimate();

        assertThat(Math.abs(union - 50_000) / 50_000.0).isLessThan(0.02);
    }

    private static List<String> viewers(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }
}
