package com.newsmell.perfumestats.event;

import java.math.BigDecimal;

/**
 * The numbers of an event (the seed's {@code number}: a rating of 4.5, a viewDuration of 1234.5 ms), kept without
 * loss: a whole number as it is, a decimal by its shortest decimal form (4.5 stays 4.5, never 4.4999...). Sums of
 * them are exact (PostgreSQL {@code numeric}), so a total derived again from the buckets equals the running one.
 */
public final class Decimals {

    private Decimals() {}

    /** The exact decimal of a JSON number; null for null, NaN or an infinity. */
    public static BigDecimal of(Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
