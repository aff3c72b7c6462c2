package com.newsmell.profile.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The adjusted Rand index against values worked out by hand (and scikit-learn's adjusted_rand_score), pure. */
class AdjustedRandIndexTest {

    @Test
    @DisplayName("the same partition under other labels is 1")
    void samePartition() {
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {5, 5, 3, 3, 9, 9}))
                .isEqualTo(1.0);
    }

    @Test
    @DisplayName("hand-worked values")
    void handWorked() {
        // scikit-learn: adjusted_rand_score([0,0,1,1], [0,0,1,2]) = 0.5714285714285715 (= 4/7)
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
                .isCloseTo(4.0 / 7, within(1e-12));
        // scikit-learn: adjusted_rand_score([0,0,1,1], [0,1,0,1]) = -0.5
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isCloseTo(-0.5, within(1e-12));
        // scikit-learn: adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.24242424242424243 (= 8/33)
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
                .isCloseTo(8.0 / 33, within(1e-12));
    }

    @Test
    @DisplayName("trivial partitions on both sides are 1 (scikit-learn's convention); one item is 1")
    void trivial() {
        assertThat(AdjustedRandIndex.of(new int[] {1, 1, 1}, new int[] {2, 2, 2}))
                .isEqualTo(1.0);
        assertThat(AdjustedRandIndex.of(new int[] {1, 2, 3}, new int[] {4, 5, 6}))
                .isEqualTo(1.0);
        assertThat(AdjustedRandIndex.of(new int[] {1}, new int[] {2})).isEqualTo(1.0);
    }
}
