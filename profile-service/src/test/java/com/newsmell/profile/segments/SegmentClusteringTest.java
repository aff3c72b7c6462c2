package com.newsmell.profile.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The weekly segmentation's k-means and its descriptions, pure. */
class SegmentClusteringTest {

    private static final SegmentClustering.Settings SETTINGS = new SegmentClustering.Settings(4, 100, 42, 3);

    /** Four planted clusters of 60 users each in 12 features: each cluster high on its own three features. */
    static List<double[]> planted(Random random, int[] labels) {
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            int c = i % 4;
            labels[i] = c;
            double[] v = new double[12];
            for (int f = 0; f < 12; f++) {
                double centre = f / 3 == c ? 0.8 : 0.1;
                v[f] = Math.max(0, Math.min(1, centre + random.nextGaussian() * 0.08));
            }
            vectors.add(v);
        }
        return vectors;
    }

    @Test
    @DisplayName("planted clusters are recovered (adjusted Rand index ≥ 0.9), each described by its own features")
    void recoversPlantedClusters() {
        int[] labels = new int[240];
        List<double[]> vectors = planted(new Random(3), labels);
        SegmentClustering.Result result = SegmentClustering.cluster(vectors, SETTINGS, i -> "feature" + i);
        assertThat(AdjustedRandIndex.of(labels, result.assignment())).isGreaterThanOrEqualTo(0.9);
        assertThat(result.segments()).hasSize(4);
        assertThat(result.segments().stream()
                        .mapToInt(SegmentClustering.Segment::size)
                        .sum())
                .isEqualTo(240);
        for (SegmentClustering.Segment s : result.segments()) {
            // the segment's three distinctive features are its cluster's three, all above the mean
            int cluster = labels[firstMember(result.assignment(), s.number())];
            assertThat(s.distinctiveFeatures()).hasSize(3);
            for (SegmentClustering.DistinctiveFeature f : s.distinctiveFeatures()) {
                assertThat(f.index() / 3).isEqualTo(cluster);
                assertThat(f.name()).isEqualTo("feature" + f.index());
                assertThat(f.difference()).isPositive();
                assertThat(f.standardDifference()).isGreaterThan(1);
            }
            assertThat(s.centroid()).hasSize(12);
        }
    }

    @Test
    @DisplayName("the same vectors and seed give the same segments; numbered by size, largest first")
    void deterministicAndOrdered() {
        Random random = new Random(5);
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            double[] v = new double[6];
            for (int f = 0; f < 6; f++) {
                v[f] = random.nextDouble();
            }
            vectors.add(v);
        }
        SegmentClustering.Result a = SegmentClustering.cluster(vectors, SETTINGS, FeatureNames.NONE);
        SegmentClustering.Result b = SegmentClustering.cluster(vectors, SETTINGS, FeatureNames.NONE);
        assertThat(a.assignment()).isEqualTo(b.assignment());
        for (int i = 1; i < a.segments().size(); i++) {
            assertThat(a.segments().get(i).size())
                    .isLessThanOrEqualTo(a.segments().get(i - 1).size());
            assertThat(a.segments().get(i).number()).isEqualTo(i + 1);
        }
        assertThat(a.segments().get(0).distinctiveFeatures().get(0).name()).isNull();
    }

    @Test
    @DisplayName("fewer distinct vectors than k: as many segments as distinct vectors; none without users")
    void fewVectors() {
        List<double[]> vectors =
                List.of(new double[] {1, 0}, new double[] {1, 0}, new double[] {0, 1}, new double[] {0, 1});
        SegmentClustering.Result result = SegmentClustering.cluster(vectors, SETTINGS, FeatureNames.NONE);
        assertThat(result.segments()).hasSize(2);
        assertThat(result.assignment()[0]).isEqualTo(result.assignment()[1]);
        assertThat(result.assignment()[2]).isEqualTo(result.assignment()[3]).isNotEqualTo(result.assignment()[0]);
        assertThat(SegmentClustering.cluster(List.of(), SETTINGS, FeatureNames.NONE)
                        .segments())
                .isEmpty();
    }

    private static int firstMember(int[] assignment, int segment) {
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] == segment) {
                return i;
            }
        }
        throw new AssertionError("segment " + segment + " has no member");
    }
}
