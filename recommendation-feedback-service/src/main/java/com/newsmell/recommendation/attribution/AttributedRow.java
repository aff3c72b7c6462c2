package com.newsmell.recommendation.attribution;

import java.time.Instant;

/** A ledger row with the outcome of the conversions credited to it. */
public record AttributedRow(LedgerRow row, Outcome outcome) {

    /**
     * The earliest response to the impression: its click, its explicit feedback or a credited conversion; null
     * without any.
     */
    public Instant firstInteractionTime() {
        Instant first = null;
        for (Instant t : new Instant[] {row.clickTime(), row.feedbackTime(), outcome.firstConversionTime()}) {
            if (t != null && (first == null || t.isBefore(first))) {
                first = t;
            }
        }
        return first;
    }
}
