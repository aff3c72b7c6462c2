package com.newsmell.profile.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Users' feature vectors of one schema version, scaled to length 1 and stored as floats, so that a cosine similarity
 * is one dot product. Users are in {@code userIds} order, sorted (String order), which is the order ties are broken
 * in. Pure.
 *
 * <p>Layout: tiles of {@value #TILE} users, each tile feature-major: one array per tile and feature holding that
 * feature of the tile's users side by side, so that {@link ExactNeighbours} computes a query against a whole tile with
 * one loop per feature that the JIT vectorises (C2 of Java 17 does not vectorise such a loop when the array is read at
 * an offset, hence an array per feature rather than one flat array). A dot
 * product is summed in feature order, one float accumulator, everywhere ({@link #dot}, the tiles): a pair's similarity
 * is bitwise the same whichever way it is computed.
 */
public final class UnitVectors {

    /** Users per tile. */
    public static final int TILE = 256;

    private final List<String> userIds;
    private final int dimension;
    /** {@code tiles[t * dimension + f][j]}: feature f of user {@code t * TILE + j}. */
    private final float[][] tiles;

    private UnitVectors(List<String> userIds, int dimension, float[][] tiles) {
        this.userIds = userIds;
        this.dimension = dimension;
        this.tiles = tiles;
    }

    /** Builds the set from raw vectors (every one of the same length), users in any order. */
    public static UnitVectors of(List<String> userIds, List<double[]> vectors) {
        if (userIds.size() != vectors.size()) {
            throw new IllegalArgumentException("users and vectors differ in number");
        }
        Integer[] order = new Integer[userIds.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> userIds.get(x).compareTo(userIds.get(y)));
        Builder builder = new Builder(order.length);
        for (int i : order) {
            builder.add(userIds.get(i), vectors.get(i));
        }
        return builder.build();
    }

    /** Adds users in increasing userId order (as read by key), each with a vector of the same length. */
    public static final class Builder {
        private final ArrayList<String> ids;
        private int dimension = -1;
        private final ArrayList<float[]> tiles = new ArrayList<>();

        public Builder(int expectedUsers) {
            this.ids = new ArrayList<>(Math.max(16, expectedUsers));
        }

        public Builder add(String userId, double[] vector) {
            if (dimension < 0) {
                dimension = vector.length;
            }
            if (vector.length != dimension) {
                throw new IllegalArgumentException(
                        "user " + userId + ": a vector of " + vector.length + " numbers among vectors of " + dimension);
            }
            if (!ids.isEmpty() && ids.get(ids.size() - 1).compareTo(userId) >= 0) {
                throw new IllegalArgumentException("users must be added in increasing order: " + userId);
            }
            int i = ids.size();
            if (i % TILE == 0) {
                for (int f = 0; f < dimension; f++) {
                    tiles.add(new float[TILE]);
                }
            }
            float[] unit = unit(vector);
            int base = (i / TILE) * dimension;
            for (int f = 0; f < dimension; f++) {
                tiles.get(base + f)[i % TILE] = unit[f];
            }
            ids.add(userId);
            return this;
        }

        public int size() {
            return ids.size();
        }

        public UnitVectors build() {
            return new UnitVectors(List.copyOf(ids), Math.max(dimension, 0), tiles.toArray(new float[0][]));
        }
    }

    /** A vector divided by its length, as floats; a vector of zeros stays zeros. */
    public static float[] unit(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0f : (float) (vector[i] / norm);
        }
        return unit;
    }

    /**
     * The dot product of two unit vectors, summed in feature order in one float accumulator (exactly as the tiles
     * sum it): their cosine similarity, not rounded or clamped.
     */
    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int f = 0; f < a.length; f++) {
            if (a[f] != 0) {
                sum += a[f] * b[f];
            }
        }
        return sum;
    }

    /**
     * The similarity the service answers for two raw vectors of the same length: computed as the ranking computes it
     * (unit floats, {@link #dot}), rounded to 4 decimals, so a pair and a neighbour list always agree.
     */
    public static double similarity(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        return Cosine.rounded(dot(unit(a), unit(b)));
    }

    public int size() {
        return userIds.size();
    }

    public int dimension() {
        return dimension;
    }

    public List<String> userIds() {
        return userIds;
    }

    public String userId(int index) {
        return userIds.get(index);
    }

    /** The tiles (read-only by convention: the searches share them). */
    float[][] tiles() {
        return tiles;
    }

    /** User {@code i}'s unit vector (a copy). */
    public float[] row(int i) {
        float[] row = new float[dimension];
        int base = (i / TILE) * dimension;
        for (int f = 0; f < dimension; f++) {
            row[f] = tiles[base + f][i % TILE];
        }
        return row;
    }

    /** The rounded similarity of two users of the set. */
    public double similarity(int i, int j) {
        return Cosine.rounded(dot(row(i), row(j)));
    }
}
