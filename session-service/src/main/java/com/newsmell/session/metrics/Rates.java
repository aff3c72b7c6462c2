package com.newsmell.session.metrics;

/** The one formula of every rate the metrics return: numerator ÷ denominator, null (not 0, not NaN) over nothing. */
public final class Rates {

    private Rates() {}

    public static Double of(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
