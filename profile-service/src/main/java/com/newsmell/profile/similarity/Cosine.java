package com.newsmell.profile.similarity;

/**
 * The seed's {@code calculateUserSimilarity}: the cosine of the angle between two feature vectors of the same schema
 * version. Every feature is in [0, 1], so the cosine is in [0, 1]: 1 for vectors pointing the same way (the same
 * behaviour at any scale), 0 for vectors with no feature in common. A vector of zeros (no behaviour) is similar to
 * nothing: 0. Pure.
 *
 * <p>The service ranks with {@link UnitVectors} (unit vectors stored as floats, one dot product per pair) and answers
 * {@link #rounded} values; {@link #of} is the exact definition in doubles that those agree with to 4 decimals.
 */
public final class Cosine {

    /** The API's similarities have this many decimals. */
    public static final int DECIMALS = 4;

    private static final double SCALE = 10_000d;

    private Cosine() {}

    /** The exact cosine similarity of two vectors of the same length: a·b / (|a| |b|), 0 when either is all zeros. */
    public static double of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return 0;
        }
        return clamp(dot / (Math.sqrt(aa) * Math.sqrt(bb)));
    }

    /** A similarity as the API gives it: in [0, 1], rounded half up to {@link #DECIMALS} decimals. */
    public static double rounded(double similarity) {
        return key(similarity) / SCALE;
    }

    /** A similarity in units of 0.0001 (0 to 10,000): the rounded value that rankings compare. */
    public static int key(double similarity) {
        return (int) Math.round(clamp(similarity) * SCALE);
    }

    /** The similarity of a ranking key. */
    public static double ofKey(int key) {
        return key / SCALE;
    }

    static double clamp(double similarity) {
        if (!(similarity > 0)) {
            return 0;
        }
        return Math.min(1, similarity);
    }
}
