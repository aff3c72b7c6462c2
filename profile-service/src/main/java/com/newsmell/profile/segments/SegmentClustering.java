package com.newsmell.profile.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * The weekly segmentation (README "Segments"): k-means (commons-math3 {@link KMeansPlusPlusClusterer}: k-means++
 * initialisation, Lloyd iterations until no user changes segment or {@code maxIterations}, Euclidean distance) over
 * the users' raw feature vectors, seeded with {@link JDKRandomGenerator}{@code (seed)} so that the same vectors in the
 * same order give the same segments; {@code trials} runs one after the other from the same generator and the one with
 * the least sum of squared distances to the centroids is kept, since one k-means++ start can end in a poor local
 * optimum (two planted clusters merged, one split). (commons-math3's {@code MultiKMeansPlusPlusClusterer} keeps the
 * least sum of the clusters' variances, unweighted by size, which prefers exactly such an optimum.) Segments are numbered 1..k by size, largest first (ties by centroid). Each is
 * described by its size, its centroid and its most distinctive features: the features whose segment mean differs most
 * from the population mean, in population standard deviations. Pure.
 */
public final class SegmentClustering {

    /** The run's constants (README "Segments", {@code newsmell.profile.segments.*}). */
    public record Settings(int k, int maxIterations, int seed, int distinctiveFeatures, int trials) {
        public Settings(int k, int maxIterations, int seed, int distinctiveFeatures) {
            this(k, maxIterations, seed, distinctiveFeatures, 1);
        }
    }

    /**
     * A feature that sets a segment apart: its position, name (null while the schema names none), the segment's mean
     * of it, the population's, their difference, and that difference in population standard deviations.
     */
    public record DistinctiveFeature(
            int index,
            String name,
            double segmentMean,
            double populationMean,
            double difference,
            double standardDifference) {}

    /** A segment: its number (1 = largest), size, centroid and distinctive features. */
    public record Segment(int number, int size, double[] centroid, List<DistinctiveFeature> distinctiveFeatures) {}

    /**
     * The segments, largest first, and each user's segment number ({@code assignment[i]} for {@code vectors.get(i)}).
     */
    public record Result(List<Segment> segments, int[] assignment, double[] populationMean) {}

    private SegmentClustering() {}

    public static Result cluster(List<double[]> vectors, Settings settings, FeatureNames names) {
        int n = vectors.size();
        if (n == 0) {
            return new Result(List.of(), new int[0], new double[0]);
        }
        int dimension = vectors.get(0).length;
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (vectors.get(i).length != dimension) {
                throw new IllegalArgumentException(
                        "vector " + i + " has " + vectors.get(i).length + " numbers among vectors of " + dimension);
            }
            points.add(new Point(i, vectors.get(i)));
        }
        // k-means++ cannot pick more distinct centres than there are distinct vectors.
        int k = Math.max(1, Math.min(settings.k(), distinct(vectors, settings.k())));
        KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(
                k, settings.maxIterations(), new EuclideanDistance(), new JDKRandomGenerator(settings.seed()));
        List<CentroidCluster<Point>> clusters = null;
        double best = Double.POSITIVE_INFINITY;
        for (int trial = 0; trial < Math.max(1, settings.trials()); trial++) {
            List<CentroidCluster<Point>> candidate = clusterer.cluster(points);
            double sse = squaredErrors(candidate);
            if (sse < best) {
                best = sse;
                clusters = new ArrayList<>(candidate);
            }
        }
        clusters.removeIf(c -> c.getPoints().isEmpty());
        clusters.sort(Comparator.<CentroidCluster<Point>>comparingInt(
                        c -> -c.getPoints().size())
                .thenComparing((x, y) ->
                        Arrays.compare(x.getCenter().getPoint(), y.getCenter().getPoint())));

        double[] mean = new double[dimension];
        for (double[] v : vectors) {
            for (int f = 0; f < dimension; f++) {
                mean[f] += v[f];
            }
        }
        for (int f = 0; f < dimension; f++) {
            mean[f] /= n;
        }
        double[] sd = new double[dimension];
        for (double[] v : vectors) {
            for (int f = 0; f < dimension; f++) {
                double d = v[f] - mean[f];
                sd[f] += d * d;
            }
        }
        for (int f = 0; f < dimension; f++) {
            sd[f] = Math.sqrt(sd[f] / n);
        }

        int[] assignment = new int[n];
        List<Segment> segments = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            List<Point> members = clusters.get(c).getPoints();
            double[] centroid = new double[dimension];
            for (Point p : members) {
                assignment[p.index] = c + 1;
                for (int f = 0; f < dimension; f++) {
                    centroid[f] += p.vector[f];
                }
            }
            for (int f = 0; f < dimension; f++) {
                centroid[f] /= members.size();
            }
            segments.add(new Segment(
                    c + 1,
                    members.size(),
                    round(centroid),
                    distinctive(centroid, mean, sd, settings.distinctiveFeatures(), names)));
        }
        return new Result(List.copyOf(segments), assignment, round(mean));
    }

    /**
     * The {@code count} features with the largest |segment mean − population mean| / population standard deviation,
     * largest first, ties by position; features that do not vary in the population are left out.
     */
    static List<DistinctiveFeature> distinctive(
            double[] centroid, double[] mean, double[] sd, int count, FeatureNames names) {
        List<Integer> features = new ArrayList<>();
        for (int f = 0; f < centroid.length; f++) {
            if (sd[f] > 0) {
                features.add(f);
            }
        }
        features.sort(Comparator.<Integer>comparingDouble(f -> -Math.abs((centroid[f] - mean[f]) / sd[f]))
                .thenComparingInt(f -> f));
        List<DistinctiveFeature> out = new ArrayList<>();
        for (int f : features.subList(0, Math.min(count, features.size()))) {
            out.add(new DistinctiveFeature(
                    f,
                    names.name(f),
                    round(centroid[f]),
                    round(mean[f]),
                    round(centroid[f] - mean[f]),
                    round((centroid[f] - mean[f]) / sd[f])));
        }
        return List.copyOf(out);
    }

    /** The sum of the squared Euclidean distances of the points to their cluster's centre (k-means' objective). */
    private static double squaredErrors(List<CentroidCluster<Point>> clusters) {
        double sum = 0;
        for (CentroidCluster<Point> c : clusters) {
            double[] centre = c.getCenter().getPoint();
            for (Point p : c.getPoints()) {
                for (int f = 0; f < centre.length; f++) {
                    double d = p.vector[f] - centre[f];
                    sum += d * d;
                }
            }
        }
        return sum;
    }

    /** How many distinct vectors there are, counting up to {@code enough}. */
    private static int distinct(List<double[]> vectors, int enough) {
        Set<Key> seen = new HashSet<>();
        for (double[] v : vectors) {
            seen.add(new Key(v));
            if (seen.size() >= enough) {
                break;
            }
        }
        return seen.size();
    }

    static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }

    private static double[] round(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = round(values[i]);
        }
        return out;
    }

    /** A user's vector as commons-math3 clusters it, with the user's position. */
    private static final class Point implements Clusterable {
        final int index;
        final double[] vector;

        Point(int index, double[] vector) {
            this.index = index;
            this.vector = vector;
        }

        @Override
        public double[] getPoint() {
            return vector;
        }
    }

    private static final class Key {
        private final double[] v;
        private final int hash;

        Key(double[] v) {
            this.v = v;
            this.hash = Arrays.hashCode(v);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
