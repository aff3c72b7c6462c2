package com.newsmell.profile.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The exact neighbour search against the definition, pure. */
class ExactNeighboursTest {

    @Test
    @DisplayName("identical vectors are each other's nearest neighbour; nobody is their own; ties go by userId")
    void identicalSelfAndTies() {
        UnitVectors v = UnitVectors.of(
                List.of("d", "a", "c", "b", "e"),
                List.of(
                        new double[] {0.9, 0.1, 0},
                        new double[] {0.2, 0.8, 0.4},
                        new double[] {0.1, 0.4, 0.2}, // a at half the scale: the same direction as a
                        new double[] {0.2, 0.8, 0.4},
                        new double[] {0, 0, 1}));
        assertThat(v.userIds()).containsExactly("a", "b", "c", "d", "e");
        Neighbours all = ExactNeighbours.topK(v, 3, 2);
        // a: b and c both 1.0 (tie: b first), then e
        assertThat(names(v, all.row(0))).containsExactly("b", "c", "e");
        assertThat(all.row(0).similarity(0)).isEqualTo(1.0);
        assertThat(all.row(0).similarity(1)).isEqualTo(1.0);
        assertThat(names(v, all.row(1))).containsExactly("a", "c", "e");
        for (int q = 0; q < all.queries(); q++) {
            for (int n : all.row(q).neighbours()) {
                assertThat(n).as("user %d's neighbours", q).isNotEqualTo(q);
            }
        }
    }

    @Test
    @DisplayName("a set smaller than k gives everyone else; a set of one gives nobody")
    void smallSets() {
        UnitVectors two = UnitVectors.of(List.of("x", "y"), List.of(new double[] {1, 0}, new double[] {1, 1}));
        Neighbours all = ExactNeighbours.topK(two, 50, 1);
        assertThat(names(two, all.row(0))).containsExactly("y");
        assertThat(all.row(0).similarity(0)).isEqualTo(0.7071);
        UnitVectors one = UnitVectors.of(List.of("x"), List.<double[]>of(new double[] {1, 0}));
        assertThat(ExactNeighbours.topK(one, 5, 2).row(0).size()).isZero();
    }

    @Test
    @DisplayName("random vectors over several tiles: the same top-k as sorting every pair, with any thread count")
    void againstTheDefinition() {
        Random random = new Random(7);
        int n = UnitVectors.TILE * 2 + 37;
        int d = 13;
        List<String> ids = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("u%04d", i));
            double[] x = new double[d];
            for (int f = 0; f < d; f++) {
                // coarse values: many exact ties of the rounded similarity
                x[f] = random.nextDouble() < 0.3 ? 0 : random.nextInt(3) / 2.0;
            }
            vectors.add(x);
        }
        UnitVectors v = UnitVectors.of(ids, vectors);
        int k = 10;
        Neighbours one = ExactNeighbours.topK(v, k, 1);
        Neighbours two = ExactNeighbours.topK(v, k, 2);
        for (int q = 0; q < n; q++) {
            int query = q;
            List<Integer> others = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != q) {
                    others.add(j);
                }
            }
            others.sort(Comparator.<Integer>comparingDouble(j -> -v.similarity(query, j))
                    .thenComparing(j -> v.userId(j)));
            List<Integer> want = others.subList(0, k);
            assertThat(boxed(one.row(q).neighbours())).as("user %d", q).isEqualTo(want);
            assertThat(boxed(two.row(q).neighbours()))
                    .as("user %d, 2 threads", q)
                    .isEqualTo(want);
            for (int r = 0; r < k; r++) {
                // the list's similarity is the pair's, bitwise (same sums)
                assertThat(one.row(q).similarity(r)).isEqualTo(v.similarity(q, want.get(r)));
                assertThat(v.similarity(q, want.get(r)))
                        .isEqualTo(UnitVectors.similarity(vectors.get(q), vectors.get(want.get(r))));
            }
            assertThat(boxed(ExactNeighbours.query(v, v.row(q), k, q).neighbours()))
                    .isEqualTo(want);
        }
    }

    private static List<String> names(UnitVectors v, Neighbours.Row row) {
        List<String> out = new ArrayList<>();
        for (int n : row.neighbours()) {
            out.add(v.userId(n));
        }
        return out;
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> out = new ArrayList<>();
        for (int x : values) {
            out.add(x);
        }
        return out;
    }
}
