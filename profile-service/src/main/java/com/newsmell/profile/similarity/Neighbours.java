package com.newsmell.profile.similarity;

/**
 * The result of a neighbour search: for each query user {@code from + q}, up to {@code k} neighbours (indexes into
 * {@link #vectors()}), best first, with their similarity keys ({@link Cosine#key}). Pure.
 */
public record Neighbours(UnitVectors vectors, int from, int k, int[] neighbours, int[] keys, int[] counts) {

    /** How many query users. */
    public int queries() {
        return counts.length;
    }

    /** The neighbours of query {@code q} (0-based among the queries), best first. */
    public Row row(int q) {
        int n = counts[q];
        int[] ids = new int[n];
        int[] ks = new int[n];
        System.arraycopy(neighbours, q * k, ids, 0, n);
        System.arraycopy(keys, q * k, ks, 0, n);
        return new Row(ids, ks);
    }

    /** One user's neighbours (indexes into the set) and similarity keys, best first. */
    public record Row(int[] neighbours, int[] keys) {
        public int size() {
            return neighbours.length;
        }

        public double similarity(int rank) {
            return Cosine.ofKey(keys[rank]);
        }
    }
}
