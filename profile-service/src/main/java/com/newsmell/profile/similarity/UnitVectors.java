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
        Builder builder = new Builder(userIds.size());
        for (int i = 0; i < userIds.size(); i++) {
            builder.add(userIds.get(i), vectors.get(i));
        }
        return builder.build();
    }

    /**
     * Collects users in any order, each with a vector of the same length, keeping only its unit vector (floats); the set
     * is sorted and tiled by {@link #build}.
     */
    public static final class Builder {
        private final ArrayList<String> ids;
        private final ArrayList<float[]> units;
        private int dimension = -1;

        public Builder(int expectedUsers) {
            this.ids = new ArrayList<>(Math.max(16, expectedUsers));
            this.units = new ArrayList<>(Math.max(16, expectedUsers));
        }

        public Builder add(String userId, double[] vector) {
            if (dimension < 0) {
                dimension = vector.length;
            }
            if (vector.length != dimension) {
                throw new IllegalArgumentException(
                        "user " + userId + ": a vector of " + vector.length + " numbers among vectors of " + dimension);
            }
            ids.add(userId);
            units.add(unit(vector));
            return this;
        }

        public int size() {
            return ids.size();
        }

        public UnitVectors build() {
            Integer[] order = new Integer[ids.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> ids.get(x).compareTo(ids.get(y)));
            int d = Math.max(dimension, 0);
            List<String> sorted = new ArrayList<>(order.length);
            float[][] tiles = new float[(order.length + TILE - 1) / TILE * d][];
            for (int t = 0; t < tiles.length; t++) {
                tiles[t] = new float[TILE];
            }
            for (int i = 0; i < order.length; i++) {
                String id = ids.get(order[i]);
                if (i > 0 && id.equals(sorted.get(i - 1))) {
                    throw new IllegalArgumentException("user " + id + " twice");
                }
                sorted.add(id);
                float[] unit = units.get(order[i]);
                units.set(order[i], null); // each unit vector is dropped once tiled
                int base = (i / TILE) * d;
                for (int f = 0; f < d; f++) {
                    tiles[base + f][i % TILE] = unit[f];
                }
            }
            return new UnitVectors(List.copyOf(sorted), d, tiles);
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
