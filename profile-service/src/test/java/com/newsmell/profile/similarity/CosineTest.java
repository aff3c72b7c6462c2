package com.newsmell.profile.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.newsmell.profile.features.VectorText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** calculateUserSimilarity on hand-made vectors, pure. */
class CosineTest {

    @Test
    @DisplayName("exact cosines of small hand-made vectors")
    void exactValues() {
        assertThat(Cosine.of(new double[] {1, 0}, new double[] {1, 0})).isEqualTo(1.0);
        assertThat(Cosine.of(new double[] {1, 0}, new double[] {0, 1})).isEqualTo(0.0);
        assertThat(Cosine.of(new double[] {1, 0}, new double[] {1, 1})).isCloseTo(Math.sqrt(0.5), within(1e-15));
        // (3,4)·(4,3) = 24, |·| = 5 each: 24/25
        assertThat(Cosine.of(new double[] {3, 4}, new double[] {4, 3})).isCloseTo(0.96, within(1e-15));
        // (1,1,0)·(0,1,1) = 1, |·| = √2 each: 1/2
        assertThat(Cosine.of(new double[] {1, 1, 0}, new double[] {0, 1, 1})).isCloseTo(0.5, within(1e-15));
        // (1,2,2)·(2,0,1) = 4, |·| = 3 and √5: 4/(3√5)
        assertThat(Cosine.of(new double[] {1, 2, 2}, new double[] {2, 0, 1}))
                .isCloseTo(4 / (3 * Math.sqrt(5)), within(1e-15));
    }

    @Test
    @DisplayName("scale does not matter; a vector of zeros is similar to nothing; different lengths never compare")
    void scaleZerosAndLengths() {
        assertThat(Cosine.of(new double[] {0.2, 0.4, 0}, new double[] {0.5, 1, 0}))
                .isCloseTo(1.0, within(1e-15));
        assertThat(Cosine.of(new double[] {0, 0, 0}, new double[] {0.5, 1, 0})).isZero();
        assertThat(Cosine.of(new double[] {0, 0}, new double[] {0, 0})).isZero();
        assertThatThrownBy(() -> Cosine.of(new double[] {1}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the API's value: rounded half up to 4 decimals, computed as the ranking computes it")
    void rounded() {
        assertThat(Cosine.rounded(Math.sqrt(0.5))).isEqualTo(0.7071);
        assertThat(Cosine.rounded(0.12345)).isEqualTo(0.1235);
        assertThat(Cosine.rounded(1.0000001)).isEqualTo(1.0);
        assertThat(Cosine.rounded(-0.0)).isEqualTo(0.0);
        assertThat(UnitVectors.similarity(new double[] {1, 0}, new double[] {1, 1}))
                .isEqualTo(0.7071);
        assertThat(UnitVectors.similarity(new double[] {3, 4}, new double[] {4, 3}))
                .isEqualTo(0.96);
        assertThat(UnitVectors.similarity(new double[] {1, 2, 2}, new double[] {2, 0, 1}))
                .isEqualTo(0.5963); // 4/(3√5) = 0.59628…
        assertThat(UnitVectors.similarity(new double[] {0.3, 0.3, 0.9}, new double[] {0.3, 0.3, 0.9}))
                .isEqualTo(1.0);
    }

    @Test
    @DisplayName("the vector column: a JSON array of numbers")
    void vectorText() {
        assertThat(VectorText.read("[0.5, 0, 1,0.25]")).containsExactly(0.5, 0, 1, 0.25);
        assertThat(VectorText.read(" [] ")).isEmpty();
        assertThat(VectorText.read("[1e-3]")).containsExactly(0.001);
        assertThat(VectorText.write(new double[] {0.5, 0, 1, 0.25})).isEqualTo("[0.5,0,1,0.25]");
        for (String bad : new String[] {"", "{}", "[1,,2]", "[1,\"a\"]", "[NaN]", "[1] x", "[[1]]"}) {
            assertThatThrownBy(() -> VectorText.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
