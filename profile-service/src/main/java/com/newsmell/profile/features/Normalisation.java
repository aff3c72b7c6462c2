package com.newsmell.profile.features;

import java.math.BigDecimal;

/**
 * How a feature's raw value x (never negative) becomes its value in the vector, in [0,1], so that the cosine of two
 * vectors stays in [0,1]. Every value is then rounded half-even to {@link #DECIMALS} decimals.
 *
 * <ul>
 *   <li>{@code share}: x is already a fraction (a part over its whole), kept as it is;
 *   <li>{@code weight}: x is a preference weight in [0,1] (the top note or house weighs 1), kept as it is;
 *   <li>{@code flag}: 1 when x &gt; 0, else 0;
 *   <li>{@code cap}: min(x / cap, 1), for rates whose useful range ends at the cap;
 *   <li>{@code log}: min(ln(1 + x) / ln(1 + cap), 1), for counts with a long tail (one more session matters more at 2
 *       than at 200);
 *   <li>{@code range}: (x − min) / (max − min), clamped, for a value on a fixed scale (a rating 1–5).
 * </ul>
 *
 * @param cap the value at which {@code cap} and {@code log} reach 1 (null otherwise)
 * @param min the bottom of a {@code range} (null otherwise)
 * @param max the top of a {@code range} (null otherwise)
 */
public record Normalisation(Kind kind, Double cap, Double min, Double max) {

    public static final int DECIMALS = 4;

    public enum Kind {
        share,
        weight,
        flag,
        cap,
        log,
        range
    }

    public Normalisation {
        if ((kind == Kind.cap || kind == Kind.log) && (cap == null || !(cap > 0))) {
            throw new IllegalArgumentException(kind + " needs a positive cap, not " + cap);
        }
        if (kind == Kind.range && (min == null || max == null || !(max > min))) {
            throw new IllegalArgumentException("range needs min < max");
        }
    }

    public static Normalisation share() {
        return new Normalisation(Kind.share, null, null, null);
    }

    public static Normalisation weight() {
        return new Normalisation(Kind.weight, null, null, null);
    }

    public static Normalisation flag() {
        return new Normalisation(Kind.flag, null, null, null);
    }

    public static Normalisation cap(double cap) {
        return new Normalisation(Kind.cap, cap, null, null);
    }

    public static Normalisation log(double cap) {
        return new Normalisation(Kind.log, cap, null, null);
    }

    public static Normalisation range(double min, double max) {
        return new Normalisation(Kind.range, null, min, max);
    }

    /** Whether the normalisation has a cap that configuration may set. */
    public boolean capped() {
        return kind == Kind.cap || kind == Kind.log;
    }

    public Normalisation withCap(double newCap) {
        if (!capped()) {
            throw new IllegalArgumentException(kind + " has no cap");
        }
        return new Normalisation(kind, newCap, null, null);
    }

    /** The value in the vector: in [0,1], rounded to {@link #DECIMALS} decimals. */
    public double apply(double x) {
        double v = switch (kind) {
            case share, weight -> x;
            case flag -> x > 0 ? 1 : 0;
            case cap -> x / cap;
            case log -> x <= 0 ? 0 : Math.log1p(x) / Math.log1p(cap);
            case range -> (x - min) / (max - min);
        };
        if (!(v > 0)) { // NaN too
            return 0;
        }
        return v >= 1 ? 1 : round(v);
    }

    /** {@code value} rounded half-even to {@link #DECIMALS} decimals (of its shortest decimal form). */
    public static double round(double value) {
        return BigDecimal.valueOf(value)
                .setScale(DECIMALS, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    /** The rule as a formula of x, as the schema serves it. */
    public String formula() {
        return switch (kind) {
            case share, weight -> "x (already 0-1)";
            case flag -> "1 if x > 0, else 0";
            case cap -> "min(x / " + number(cap) + ", 1)";
            case log -> "min(ln(1 + x) / ln(1 + " + number(cap) + "), 1)";
            case range -> "(x - " + number(min) + ") / (" + number(max) + " - " + number(min) + "), clamped to [0, 1]";
        };
    }

    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
